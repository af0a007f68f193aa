package org.groundgame.volunteer;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(names("shifts")).contains("opportunity_starts_at", "signups_volunteer", "endorsement", "starts_at");
		assertThat(names("opportunities")).contains("state_status", "endorsement", "team_of_unique");
		assertThat(names("chapters")).contains("state_name_key_unique", "name_key_state", "sister_chapter_ids");
		assertThat(names("volunteers")).contains("chapter_signed_up", "pending_change_token", "email_key_unique");
		assertThat(unique("opportunities")).contains("team_of_unique");
		assertThat(unique("chapters")).contains("state_name_key_unique");
		assertThat(unique("volunteers")).contains("email_key_unique");
	}

	private List<String> names(String collection) {
		return this.mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
	}

	private List<String> unique(String collection) {
		return this.mongo.indexOps(collection)
			.getIndexInfo()
			.stream()
			.filter(IndexInfo::isUnique)
			.map(IndexInfo::getName)
			.toList();
	}

}
