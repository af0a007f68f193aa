package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents stored before the classes that map them moved to packages of their own (issue
 * 18) name their old class in {@code _class}; they still read, and change, as before.
 */
@EndorsementServiceIntegrationTest
class StoredBeforeTheMoveTests {

	@Autowired
	RestTestClient client;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aRaceStoredUnderItsOldClassStillReads() {
		String raceId = UUID.randomUUID().toString();
		String office = "Old Office " + raceId;
		int cycle = NominationApi.nextElection().getYear();
		this.mongo.getCollection("races")
			.insertOne(new Document("_id", raceId).append("naturalKey", "old|" + raceId)
				.append("office", office)
				.append("level", "STATE")
				.append("state", "MO")
				.append("district", "79")
				.append("electionDate", NominationApi.nextElection().toString())
				.append("cycle", cycle)
				.append("stage", "GENERAL")
				.append("ballotMeasure", false)
				.append("createdAt", java.util.Date.from(Instant.now()))
				.append("_class", "org.groundgame.endorsement.nomination.RaceDocument"));

		JsonNode race = new NominationApi(this.client).anonymous().get("/api/races/{id}", HttpStatus.OK, raceId);

		assertThat(race.toString()).contains(office);
	}

	@Test
	void aQuestionBankStoredUnderItsOldClassStillReadsAndIsRevised() {
		// A cycle of its own among those a bank may have (up to 2100), clear of the
		// question bank's tests (2040 on).
		int cycle = 2099;
		this.mongo.getCollection("questionnaires").deleteOne(new Document("_id", cycle));
		this.mongo.getCollection("questionnaires")
			.insertOne(new Document("_id", cycle).append("version", 0L)
				.append("questions",
						List.of(new Document("_id", "why").append("text", "Why are you running?")
							.append("kind", "FREE_TEXT")))
				.append("revisedAt", java.util.Date.from(Instant.now()))
				.append("revisedBy", "staff")
				.append("_class", "org.groundgame.endorsement.questionnaire.QuestionnaireDocument"));
		NominationApi staff = new NominationApi(this.client);

		JsonNode bank = staff.get("/api/questionnaires/{cycle}", HttpStatus.OK, cycle);
		assertThat(bank.get("version").asLong()).isEqualTo(1);
		assertThat(bank.get("questions").get(0).get("id").asString()).isEqualTo("why");
		assertThat(bank.get("questions").get(0).get("text").asString()).isEqualTo("Why are you running?");

		JsonNode revised = staff.put("/api/questionnaires/{cycle}",
				Map.of("version", 1, "questions",
						List.of(Map.of("id", "why", "text", "Why are you running now?", "kind", "FREE_TEXT"))),
				HttpStatus.OK, cycle);
		assertThat(revised.get("version").asLong()).isEqualTo(2);
		assertThat(staff.get("/api/questionnaires/{cycle}", HttpStatus.OK, cycle)
			.get("questions")
			.get(0)
			.get("text")
			.asString()).isEqualTo("Why are you running now?");
	}

}
