package org.groundgame.training;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.test.store.StoreIndexes.names;
import static org.groundgame.test.store.StoreIndexes.unique;

/**
 * The stores create the indexes their documents used to declare, under the same names,
 * keys and options: a running deployment's existing indexes are the same ones, and the
 * unique one still keeps one alert per address and track.
 */
@CampaignTrainingServiceIntegrationTest
class StoreIndexesTests {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void theStoresKeepTheIndexesTheDocumentsDeclaredBefore() {
		assertThat(names(this.mongo, "cohorts")).contains("starts_on_name", "enrollments_id", "enrollments_email",
				"enrollments_offer_expires_at", "startsOn");
		assertThat(names(this.mongo, "cohort_alerts")).contains("waiting_by_track", "alert_slot", "alert_token",
				"alert_closed_at");
		assertThat(names(this.mongo, "pipeline_graduates")).contains("name_key_state", "emailKey");
		assertThat(names(this.mongo, "pipeline_candidacies")).contains("name_key_state", "emailKey");
		assertThat(unique(this.mongo, "cohort_alerts")).contains("alert_slot");
	}

}
