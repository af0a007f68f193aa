package org.groundgame.endorsement.questionbank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question banks over HTTP against the real store: what staff read and revise, what
 * the {@link QuestionBank} then gives the questionnaires, who may do it, what is refused,
 * and revisions that would overwrite each other.
 */
@EndorsementServiceIntegrationTest
class QuestionBankApiTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Every test its own cycle, so that tests sharing the store never see each other. */
	private static final AtomicInteger cycles = new AtomicInteger(2040);

	private static final int CONCURRENT_REVISIONS = 8;

	@Autowired
	RestTestClient client;

	@Autowired
	QuestionBank bank;

	static int freshCycle() {
		return cycles.getAndIncrement();
	}

	static Map<String, Object> question(String id, String text, String kind) {
		Map<String, Object> question = new LinkedHashMap<>();
		if (id != null) {
			question.put("id", id);
		}
		question.put("text", text);
		question.put("kind", kind);
		return question;
	}

	static Map<String, Object> revision(Long version, List<?> questions) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("questions", questions);
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

	static Map<String, Object> twoNewQuestions() {
		return revision(null, List.of(question(null, "Do you support Medicare for All?", "AGREE_SCALE"),
				question(null, "Why are you running?", "FREE_TEXT")));
	}

	EntityExchangeResult<String> call(HttpMethod method, String uri, String token, Object body) {
		RestTestClient.RequestBodySpec request = this.client.method(method).uri(uri);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		RestTestClient.RequestHeadersSpec<?> complete = (body != null) ? request.contentType(MediaType.APPLICATION_JSON)
			.body((body instanceof String text) ? text : json.writeValueAsString(body)) : request;
		return complete.exchange().returnResult(String.class);
	}

	JsonNode put(int cycle, Object body, HttpStatus expected) {
		return expect(call(HttpMethod.PUT, "/api/questionnaires/" + cycle, TestTokens.staff(), body), expected);
	}

	JsonNode get(int cycle, HttpStatus expected) {
		return expect(call(HttpMethod.GET, "/api/questionnaires/" + cycle, TestTokens.staff(), null), expected);
	}

	static JsonNode expect(EntityExchangeResult<String> answer, HttpStatus expected) {
		assertThat(answer.getStatus().value()).as(answer::toString).isEqualTo(expected.value());
		if (!expected.is2xxSuccessful()) {
			assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
		String body = answer.getResponseBody();
		return json.readTree((body != null) ? body : "{}");
	}

	static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	static List<String> ids(JsonNode questionnaire) {
		return questionnaire.get("questions").valueStream().map((question) -> question.get("id").asString()).toList();
	}

	@Test
	void aCycleWithoutABankAnswersAnEmptyOneAndTheBankHasNoQuestionsForIt() {
		int cycle = freshCycle();

		JsonNode answer = get(cycle, HttpStatus.OK);

		assertThat(answer.get("cycle").asInt()).isEqualTo(cycle);
		assertThat(answer.get("version").asLong()).isZero();
		assertThat(answer.get("questions").isEmpty()).isTrue();
		assertThat(this.bank.questions(cycle)).isEmpty();
	}

	@Test
	void staffSetACyclesQuestionsWhichTheQuestionnairesThenAsk() {
		int cycle = freshCycle();

		JsonNode created = put(cycle, twoNewQuestions(), HttpStatus.OK);
		JsonNode read = get(cycle, HttpStatus.OK);

		assertThat(created.get("version").asLong()).isEqualTo(1);
		assertThat(created.get("revisedAt").isNull()).isFalse();
		assertThat(ids(created)).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(read).isEqualTo(created);
		assertThat(this.bank.questions(cycle)).containsExactly(
				new BankQuestion(ids(created).get(0), "Do you support Medicare for All?", AnswerKind.AGREE_SCALE),
				new BankQuestion(ids(created).get(1), "Why are you running?", AnswerKind.FREE_TEXT));
		assertThat(this.bank.questions(cycle + 1)).isEmpty();
	}

	@Test
	void aRevisedQuestionKeepsItsIdNewOnesGetOneAndLeftOutOnesAreGone() {
		int cycle = freshCycle();
		JsonNode first = put(cycle, twoNewQuestions(), HttpStatus.OK);
		String kept = ids(first).get(1);
		String dropped = ids(first).get(0);

		JsonNode revised = put(cycle,
				revision(1L, List.of(question(kept, "Why are you running, and why now?", "FREE_TEXT"),
						question(null, "Will you refuse corporate PAC money?", "AGREE_SCALE"))),
				HttpStatus.OK);

		assertThat(revised.get("version").asLong()).isEqualTo(2);
		assertThat(ids(revised)).hasSize(2).startsWith(kept).doesNotContain(dropped);
		assertThat(this.bank.questions(cycle)).extracting(BankQuestion::text)
			.containsExactly("Why are you running, and why now?", "Will you refuse corporate PAC money?");
	}

	@Test
	void anEmptyBankIsAllowed() {
		int cycle = freshCycle();
		put(cycle, twoNewQuestions(), HttpStatus.OK);

		JsonNode emptied = put(cycle, revision(null, List.of()), HttpStatus.OK);

		assertThat(emptied.get("questions").isEmpty()).isTrue();
		assertThat(this.bank.questions(cycle)).isEmpty();
	}

	@Test
	void aRevisionFromAStaleVersionIsAConflictAndChangesNothing() {
		int cycle = freshCycle();
		put(cycle, twoNewQuestions(), HttpStatus.OK);
		JsonNode current = put(cycle, revision(1L, List.of(question(null, "Newest", "FREE_TEXT"))), HttpStatus.OK);

		JsonNode refused = put(cycle, revision(1L, List.of(question(null, "From a stale page", "FREE_TEXT"))),
				HttpStatus.CONFLICT);

		assertThat(refused.get("type").asString()).isEqualTo("urn:groundgame:problem:concurrent-change");
		assertThat(get(cycle, HttpStatus.OK)).isEqualTo(current);
	}

	@Test
	void aFirstRevisionClaimingAVersionTheBankDoesNotHaveIsAConflict() {
		int cycle = freshCycle();

		put(cycle, revision(3L, List.of(question(null, "Q", "FREE_TEXT"))), HttpStatus.CONFLICT);

		assertThat(this.bank.questions(cycle)).isEmpty();
	}

	@Test
	void concurrentFirstRevisionsOfACycleLetExactlyOneThrough() throws Exception {
		int cycle = freshCycle();

		List<HttpStatus> answers = reviseConcurrently(cycle, 0L);

		assertThat(answers).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(1);
		assertThat(get(cycle, HttpStatus.OK).get("version").asLong()).isEqualTo(1);
		assertThat(this.bank.questions(cycle)).singleElement()
			.satisfies((question) -> assertThat(question.text()).startsWith("Revision "));
	}

	@Test
	void concurrentRevisionsFromTheSameVersionLetExactlyOneThrough() throws Exception {
		int cycle = freshCycle();
		put(cycle, twoNewQuestions(), HttpStatus.OK);

		List<HttpStatus> answers = reviseConcurrently(cycle, 1L);

		assertThat(answers).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(1);
		assertThat(get(cycle, HttpStatus.OK).get("version").asLong()).isEqualTo(2);
		assertThat(this.bank.questions(cycle)).singleElement()
			.satisfies((question) -> assertThat(question.text()).startsWith("Revision "));
	}

	private List<HttpStatus> reviseConcurrently(int cycle, long version) throws Exception {
		List<HttpStatus> answers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService editors = Executors.newFixedThreadPool(CONCURRENT_REVISIONS)) {
			List<Future<HttpStatus>> revisions = new ArrayList<>();
			for (int i = 0; i < CONCURRENT_REVISIONS; i++) {
				Map<String, Object> body = revision(version, List.of(question(null, "Revision " + i, "AGREE_SCALE")));
				revisions.add(editors.submit(() -> {
					start.await();
					return HttpStatus.valueOf(
							call(HttpMethod.PUT, "/api/questionnaires/" + cycle, TestTokens.staff(), body).getStatus()
								.value());
				}));
			}
			start.countDown();
			for (Future<HttpStatus> revision : revisions) {
				answers.add(revision.get());
			}
		}
		return answers;
	}

	@Test
	void onlyStaffReadOrReviseABank() {
		int cycle = freshCycle();
		put(cycle, twoNewQuestions(), HttpStatus.OK);
		String uri = "/api/questionnaires/" + cycle;
		List<BankQuestion> before = this.bank.questions(cycle);
		Map<String, Object> takeover = revision(null, List.of(question(null, "Chapter's own question", "FREE_TEXT")));

		EntityExchangeResult<String> anonymousRead = call(HttpMethod.GET, uri, null, null);
		EntityExchangeResult<String> anonymousRevision = call(HttpMethod.PUT, uri, null, takeover);
		expect(call(HttpMethod.GET, uri, TestTokens.chapter("chapter-stl"), null), HttpStatus.FORBIDDEN);
		expect(call(HttpMethod.PUT, uri, TestTokens.chapter("chapter-stl"), takeover), HttpStatus.FORBIDDEN);
		expect(call(HttpMethod.GET, uri, TestTokens.token().build(), null), HttpStatus.FORBIDDEN);
		expect(call(HttpMethod.PUT, uri, TestTokens.token().build(), takeover), HttpStatus.FORBIDDEN);
		expect(call(HttpMethod.PUT, uri, TestTokens.token().roles("STAFF").expired().build(), takeover),
				HttpStatus.UNAUTHORIZED);

		for (EntityExchangeResult<String> answer : List.of(anonymousRead, anonymousRevision)) {
			expect(answer, HttpStatus.UNAUTHORIZED);
			assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		}
		assertThat(this.bank.questions(cycle)).isEqualTo(before);
	}

	@Test
	void invalidQuestionsAreRefusedNamingEachFieldAndChangeNothing() {
		int cycle = freshCycle();
		JsonNode stored = put(cycle, twoNewQuestions(), HttpStatus.OK);
		List<Map<String, Object>> questions = new ArrayList<>();
		questions.add(question(null, "Fine", "AGREE_SCALE"));
		questions.add(question(null, " ", "FREE_TEXT"));
		questions.add(question(null, "x".repeat(2001), "FREE_TEXT"));
		questions.add(question(null, "No kind", null));

		JsonNode refused = put(cycle, revision(null, questions), HttpStatus.BAD_REQUEST);

		assertThat(refused.get("type").asString()).isEqualTo("urn:groundgame:problem:invalid-input");
		assertThat(fields(refused)).containsExactlyInAnyOrder("questions[1].text", "questions[2].text",
				"questions[3].kind");
		assertThat(get(cycle, HttpStatus.OK)).isEqualTo(stored);
	}

	@Test
	void idsUsedTwiceOrUnknownToTheBankAreRefused() {
		int cycle = freshCycle();
		String id = ids(put(cycle, twoNewQuestions(), HttpStatus.OK)).get(0);

		JsonNode twice = put(cycle,
				revision(null, List.of(question(id, "A", "AGREE_SCALE"), question(id, "B", "FREE_TEXT"))),
				HttpStatus.BAD_REQUEST);
		JsonNode unknown = put(cycle, revision(null, List.of(question("not-ours", "A", "AGREE_SCALE"))),
				HttpStatus.BAD_REQUEST);

		assertThat(twice.get("errors")).singleElement().satisfies((error) -> {
			assertThat(error.get("field").asString()).isEqualTo("questions[1].id");
			assertThat(error.get("message").asString()).isEqualTo("is also the id of questions[0]");
		});
		assertThat(fields(unknown)).containsExactly("questions[0].id");
		assertThat(get(cycle, HttpStatus.OK).get("version").asLong()).isEqualTo(1);
	}

	@Test
	void moreThanAHundredQuestionsAreRefused() {
		int cycle = freshCycle();
		List<Map<String, Object>> tooMany = Collections.nCopies(101, question(null, "Q", "AGREE_SCALE"));

		JsonNode refused = put(cycle, revision(null, tooMany), HttpStatus.BAD_REQUEST);
		JsonNode hundred = put(cycle, revision(null, tooMany.subList(0, 100)), HttpStatus.OK);

		assertThat(fields(refused)).containsExactly("questions");
		assertThat(hundred.get("questions").size()).isEqualTo(100);
	}

	@Test
	void anUnknownKindAMissingListOrABodyThatIsNotJsonIsRefused() {
		int cycle = freshCycle();

		JsonNode unknownKind = put(cycle, revision(null, List.of(question(null, "Q", "MULTIPLE_CHOICE"))),
				HttpStatus.BAD_REQUEST);
		JsonNode noList = put(cycle, Map.of("version", 0), HttpStatus.BAD_REQUEST);
		JsonNode negativeVersion = put(cycle, revision(-1L, List.of()), HttpStatus.BAD_REQUEST);
		JsonNode notJson = put(cycle, "questions: none", HttpStatus.BAD_REQUEST);

		assertThat(fields(unknownKind)).containsExactly("questions[0].kind");
		assertThat(unknownKind.get("errors").get(0).get("message").asString()).contains("AGREE_SCALE", "FREE_TEXT");
		assertThat(fields(noList)).containsExactly("questions");
		assertThat(fields(negativeVersion)).containsExactly("version");
		assertThat(fields(notJson)).containsExactly("body");
		assertThat(this.bank.questions(cycle)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1999", "2101", "0", "twenty-26" })
	void aCycleOutOfRangeIsRefused(String cycle) {
		JsonNode read = expect(call(HttpMethod.GET, "/api/questionnaires/" + cycle, TestTokens.staff(), null),
				HttpStatus.BAD_REQUEST);
		JsonNode revised = expect(
				call(HttpMethod.PUT, "/api/questionnaires/" + cycle, TestTokens.staff(), twoNewQuestions()),
				HttpStatus.BAD_REQUEST);

		assertThat(fields(read)).containsExactly("cycle");
		assertThat(fields(revised)).containsExactly("cycle");
	}

}
