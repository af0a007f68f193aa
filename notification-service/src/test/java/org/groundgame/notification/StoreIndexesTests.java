package org.groundgame.notification;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.test.store.StoreIndexes.names;
import static org.groundgame.test.store.StoreIndexes.unique;

/**
 * The stores create the indexes their documents used to declare, under the same names,
 * keys and options: a running deployment's existing indexes are the same ones, and the
 * unique ones still keep one inbox entry per event and recipient and one preference
 * document per address and per token.
 */
@NotificationServiceIntegrationTest
class StoreIndexesTests {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void theStoresKeepTheIndexesTheDocumentsDeclaredBefore() {
		assertThat(names(this.mongo, "inbox_entries")).contains("one_entry_per_event_and_recipient",
				"inbox_newest_first", "inbox_unread_newest_first", "inbox_in_delivery_order", "by_subject",
				"by_personal_data_subject");
		assertThat(names(this.mongo, "deliveries")).contains("due", "log_by_chapter", "by_person", "by_subject",
				"by_personal_data_subject");
		assertThat(names(this.mongo, "digest_items")).contains("waiting_by_chapter", "by_subject",
				"by_personal_data_subject");
		assertThat(names(this.mongo, "webhook_personal_data")).contains("by_subject");
		assertThat(names(this.mongo, "chapters")).contains("state");
		assertThat(names(this.mongo, "subscriptions")).contains("states");
		assertThat(names(this.mongo, "email_preferences")).contains("addressKey", "tokenHash", "records");
		assertThat(unique(this.mongo, "inbox_entries")).containsExactly("one_entry_per_event_and_recipient");
		assertThat(unique(this.mongo, "email_preferences")).containsExactlyInAnyOrder("addressKey", "tokenHash");
		for (String collection : List.of("deliveries", "digest_items", "webhook_personal_data", "chapters",
				"subscriptions")) {
			assertThat(unique(this.mongo, collection)).as(collection).isEmpty();
		}
	}

}
