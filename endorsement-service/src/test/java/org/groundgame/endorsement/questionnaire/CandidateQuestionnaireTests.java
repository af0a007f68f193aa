package org.groundgame.endorsement.questionnaire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.EndorsementTopic;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate answering the questionnaire with nothing but the private link's token,
 * against the real store and broker, with the question bank staff set for the cycle.
 */
@EndorsementServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CandidateQuestionnaireTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Every test its own cycle (and bank), apart from the bank's own tests' cycles. */
	private static final AtomicInteger cycles = new AtomicInteger(2070);

	@Autowired
	PersonalDataProtection protection;

	@Autowired
	RestTestClient client;

	@Autowired
	MongoTemplate mongo;

	NominationApi api;

	int cycle;

	@BeforeEach
	void setUp() {
		this.api = new NominationApi(this.client);
		this.cycle = cycles.getAndIncrement();
		this.api.put("/api/questionnaires/{cycle}",
				Map.of("questions",
						List.of(Map.of("text", "Housing is a human right.", "kind", "AGREE_SCALE"),
								Map.of("text", "Why are you running?", "kind", "FREE_TEXT"))),
				HttpStatus.OK, this.cycle);
	}

	/** A nomination in this test's cycle; answers its id and the candidate's token. */
	String[] nominated() {
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		NominationApi.part(nomination, "race").put("electionDate", LocalDate.of(this.cycle, 11, 5).toString());
		String id = this.api.submit(nomination).get("id").asString();
		String url = EndorsementTopic.awaitEvent(this.protection, id, "QuestionnaireIssued")
			.get("questionnaireUrl")
			.asString();
		return new String[] { id, url.substring(url.indexOf("#token=") + "#token=".length()) };
	}

	JsonNode call(HttpMethod method, String token, Object body, HttpStatus expected) {
		RestTestClient.RequestBodySpec request = this.client.method(method).uri("/api/questionnaire");
		if (token != null) {
			request = request.header(CandidateQuestionnaireController.TOKEN, token);
		}
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON);
			request.body(json.writeValueAsString(body));
		}
		byte[] answer = request.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree((answer != null) ? answer : new byte[0]);
	}

	static Map<String, Object> answers(Object... replies) {
		return Map.of("answers", List.of(replies));
	}

	static Map<String, Object> reply(String questionId, String agreement, String text) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("questionId", questionId);
		reply.put("agreement", agreement);
		reply.put("text", text);
		return reply;
	}

	@Test
	void candidateReadsAndAnswersTheQuestionnaireWithTheTokenOnly(CapturedOutput output) {
		String[] nomination = nominated();
		String token = nomination[1];

		JsonNode opened = call(HttpMethod.GET, token, null, HttpStatus.OK);
		String agreeId = opened.get("questions").get(0).get("id").asString();
		String textId = opened.get("questions").get(1).get("id").asString();
		JsonNode answered = call(HttpMethod.PUT, token,
				answers(reply(textId, null, "For my neighbors"), reply(agreeId, "STRONGLY_AGREE", "Always")),
				HttpStatus.OK);
		JsonNode again = call(HttpMethod.PUT, token, answers(reply(agreeId, "AGREE", null), reply(textId, null, "x")),
				HttpStatus.CONFLICT);

		assertThat(opened.get("nominationId").asString()).isEqualTo(nomination[0]);
		assertThat(opened.get("candidateName").asString()).startsWith("Candidate ");
		assertThat(opened.get("race").get("electionDate").asString()).startsWith(String.valueOf(this.cycle));
		assertThat(opened.get("questions").get(0).get("kind").asString()).isEqualTo("AGREE_SCALE");
		assertThat(opened.get("completedAt").isNull()).isTrue();
		assertThat(Instant.parse(opened.get("expiresAt").asString())).isAfter(Instant.now());
		assertThat(opened.toString()).doesNotContain("@example.org");
		assertThat(answered.get("completedAt").isNull()).isFalse();
		assertThat(answered.get("answers").get(0).get("questionText").asString())
			.isEqualTo("Housing is a human right.");
		assertThat(answered.get("answers").get(0).get("agreement").asString()).isEqualTo("STRONGLY_AGREE");
		assertThat(answered.get("answers").get(1).get("text").asString()).isEqualTo("For my neighbors");
		assertThat(again.get("currentState").asString()).isEqualTo("QUESTIONNAIRE_COMPLETED");
		JsonNode view = this.api.get("/api/nominations/{id}", HttpStatus.OK, nomination[0]);
		assertThat(view.get("missing").valueStream().map(JsonNode::asString)).containsExactly("CHAPTER_FORM");
		assertThat(view.get("questionnaire").get("answers")).hasSize(2);
		assertThat(EndorsementTopic.awaitEvent(this.protection, nomination[0], "QuestionnaireCompleted").toString())
			.doesNotContain("For my neighbors");
		assertThat(call(HttpMethod.GET, token, null, HttpStatus.OK).get("questions").get(0).get("text").asString())
			.isEqualTo("Housing is a human right.");
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void answersAtFaultAreNamedAndNothingIsStored() {
		String[] nomination = nominated();
		JsonNode opened = call(HttpMethod.GET, nomination[1], null, HttpStatus.OK);
		String agreeId = opened.get("questions").get(0).get("id").asString();

		JsonNode refused = call(HttpMethod.PUT, nomination[1],
				answers(reply(agreeId, null, "No scale"), reply("no-such-question", "AGREE", null)),
				HttpStatus.BAD_REQUEST);
		JsonNode badScale = call(HttpMethod.PUT, nomination[1], answers(reply(agreeId, "SOMEWHAT", null)),
				HttpStatus.BAD_REQUEST);
		JsonNode tooLong = call(HttpMethod.PUT, nomination[1], answers(reply(agreeId, "AGREE", "x".repeat(5001))),
				HttpStatus.BAD_REQUEST);

		assertThat(refused.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("answers[0].agreement", "answers[1].questionId", "answers");
		assertThat(badScale.get("errors").get(0).get("field").asString()).isEqualTo("answers[0].agreement");
		assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("answers[0].text");
		JsonNode stored = this.api.get("/api/nominations/{id}", HttpStatus.OK, nomination[0]).get("questionnaire");
		assertThat(stored.path("completedAt").isNull() || stored.path("completedAt").isMissingNode()).isTrue();
		assertThat(stored.path("answers")).isEmpty();
	}

	@Test
	void missingUnknownOrReplacedTokenIsUnauthorized() {
		String[] nomination = nominated();

		JsonNode missing = call(HttpMethod.GET, null, null, HttpStatus.UNAUTHORIZED);
		call(HttpMethod.GET, "not-a-token", null, HttpStatus.UNAUTHORIZED);
		call(HttpMethod.PUT, "not-a-token", answers(), HttpStatus.UNAUTHORIZED);
		this.api.post("/api/nominations/{id}/questionnaire", Map.of(), HttpStatus.OK, nomination[0]);
		call(HttpMethod.GET, nomination[1], null, HttpStatus.UNAUTHORIZED);

		assertThat(missing.get("status").asInt()).isEqualTo(401);
		assertThat(missing.get("detail").asString()).contains("X-Questionnaire-Token");
	}

	@Test
	void expiredLinkIsGone() {
		String[] nomination = nominated();
		String token = nomination[1];
		// No API lets time pass: the link's expiry is moved a minute into the past in
		// place, the one field, as the passing of its validity would leave it.
		this.mongo.getCollection("nominations")
			.updateOne(new Document("_id", nomination[0]), new Document("$set",
					new Document("questionnaire.expiresAt", Date.from(Instant.now().minusSeconds(60)))));

		JsonNode gone = call(HttpMethod.GET, token, null, HttpStatus.GONE);
		call(HttpMethod.PUT, token, answers(), HttpStatus.GONE);

		assertThat(gone.get("title").asString()).isEqualTo("Questionnaire link expired");
	}

	@Test
	void questionnaireOfAWithdrawnNominationCannotBeAnswered() {
		String[] nomination = nominated();
		this.api.post("/api/nominations/{id}/withdraw", Map.of(), HttpStatus.OK, nomination[0]);

		JsonNode refused = call(HttpMethod.PUT, nomination[1], answers(reply("any", "AGREE", null)),
				HttpStatus.CONFLICT);

		assertThat(refused.get("currentState").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void staffReissueTheLinkOnlyWhilePendingAndChaptersCannot() {
		String[] nomination = nominated();

		this.api.as(TestTokens.chapter("chapter-x"))
			.post("/api/nominations/{id}/questionnaire", Map.of(), HttpStatus.FORBIDDEN, nomination[0]);
		this.api.post("/api/nominations/{id}/questionnaire", Map.of("email", "not-an-address"), HttpStatus.BAD_REQUEST,
				nomination[0]);
		this.api.decide(nomination[0], "DECLINE", HttpStatus.OK);
		JsonNode refused = this.api.post("/api/nominations/{id}/questionnaire", Map.of(), HttpStatus.CONFLICT,
				nomination[0]);

		assertThat(refused.get("currentState").asString()).isEqualTo("DECLINED");
	}

}
