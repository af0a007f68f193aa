package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.RegisteredChapterFixture;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.StaffDecision;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.slate.SlateDocument;
import org.groundgame.support.geography.UsState;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, asked of the service itself (not through the gateway): every endpoint
 * against every kind of caller, and no chapter ever reading or changing another's
 * nominations. Callers with a token the service must not trust are refused everywhere,
 * public endpoints included.
 */
@EndorsementServiceIntegrationTest
class NominationAuthorizationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The chapter that owns the nomination each endpoint is tried on. */
	static final String OWN = "chapter-own-" + UUID.randomUUID();

	static final String OTHER = "chapter-other-" + UUID.randomUUID();

	/** The callers; tokens are made at each call, so none expires during a long run. */
	enum Who {

		NOBODY(() -> null), STAFF(TestTokens::staff), TRAINING_STAFF(TestTokens::trainingStaff),
		OWN_CHAPTER(() -> TestTokens.chapter(OWN)), OTHER_CHAPTER(() -> TestTokens.chapter(OTHER)),
		NO_ROLE(() -> TestTokens.token().build()),

		// Tokens to refuse: each would be staff's if it were trusted.
		EXPIRED(() -> TestTokens.token().roles("STAFF").expired().build()),
		OTHER_KEY(() -> TestTokens.token().roles("STAFF").signedWithAnotherKey().build()),
		ALG_NONE(TestTokens::unsigned),
		WRONG_ISSUER(() -> TestTokens.token().roles("STAFF").issuer("https://issuer.example.org").build()),
		WRONG_AUDIENCE(() -> TestTokens.token().roles("STAFF").audience("another-api").build());

		private final Supplier<String> token;

		Who(Supplier<String> token) {
			this.token = token;
		}

		String token() {
			return this.token.get();
		}

		static final List<Who> UNTRUSTED = List.of(EXPIRED, OTHER_KEY, ALG_NONE, WRONG_ISSUER, WRONG_AUDIENCE);

	}

	/** What is tried: each on a fresh nomination of {@link #OWN}, SUBMITTED. */
	enum Endpoint {

		SUBMIT(HttpMethod.POST, "/api/nominations"), SUBMIT_NAMING_OWN_CHAPTER(HttpMethod.POST, "/api/nominations"),
		LIST(HttpMethod.GET, "/api/nominations"), READ(HttpMethod.GET, "/api/nominations/{id}"),
		READ_UNKNOWN(HttpMethod.GET, "/api/nominations/no-such-nomination"),
		REVIEW(HttpMethod.POST, "/api/nominations/{id}/review"),
		DECIDE(HttpMethod.POST, "/api/nominations/{id}/decision"),
		LIST_ENDORSEMENTS(HttpMethod.GET, "/api/endorsements"),
		READ_ENDORSEMENT(HttpMethod.GET, "/api/endorsements/{endorsementId}"),
		RECORD_OUTCOME(HttpMethod.POST, "/api/endorsements/{endorsementId}/outcome"),
		API_DOCS(HttpMethod.GET, "/v3/api-docs"), HOLD(HttpMethod.POST, "/api/nominations/{id}/hold"),
		RESUME(HttpMethod.POST, "/api/nominations/{id}/resume"),
		RESEARCH(HttpMethod.PUT, "/api/nominations/{id}/research"),
		RECOMMEND(HttpMethod.PUT, "/api/nominations/{id}/recommendation"),
		WITHDRAW(HttpMethod.POST, "/api/nominations/{id}/withdraw"),
		CHAPTER_FORM(HttpMethod.POST, "/api/nominations/{id}/chapter-form"),
		REISSUE_QUESTIONNAIRE(HttpMethod.POST, "/api/nominations/{id}/questionnaire"),
		RESCIND(HttpMethod.POST, "/api/endorsements/{endorsementId}/rescind"),
		ANNOUNCE_VICTORY(HttpMethod.POST, "/api/endorsements/{endorsementId}/announcement"),
		RESULTS(HttpMethod.GET, "/api/endorsements/results"), RACES(HttpMethod.GET, "/api/races"),
		READ_UNKNOWN_RACE(HttpMethod.GET, "/api/races/no-such-race"), SUBMIT_SLATE(HttpMethod.POST, "/api/slates"),
		READ_SLATE(HttpMethod.GET, "/api/slates/{slateId}"),
		CANDIDATE_QUESTIONNAIRE(HttpMethod.GET, "/api/questionnaire"),
		QUESTION_BANK(HttpMethod.GET, "/api/questionnaires/2030"),
		ENDORSEMENT_FACETS(HttpMethod.GET, "/api/endorsements/facets"),
		OWN_PROFILE(HttpMethod.GET, "/api/questionnaire/profile"),
		PROFILE_OF_UNKNOWN(HttpMethod.GET, "/api/candidates/no-such-candidate/profile"),
		EDIT_PROFILE_OF_UNKNOWN(HttpMethod.PUT, "/api/candidates/no-such-candidate/profile"),
		APPROVE_PROFILE_OF_UNKNOWN(HttpMethod.POST, "/api/candidates/no-such-candidate/profile/approval"),
		PHOTO_OF_UNKNOWN(HttpMethod.GET, "/api/candidates/no-such-candidate/photo"),
		QUESTIONNAIRE_PAGE(HttpMethod.GET, "/questionnaire/"),
		ERASE_UNKNOWN_CANDIDATE(HttpMethod.DELETE, "/api/nominations/candidates/no-such-candidate"),
		ERASE_NOMINATOR(HttpMethod.POST, "/api/nominations/nominator-erasures"),
		COUNTS(HttpMethod.GET, "/api/nominations/counts"),
		PROFILES_AWAITING_APPROVAL(HttpMethod.GET, "/api/candidates/profiles/awaiting-approval");

		final HttpMethod method;

		final String uri;

		Endpoint(HttpMethod method, String uri) {
			this.method = method;
			this.uri = uri;
		}

		boolean submits() {
			return this == SUBMIT || this == SUBMIT_NAMING_OWN_CHAPTER;
		}

	}

	/**
	 * The contract (API.md), one row per endpoint: the answer to nobody, staff, the
	 * school's training staff, the own chapter, another chapter, and a valid token with
	 * no role. Training staff decide no endorsement: here they are answered as a token
	 * without a role is. An untrusted token is a {@code 401} everywhere.
	 */
	static Stream<Arguments> contract() {
		List<Stream<Arguments>> rows = new ArrayList<>();
		// endpoint, nobody, staff, training staff, own chapter, other chapter, no role
		rows.add(expect(Endpoint.SUBMIT, 201, 201, 201, 201, 201, 201));
		rows.add(expect(Endpoint.SUBMIT_NAMING_OWN_CHAPTER, 403, 201, 403, 201, 403, 403));
		rows.add(expect(Endpoint.LIST, 401, 200, 403, 200, 200, 403));
		rows.add(expect(Endpoint.READ, 401, 200, 403, 200, 403, 403));
		rows.add(expect(Endpoint.READ_UNKNOWN, 401, 404, 403, 404, 404, 403));
		rows.add(expect(Endpoint.REVIEW, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.DECIDE, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.LIST_ENDORSEMENTS, 200, 200, 200, 200, 200, 200));
		rows.add(expect(Endpoint.READ_ENDORSEMENT, 200, 200, 200, 200, 200, 200));
		rows.add(expect(Endpoint.RECORD_OUTCOME, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.API_DOCS, 200, 200, 200, 200, 200, 200));
		rows.add(expect(Endpoint.HOLD, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.RESUME, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.RESEARCH, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.RECOMMEND, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.WITHDRAW, 401, 200, 403, 200, 403, 403));
		rows.add(expect(Endpoint.CHAPTER_FORM, 401, 200, 403, 200, 403, 403));
		rows.add(expect(Endpoint.REISSUE_QUESTIONNAIRE, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.RESCIND, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.ANNOUNCE_VICTORY, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.RESULTS, 200, 200, 200, 200, 200, 200));
		rows.add(expect(Endpoint.RACES, 200, 200, 200, 200, 200, 200));
		rows.add(expect(Endpoint.READ_UNKNOWN_RACE, 404, 404, 404, 404, 404, 404));
		rows.add(expect(Endpoint.SUBMIT_SLATE, 201, 201, 201, 201, 201, 201));
		rows.add(expect(Endpoint.READ_SLATE, 401, 200, 403, 200, 403, 403));
		// Only the capability token of the candidate's link opens it, never a bearer
		// token.
		rows.add(expect(Endpoint.CANDIDATE_QUESTIONNAIRE, 401, 401, 401, 401, 401, 401));
		rows.add(expect(Endpoint.QUESTION_BANK, 401, 200, 403, 403, 403, 403));
		rows.add(expect(Endpoint.ENDORSEMENT_FACETS, 200, 200, 200, 200, 200, 200));
		// The candidate's profile, like their questionnaire, opens only with their link.
		rows.add(expect(Endpoint.OWN_PROFILE, 401, 401, 401, 401, 401, 401));
		// Staff's alone, refused to anyone else before anything is looked up.
		rows.add(expect(Endpoint.PROFILE_OF_UNKNOWN, 401, 404, 403, 403, 403, 403));
		rows.add(expect(Endpoint.EDIT_PROFILE_OF_UNKNOWN, 401, 404, 403, 403, 403, 403));
		rows.add(expect(Endpoint.APPROVE_PROFILE_OF_UNKNOWN, 401, 404, 403, 403, 403, 403));
		// Public, and only an approved profile's: none here.
		rows.add(expect(Endpoint.PHOTO_OF_UNKNOWN, 404, 404, 404, 404, 404, 404));
		// The candidate's page is the web module's (the gateway routes it there): here it
		// is an unknown path, neither public nor served to anyone.
		rows.add(expect(Endpoint.QUESTIONNAIRE_PAGE, 401, 404, 404, 404, 404, 404));
		// Erasures are staff's alone.
		rows.add(expect(Endpoint.ERASE_UNKNOWN_CANDIDATE, 401, 404, 403, 403, 403, 403));
		rows.add(expect(Endpoint.ERASE_NOMINATOR, 401, 200, 403, 403, 403, 403));
		// As the list: staff count all, a chapter its own; the school's staff nothing.
		rows.add(expect(Endpoint.COUNTS, 401, 200, 403, 200, 200, 403));
		rows.add(expect(Endpoint.PROFILES_AWAITING_APPROVAL, 401, 200, 403, 403, 403, 403));
		return rows.stream().flatMap((row) -> row);
	}

	static Stream<Arguments> expect(Endpoint endpoint, int nobody, int staff, int trainingStaff, int ownChapter,
			int otherChapter, int noRole) {
		Stream<Arguments> trusted = Stream.of(Arguments.of(endpoint, Who.NOBODY, nobody),
				Arguments.of(endpoint, Who.STAFF, staff), Arguments.of(endpoint, Who.TRAINING_STAFF, trainingStaff),
				Arguments.of(endpoint, Who.OWN_CHAPTER, ownChapter),
				Arguments.of(endpoint, Who.OTHER_CHAPTER, otherChapter), Arguments.of(endpoint, Who.NO_ROLE, noRole));
		return Stream.concat(trusted, Who.UNTRUSTED.stream().map((who) -> Arguments.of(endpoint, who, 401)));
	}

	@Autowired
	RestTestClient client;

	@Autowired
	NominationRepository repository;

	@Autowired
	NominationStore store;

	@Autowired
	MongoTemplate mongo;

	/** Staff may name the two chapters: they are registered with the platform. */
	@BeforeEach
	void registerTheChapters() {
		RegisteredChapterFixture.registered(OWN);
		RegisteredChapterFixture.registered(OTHER);
	}

	@ParameterizedTest(name = "{0} by {1}: {2}")
	@MethodSource("contract")
	void everyEndpointAnswersEveryCallerAsTheContractSays(Endpoint endpoint, Who who, int expected) {
		String nominationId = seed(nominationFor(endpoint)).id();
		String endorsementId = seed((endpoint == Endpoint.ANNOUNCE_VICTORY) ? won(OWN) : endorsed(OWN)).endorsement()
			.id();
		String slateId = UUID.randomUUID().toString();
		// Inserted as the slates' store does (a first insert, never a save): the store is
		// the slate feature's own, and no API makes a slate of an existing nomination.
		this.mongo.insert(new SlateDocument(slateId, "Slate", null, Nominator.chapter(OWN), List.of(nominationId),
				Instant.now()));
		NominationDocument before = this.repository.findById(nominationId).orElseThrow();
		String candidate = "Candidate " + UUID.randomUUID();

		EntityExchangeResult<String> answer = call(endpoint, who, candidate,
				endpoint.uri.replace("{id}", nominationId)
					.replace("{endorsementId}", endorsementId)
					.replace("{slateId}", slateId));

		assertThat(answer.getStatus().value()).as(answer::toString).isEqualTo(expected);
		if (expected == 401 || expected == 403) {
			assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(this.repository.findById(nominationId).orElseThrow()).usingRecursiveComparison()
				.isEqualTo(before);
			assertThat(storedWithCandidate(candidate)).isEmpty();
		}
		if (expected == 401) {
			assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
				.startsWith(((endpoint == Endpoint.CANDIDATE_QUESTIONNAIRE || endpoint == Endpoint.OWN_PROFILE)
						&& !Who.UNTRUSTED.contains(who)) ? "Questionnaire-Token" : "Bearer");
		}
		if (endpoint.submits() && expected == 201) {
			assertThat(storedWithCandidate(candidate)).singleElement()
				.satisfies((stored) -> assertThat(stored.toNomination().nominatingChapterId())
					.isEqualTo(attributionOf(endpoint, who)));
		}
		if (endpoint == Endpoint.LIST && expected == 200 && who != Who.STAFF) {
			assertThat(json.readTree(answer.getResponseBody())
				.get("content")
				.valueStream()
				.map((nomination) -> nomination.get("nominatedBy").get("chapterId").asString()))
				.allMatch(chapterOf(who)::equals);
		}
	}

	/**
	 * Who a successful submission is attributed to: a chapter's own token decides, staff
	 * keep what the body says, anyone else names no chapter.
	 */
	static String attributionOf(Endpoint endpoint, Who who) {
		return switch (who) {
			case OWN_CHAPTER, OTHER_CHAPTER -> chapterOf(who);
			case STAFF -> (endpoint == Endpoint.SUBMIT_NAMING_OWN_CHAPTER) ? OWN : null;
			default -> null;
		};
	}

	static String chapterOf(Who who) {
		return (who == Who.OWN_CHAPTER) ? OWN : (who == Who.OTHER_CHAPTER) ? OTHER : null;
	}

	@Test
	void aChaptersListHoldsOnlyItsOwnNominationsAndCountsOnlyThem() {
		String a = "chapter-a-" + UUID.randomUUID();
		String b = "chapter-b-" + UUID.randomUUID();
		List<String> ofA = Stream.generate(() -> seed(submitted(a, UsState.NM)).id()).limit(3).toList();
		List<String> ofB = Stream.generate(() -> seed(submitted(b, UsState.NM)).id()).limit(2).toList();
		String ofNobody = seed(submitted(null, UsState.NM)).id();
		NominationApi api = new NominationApi(this.client);

		JsonNode firstPage = api.as(TestTokens.chapter(a)).get("/api/nominations?size=2", HttpStatus.OK);
		JsonNode secondPage = api.as(TestTokens.chapter(a)).get("/api/nominations?size=2&page=1", HttpStatus.OK);
		JsonNode listOfB = api.as(TestTokens.chapter(b)).get("/api/nominations?size=100", HttpStatus.OK);
		JsonNode staffsList = api.get("/api/nominations?size=100&state=NM", HttpStatus.OK);

		assertThat(firstPage.get("page").get("totalElements").asLong()).isEqualTo(3);
		assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);
		assertThat(NominationFlowTests.ids(firstPage)).hasSize(2);
		assertThat(Stream.concat(NominationFlowTests.ids(firstPage).stream(),
				NominationFlowTests.ids(secondPage).stream()))
			.containsExactlyInAnyOrderElementsOf(ofA);
		assertThat(NominationFlowTests.ids(listOfB)).containsExactlyInAnyOrderElementsOf(ofB);
		assertThat(listOfB.get("page").get("totalElements").asLong()).isEqualTo(2);
		assertThat(NominationFlowTests.ids(staffsList)).contains(ofNobody).containsAll(ofA).containsAll(ofB);
	}

	@Test
	void aChapterCanReadNeitherAnotherChaptersNominationNorOneWithoutAChapter() {
		NominationApi chapter = new NominationApi(this.client).as(TestTokens.chapter(OWN));
		Nomination others = seed(submitted(OTHER));
		Nomination nobodys = seed(submitted(null));

		JsonNode refused = chapter.get("/api/nominations/{id}", HttpStatus.FORBIDDEN, others.id());
		JsonNode alsoRefused = chapter.get("/api/nominations/{id}", HttpStatus.FORBIDDEN, nobodys.id());

		assertThat(refused.toString()).doesNotContain(others.candidate().name(), OTHER);
		assertThat(alsoRefused.toString()).doesNotContain(nobodys.candidate().name());
	}

	@Test
	void aChaptersNominationIsAttributedToTheChapterOfItsTokenKeepingTheNominatorsName() {
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		NominationApi.part(nomination, "nominatedBy").remove("chapterId");

		JsonNode created = new NominationApi(this.client).as(TestTokens.chapter(OWN)).submit(nomination);

		assertThat(created.get("nominatedBy").get("chapterId").asString()).isEqualTo(OWN);
		assertThat(created.get("nominatedBy").get("name").asString())
			.isEqualTo(NominationApi.part(nomination, "nominatedBy").get("name"));
	}

	@Test
	void aChapterCannotAttributeANominationToAnotherChapter() {
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		NominationApi.part(nomination, "nominatedBy").put("chapterId", OTHER);

		JsonNode refused = new NominationApi(this.client).as(TestTokens.chapter(OWN))
			.submit(nomination, HttpStatus.FORBIDDEN);

		assertThat(refused.get("detail").asString()).contains("own chapter");
		assertThat(storedWithCandidate(candidateName(nomination))).isEmpty();
	}

	@Test
	void anonymousNominatorCannotClaimAChapterButMayNominateWithout() {
		NominationApi anonymous = new NominationApi(this.client).anonymous();
		Map<String, Object> claiming = NominationApi.nominationIn("MO");
		Map<String, Object> plain = NominationApi.nominationIn("MO");
		NominationApi.part(plain, "nominatedBy").remove("chapterId");

		JsonNode refused = anonymous.submit(claiming, HttpStatus.FORBIDDEN);
		JsonNode created = anonymous.submit(plain);

		assertThat(refused.get("detail").asString()).isEqualTo("Chapter attribution needs that chapter's token");
		assertThat(storedWithCandidate(candidateName(claiming))).isEmpty();
		assertThat(created.get("nominatedBy").get("chapterId").isNull()).isTrue();
	}

	@Test
	void staffMayAttributeANominationToAnyChapter() {
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		NominationApi.part(nomination, "nominatedBy").put("chapterId", OTHER);

		JsonNode created = new NominationApi(this.client).submit(nomination);

		assertThat(created.get("nominatedBy").get("chapterId").asString()).isEqualTo(OTHER);
	}

	@Test
	void bodiesCannotSetWhatTheServiceDecides() {
		NominationApi staff = new NominationApi(this.client)
			.as(TestTokens.token().roles("STAFF").subject("dana@national.example.org").build());
		Map<String, Object> nomination = NominationApi.nominationIn("MN");
		NominationApi.part(nomination, "nominatedBy").remove("chapterId");
		Map<String, Object> forged = new LinkedHashMap<>(nomination);
		forged.putAll(Map.of("id", "my-own-id", "status", "ENDORSED", "submittedAt", "2000-01-01T00:00:00Z", "reviewer",
				"Me", "reviewerSubject", "me", "decision", "ENDORSE", "endorsementId", "my-endorsement", "cycle", 1999,
				"version", 7));

		JsonNode created = new NominationApi(this.client).anonymous().submit(forged);
		String id = created.get("id").asString();
		JsonNode reviewed = call(staff, HttpMethod.POST, "/api/nominations/" + id + "/review",
				Map.of("reviewer", "Dana Staff", "reviewerSubject", "someone-else", "status", "ENDORSED"));
		JsonNode declined = call(staff, HttpMethod.POST, "/api/nominations/" + id + "/decision",
				Map.of("decision", "DECLINE", "status", "ENDORSED", "endorsementId", "my-endorsement"));

		assertThat(id).isNotEqualTo("my-own-id");
		assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(Instant.parse(created.get("submittedAt").asString())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
		assertThat(created.get("cycle").asInt()).isEqualTo(NominationApi.nextElection().getYear());
		for (String field : List.of("reviewer", "reviewerSubject", "decision", "endorsementId")) {
			assertThat(created.get(field).isNull()).as(field).isTrue();
		}
		assertThat(this.repository.findById("my-own-id")).isEmpty();
		assertThat(reviewed.get("status").asString()).isEqualTo("UNDER_REVIEW");
		assertThat(reviewed.get("reviewer").asString()).isEqualTo("Dana Staff");
		assertThat(reviewed.get("reviewerSubject").asString()).isEqualTo("dana@national.example.org");
		assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
		assertThat(declined.get("endorsementId").isNull()).isTrue();
		assertThat(this.repository.findById(id).orElseThrow().getEndorsement()).isNull();
	}

	private JsonNode call(NominationApi api, HttpMethod method, String uri, Map<String, Object> body) {
		String answer = api.authorized(this.client.method(method).uri(uri))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(body))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return json.readTree(answer);
	}

	private EntityExchangeResult<String> call(Endpoint endpoint, Who who, String candidate, String uri) {
		String token = who.token();
		RestTestClient.RequestBodySpec request = this.client.method(endpoint.method).uri(uri);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		RestTestClient.RequestHeadersSpec<?> complete = (endpoint.method == HttpMethod.POST
				|| endpoint.method == HttpMethod.PUT)
						? request.contentType(MediaType.APPLICATION_JSON)
							.body(json.writeValueAsString(bodyOf(endpoint, candidate)))
						: request;
		return complete.exchange().returnResult(String.class);
	}

	private static Map<String, Object> bodyOf(Endpoint endpoint, String candidate) {
		return switch (endpoint) {
			case SUBMIT, SUBMIT_NAMING_OWN_CHAPTER -> {
				Map<String, Object> nomination = NominationApi.nominationIn("MO");
				NominationApi.part(nomination, "candidate").put("name", candidate);
				if (endpoint == Endpoint.SUBMIT) {
					NominationApi.part(nomination, "nominatedBy").remove("chapterId");
				}
				else {
					NominationApi.part(nomination, "nominatedBy").put("chapterId", OWN);
				}
				yield nomination;
			}
			case REVIEW -> Map.of("reviewer", "Dana Staff");
			case DECIDE -> Map.of("decision", "DECLINE", "reason", "Not this cycle");
			case RECORD_OUTCOME -> Map.of("result", "WON");
			case HOLD, WITHDRAW -> Map.of("reason", "Waiting");
			case RESUME -> Map.of();
			case RESEARCH -> Map.of("notes", "Strong field team");
			case RECOMMEND -> Map.of("recommendation", "ENDORSE", "tier", "TIER_1");
			case CHAPTER_FORM ->
				Map.of("statement", "We voted yes", "meetingDate", "2026-01-15", "votesFor", 9, "votesAgainst", 1);
			case REISSUE_QUESTIONNAIRE -> Map.of("email", "candidate@example.org");
			case RESCIND -> Map.of("reason", "Broke the pledge");
			case ANNOUNCE_VICTORY -> Map.of("headline", "We won!", "message", "Thank you, volunteers.");
			case EDIT_PROFILE_OF_UNKNOWN -> Map.of("biography", "Organizer");
			case APPROVE_PROFILE_OF_UNKNOWN -> Map.of("revision", 1);
			case ERASE_NOMINATOR -> Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org");
			case SUBMIT_SLATE -> {
				Map<String, Object> nomination = NominationApi.nominationIn("MO");
				NominationApi.part(nomination, "candidate").put("name", candidate);
				nomination.remove("nominatedBy");
				yield Map.of("name", "Slate", "nominations", List.of(nomination));
			}
			default -> throw new IllegalArgumentException(endpoint + " takes no body");
		};
	}

	private List<NominationDocument> storedWithCandidate(String name) {
		return this.mongo.find(new Query(Criteria.where("candidate.name").is(name)), NominationDocument.class);
	}

	private static String candidateName(Map<String, Object> nomination) {
		return (String) NominationApi.part(nomination, "candidate").get("name");
	}

	private Nomination seed(Nomination nomination) {
		this.store.insert(NominationDocument.of(nomination));
		return nomination;
	}

	/** A nomination of {@link #OWN} in the state the endpoint needs to succeed. */
	static Nomination nominationFor(Endpoint endpoint) {
		NominationStatus status = switch (endpoint) {
			case HOLD, RECOMMEND -> NominationStatus.UNDER_REVIEW;
			case RESUME -> NominationStatus.ON_HOLD;
			default -> NominationStatus.SUBMITTED;
		};
		return Nomination.restore(UUID.randomUUID().toString(), status,
				new Candidate("Candidate " + UUID.randomUUID(), null, null), race(UsState.MO), Nominator.chapter(OWN),
				null, Instant.now(), null, null, null);
	}

	static Nomination submitted(String chapterId) {
		return submitted(chapterId, UsState.MO);
	}

	static Nomination submitted(String chapterId, UsState state) {
		return Nomination.restore(UUID.randomUUID().toString(), NominationStatus.SUBMITTED,
				new Candidate("Candidate " + UUID.randomUUID(), null, null), race(state),
				(chapterId != null) ? Nominator.chapter(chapterId) : null, null, Instant.now(), null, null, null);
	}

	static Nomination endorsed(String chapterId) {
		Instant now = Instant.now();
		return Nomination.restore(UUID.randomUUID().toString(), NominationStatus.ENDORSED,
				new Candidate("Candidate " + UUID.randomUUID(), null, null), race(UsState.MO),
				Nominator.chapter(chapterId), null, now, null, new StaffDecision(Decision.ENDORSE, null, now),
				Endorsement.granted(UUID.randomUUID().toString(), false, now));
	}

	/** An endorsement whose candidate won the general election. */
	static Nomination won(String chapterId) {
		Nomination nomination = endorsed(chapterId);
		nomination.recordOutcome(ElectionOutcome.WON, java.time.Clock.systemUTC());
		return nomination;
	}

	static Race race(UsState state) {
		return new Race("State Representative", RaceLevel.STATE, state, "79", null, NominationApi.nextElection());
	}

}
