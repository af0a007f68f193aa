package org.groundgame.training;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(names("cohorts")).contains("starts_on_name", "enrollments_id", "enrollments_email",
				"enrollments_offer_expires_at", "startsOn");
		assertThat(names("cohort_alerts")).contains("waiting_by_track", "alert_slot", "alert_token", "alert_closed_at");
		assertThat(names("pipeline_graduates")).contains("name_key_state", "emailKey");
		assertThat(names("pipeline_candidacies")).contains("name_key_state", "emailKey");
		assertThat(this.mongo.indexOps("cohort_alerts")
			.getIndexInfo()
			.stream()
			.filter(IndexInfo::isUnique)
			.map(IndexInfo::getName)).contains("alert_slot");
	}

	private List<String> names(String collection) {
		return this.mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
	}

}
