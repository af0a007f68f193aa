package org.groundgame.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs in a JVM whose zone is not UTC (see this module's surefire settings). */
@SupportIntegrationTest
class DateStorageTests {

	@Autowired
	MongoTemplate mongo;

	@Test
	void anElectionDayIsStoredAsUtcMidnightWhateverTheJvmsZone() {
		assertThat(TimeZone.getDefault().getID()).isNotEqualTo("UTC");
		String id = "election-" + System.nanoTime();

		this.mongo.save(new Race(id, LocalDate.of(2028, 11, 7)), "date_tests");

		Document stored = this.mongo.getCollection("date_tests").find(new Document("_id", id)).first();
		assertThat(stored.get("electionDate", Date.class).toInstant()).isEqualTo(Instant.parse("2028-11-07T00:00:00Z"));
		assertThat(this.mongo.findById(id, Race.class, "date_tests").electionDate())
			.isEqualTo(LocalDate.of(2028, 11, 7));
	}

	record Race(@Id String id, LocalDate electionDate) {
	}

}
