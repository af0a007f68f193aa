package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.support.domain.CapabilityTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

	@Test
	void aQuestionnaireStoredBeforeItMovedOutOfTheNominationStillOpensAndIsAnsweredInTheSameShape() {
		// A cycle of its own, clear of the other tests' banks.
		int cycle = 2098;
		NominationApi staff = new NominationApi(this.client);
		String questionId = staff
			.put("/api/questionnaires/{cycle}",
					Map.of("questions", List.of(Map.of("text", "Why are you running?", "kind", "FREE_TEXT"))),
					HttpStatus.OK, cycle)
			.get("questions")
			.get(0)
			.get("id")
			.asString();
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		NominationApi.part(nomination, "race").put("electionDate", java.time.LocalDate.of(cycle, 11, 3).toString());
		String nominationId = staff.submit(nomination).get("id").asString();
		// Written raw on purpose: the questionnaire as the nomination's own record stored
		// it before it became the questionnaire's value object (issue 18), with a token
		// this test knows.
		String token = "old-shape-" + UUID.randomUUID();
		Instant issuedAt = Instant.now().minusSeconds(60);
		this.mongo.getCollection("nominations")
			.updateOne(new Document("_id", nominationId),
					new Document("$set", new Document("questionnaire",
							new Document("email", "old@example.org").append("tokenHash", CapabilityTokens.hash(token))
								.append("issuedAt", java.util.Date.from(issuedAt))
								.append("expiresAt", java.util.Date.from(issuedAt.plusSeconds(86_400)))
								.append("answers", List.of()))));

		JsonNode opened = questionnaire(HttpMethod.GET, token, null);
		assertThat(opened.get("nominationId").asString()).isEqualTo(nominationId);
		assertThat(opened.get("questions").get(0).get("id").asString()).isEqualTo(questionId);
		questionnaire(HttpMethod.PUT, token,
				Map.of("answers", List.of(Map.of("questionId", questionId, "text", "For my neighbors"))));

		Document stored = this.mongo.getCollection("nominations")
			.find(new Document("_id", nominationId))
			.first()
			.get("questionnaire", Document.class);
		assertThat(stored.keySet()).containsExactlyInAnyOrder("email", "tokenHash", "issuedAt", "expiresAt", "answers",
				"completedAt");
		Document answer = stored.getList("answers", Document.class).getFirst();
		assertThat(answer.keySet()).containsExactlyInAnyOrder("questionId", "questionText", "kind", "text");
		assertThat(answer.getString("text")).isEqualTo("For my neighbors");
	}

	private JsonNode questionnaire(HttpMethod method, String token, Object body) {
		RestTestClient.RequestBodySpec request = this.client.method(method)
			.uri("/api/questionnaire")
			.header(NominationApi.QUESTIONNAIRE_TOKEN, token);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON);
			request.body(JsonMapper.builder().build().writeValueAsString(body));
		}
		byte[] answer = request.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.OK)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return JsonMapper.builder().build().readTree(answer);
	}

}
