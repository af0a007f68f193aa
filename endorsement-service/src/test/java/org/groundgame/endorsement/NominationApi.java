package org.groundgame.endorsement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.test.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service's HTTP API as the integration tests call it: as national staff unless
 * {@link #as(String) told otherwise}.
 */
public final class NominationApi {

	/**
	 * The header that carries the capability token of a candidate's questionnaire link
	 * (part of the public contract, so spelled out here).
	 */
	public static final String QUESTIONNAIRE_TOKEN = "X-Questionnaire-Token";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestTestClient client;

	/** The bearer token sent, or {@code null} for none. */
	private final String token;

	public NominationApi(RestTestClient client) {
		this(client, TestTokens.staff());
	}

	private NominationApi(RestTestClient client, String token) {
		this.client = client;
		this.token = token;
	}

	/** The same API called with another bearer token, or with none for {@code null}. */
	public NominationApi as(String token) {
		return new NominationApi(this.client, token);
	}

	/** The same API called without a token. */
	public NominationApi anonymous() {
		return as(null);
	}

	/** An election day well ahead, whatever today is. */
	public static LocalDate nextElection() {
		return LocalDate.now(ZoneOffset.UTC).plusYears(1).withMonth(11).withDayOfMonth(3);
	}

	/**
	 * A nomination of a candidate with a name and e-mail of their own, by a member of a
	 * registered chapter.
	 */
	public static Map<String, Object> nominationIn(String state) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> candidate = new LinkedHashMap<>();
		candidate.put("name", "Candidate " + unique);
		candidate.put("email", "candidate-" + unique + "@example.org");
		candidate.put("website", "https://" + unique + ".example.org");
		Map<String, Object> race = new LinkedHashMap<>();
		race.put("office", "State Representative");
		race.put("level", "STATE");
		race.put("state", state);
		race.put("district", "79");
		race.put("electionDate", nextElection().toString());
		Map<String, Object> nominatedBy = new LinkedHashMap<>();
		nominatedBy.put("name", "Nominator " + unique);
		nominatedBy.put("email", "nominator-" + unique + "@example.org");
		nominatedBy.put("chapterId", RegisteredChapterFixture.sharedChapter());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("candidate", candidate);
		body.put("race", race);
		body.put("nominatedBy", nominatedBy);
		body.put("statement", "An organizer for years.");
		return body;
	}

	/** One part of a request body, to change. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> part(Map<String, Object> body, String name) {
		return (Map<String, Object>) body.get(name);
	}

	public JsonNode submit(Map<String, Object> nomination) {
		return submit(nomination, HttpStatus.CREATED);
	}

	public JsonNode submit(Map<String, Object> nomination, HttpStatus expected) {
		return call(authorized(this.client.post().uri("/api/nominations")).contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(nomination)), expected);
	}

	public JsonNode review(String nominationId, String reviewer) {
		return call(authorized(this.client.post().uri("/api/nominations/{id}/review", nominationId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reviewer", reviewer)), HttpStatus.OK);
	}

	public JsonNode decide(String nominationId, String decision, HttpStatus expected) {
		return call(authorized(this.client.post().uri("/api/nominations/{id}/decision", nominationId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decision", decision, "reason", "Staff vote")), expected);
	}

	public JsonNode recordOutcome(String endorsementId, Object result, HttpStatus expected) {
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("result", result);
		return call(authorized(this.client.post().uri("/api/endorsements/{id}/outcome", endorsementId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body), expected);
	}

	public JsonNode post(String uri, Object body, HttpStatus expected, Object... variables) {
		return call(authorized(this.client.post().uri(uri, variables)).contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body)), expected);
	}

	public JsonNode put(String uri, Object body, HttpStatus expected, Object... variables) {
		return call(authorized(this.client.put().uri(uri, variables)).contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body)), expected);
	}

	/** Posts and answers only the status, for many threads at once. */
	public HttpStatus tryToPost(String uri, Object body, Object... variables) {
		return HttpStatus
			.valueOf(authorized(this.client.post().uri(uri, variables)).contentType(MediaType.APPLICATION_JSON)
				.body(json.writeValueAsString(body))
				.exchange()
				.returnResult()
				.getStatus()
				.value());
	}

	/** Decides and answers only the status, for many threads at once. */
	/**
	 * Staff make the same decision on a nomination from several threads while another
	 * command runs, all released at the same moment.
	 * @return every decision's status, and the other command's
	 */
	public Race decideWhile(String nominationId, String decision, int deciders, Callable<HttpStatus> other)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(deciders + 1)) {
			List<Future<HttpStatus>> deciding = new ArrayList<>();
			for (int i = 0; i < deciders; i++) {
				deciding.add(threads.submit(() -> {
					start.await();
					return tryToDecide(nominationId, decision);
				}));
			}
			Future<HttpStatus> running = threads.submit(() -> {
				start.await();
				return other.call();
			});
			start.countDown();
			List<HttpStatus> decisions = new ArrayList<>();
			for (Future<HttpStatus> decided : deciding) {
				decisions.add(decided.get());
			}
			return new Race(decisions, running.get());
		}
	}

	/**
	 * @param decisions the status of each decision
	 * @param other the status of the command they raced
	 */
	public record Race(List<HttpStatus> decisions, HttpStatus other) {
	}

	public HttpStatus tryToDecide(String nominationId, String decision) {
		return HttpStatus.valueOf(authorized(this.client.post().uri("/api/nominations/{id}/decision", nominationId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decision", decision))
			.exchange()
			.returnResult()
			.getStatus()
			.value());
	}

	public JsonNode get(String uri, HttpStatus expected, Object... variables) {
		return call(authorized(this.client.get().uri(uri, variables)), expected);
	}

	public String getText(String uri) {
		return authorized(this.client.get().uri(uri)).exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The request with this API's bearer token, if it has one. */
	public <S extends RestTestClient.RequestHeadersSpec<?>> S authorized(S request) {
		if (this.token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token);
		}
		return request;
	}

	private static JsonNode call(RestTestClient.RequestHeadersSpec<?> request, HttpStatus expected) {
		byte[] body = request.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree((body != null) ? body : new byte[0]);
	}

	public static String write(Object body) {
		return json.writeValueAsString(body);
	}

	public static JsonNode read(String text) {
		return json.readTree(text);
	}

}
