package org.groundgame.volunteer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.test.store.StoreIndexes.names;
import static org.groundgame.test.store.StoreIndexes.unique;

/**
 * The stores create the indexes their documents used to declare, under the same names,
 * keys and options: a running deployment's existing indexes are the same ones, and the
 * unique ones still keep one volunteer per address, one chapter per name and state, and
 * one volunteer team per endorsement.
 */
@VolunteerServiceIntegrationTest
class StoreIndexesTests {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void theStoresKeepTheIndexesTheDocumentsDeclaredBefore() {
		assertThat(names(this.mongo, "shifts")).contains("opportunity_starts_at", "signups_volunteer", "endorsement",
				"starts_at");
		assertThat(names(this.mongo, "opportunities")).contains("state_status", "endorsement", "team_of_unique");
		assertThat(names(this.mongo, "chapters")).contains("state_name_key_unique", "name_key_state",
				"sister_chapter_ids");
		assertThat(names(this.mongo, "volunteers")).contains("chapter_signed_up", "pending_change_token",
				"email_key_unique");
		assertThat(unique(this.mongo, "opportunities")).contains("team_of_unique");
		assertThat(unique(this.mongo, "chapters")).contains("state_name_key_unique");
		assertThat(unique(this.mongo, "volunteers")).contains("email_key_unique");
	}

}
