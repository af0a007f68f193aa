package org.groundgame.endorsement.nomination;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.EndorsementTopic;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.RegisteredChapterFixture;
import org.groundgame.endorsement.candidate.CandidateDocument;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A candidate erased by staff, over the real store and broker: every copy of their name,
 * address and website leaves every collection of the service's database (read directly,
 * every document), every text written about them goes, the nominations and endorsements
 * stay, anonymous, and {@code CandidateErased} names every nomination that named them.
 * The attack (anyone but staff) changes nothing. Nominations to Oregon's and Vermont's
 * state houses belong to this class.
 */
@EndorsementServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CandidateErasureTests {

	static final String CANDIDATE_ERASED = "org.groundgame.endorsement.CandidateErased.v1";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	RestTestClient client;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PersonalDataProtection protection;

	@Test
	void anErasedCandidateLeavesNoCopyInAnyCollectionAndTheirNominationsStayAnonymous(CapturedOutput output) {
		NominationApi staff = new NominationApi(this.client);
		Person rosa = Person.unique("Rosa Erasable");
		// Nominated twice by her address (one person, one id): once taken through the
		// whole process, with every text that may name her; once declined.
		Map<String, Object> first = rosa.nominatedIn("OR", NominationApi.nextElection());
		JsonNode submitted = staff.submit(first);
		String endorsed = submitted.get("id").asString();
		String candidateId = submitted.get("candidateId").asString();
		answerTheQuestionnaire(endorsed, rosa);
		staff.review(endorsed, "Dana Reviewer");
		staff.post("/api/nominations/{id}/hold", Map.of("reason", "Waiting to meet " + rosa.name), HttpStatus.OK,
				endorsed);
		staff.post("/api/nominations/{id}/resume", Map.of(), HttpStatus.OK, endorsed);
		staff.put(
				"/api/nominations/{id}/research", Map.of("incumbency", "CHALLENGER", "notes",
						rosa.name + " knocked 5000 doors", "polling", List.of(Map.of("pollster", "PPP", "date",
								LocalDate.now().minusDays(3).toString(), "numbers", rosa.name + " 48, Smith 44"))),
				HttpStatus.OK, endorsed);
		staff.put("/api/nominations/{id}/recommendation",
				Map.of("recommendation", "ENDORSE", "tier", "TIER_1", "rationale", rosa.name + " can win"),
				HttpStatus.OK, endorsed);
		staff.post("/api/nominations/{id}/chapter-form",
				Map.of("statement", "We stand with " + rosa.name, "meetingDate",
						LocalDate.now().minusDays(1).toString(), "votesFor", 12, "votesAgainst", 1),
				HttpStatus.OK, endorsed);
		String endorsementId = staff
			.post("/api/nominations/{id}/decision",
					Map.of("decision", "ENDORSE", "reason", "Endorse " + rosa.name + " unanimously"), HttpStatus.OK,
					endorsed)
			.get("endorsementId")
			.asString();
		String raceId = staff.get("/api/nominations/{id}", HttpStatus.OK, endorsed).get("race").get("id").asString();
		String declined = staff.submit(rosa.nominatedIn("VT", NominationApi.nextElection())).get("id").asString();
		staff.decide(declined, "DECLINE", HttpStatus.OK);
		// And in a slate, whose statement names her.
		Map<String, Object> inSlate = rosa.nominatedIn("OR", NominationApi.nextElection().plusYears(1));
		Map<String, Object> slate = new LinkedHashMap<>();
		slate.put("name", "Oregon slate " + UUID.randomUUID());
		slate.put("nominatedBy", inSlate.get("nominatedBy"));
		slate.put("statement", "Vote " + rosa.name + " and friends");
		slate.put("nominations", List.of(Map.of("candidate", inSlate.get("candidate"), "race", inSlate.get("race"))));
		String slated = staff.post("/api/slates", slate, HttpStatus.CREATED)
			.get("nominations")
			.get(0)
			.get("id")
			.asString();
		assertThat(staff.get("/api/nominations/{id}", HttpStatus.OK, declined).get("candidateId").asString())
			.isEqualTo(candidateId);
		assertThat(holdersOf(rosa.traces())).as("the candidate is stored before erasure").isNotEmpty();

		erase(TestTokens.staff(), candidateId, HttpStatus.NO_CONTENT);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(holdersOf(rosa.traces())).isEmpty());
		JsonNode kept = staff.get("/api/nominations/{id}", HttpStatus.OK, endorsed);
		assertThat(kept.get("status").asString()).isEqualTo("ENDORSED");
		assertThat(kept.get("endorsementId").asString()).isEqualTo(endorsementId);
		assertThat(kept.get("candidateId").asString()).isEqualTo(candidateId);
		assertThat(kept.get("candidate").get("name").asString()).isEqualTo("Erased candidate");
		assertThat(kept.get("candidate").get("email").isNull()).isTrue();
		assertThat(kept.get("questionnaire").isNull()).isTrue();
		assertThat(kept.get("chapterForm").get("votesFor").asInt()).isEqualTo(12);
		assertThat(kept.get("nominatedBy").get("email").asString()).isEqualTo(rosa.nominatorEmail);
		assertThat(staff.get("/api/nominations/{id}", HttpStatus.OK, declined).get("status").asString())
			.isEqualTo("DECLINED");
		// The public still sees the endorsement and the race: the counts stay true.
		JsonNode endorsement = staff.anonymous().get("/api/endorsements/{id}", HttpStatus.OK, endorsementId);
		assertThat(endorsement.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(endorsement.get("candidate").get("name").asString()).isEqualTo("Erased candidate");
		assertThat(staff.anonymous().get("/api/races/{id}", HttpStatus.OK, raceId).get("candidates")).singleElement()
			.satisfies((listed) -> assertThat(listed.get("endorsementId").asString()).isEqualTo(endorsementId));
		// The questionnaire's link opens nothing any more.
		this.client.get()
			.uri("/api/questionnaire")
			.header(NominationApi.QUESTIONNAIRE_TOKEN, rosa.questionnaireToken)
			.exchange()
			.expectStatus()
			.isUnauthorized();

		// Nor is she sent anything again.
		JsonNode refused = staff.post("/api/nominations/{id}/questionnaire", Map.of("email", rosa.email),
				HttpStatus.CONFLICT, slated);
		assertThat(refused.get("currentState").asString()).isEqualTo("CANDIDATE_ERASED");

		JsonNode event = awaitErasureOf(candidateId).getFirst();
		assertThat(event.get("candidateId").asString()).isEqualTo(candidateId);
		assertThat(names(event.get("nominationIds"))).containsExactly(endorsed, declined, slated);
		assertThat(event.toString()).doesNotContainIgnoringCase(rosa.name).doesNotContain(rosa.email);
		// On the record: the staff member's request and the event, on the candidate's
		// trail.
		JsonNode trail = staff.get("/api/audit/endorsement-service/entries?resourceId={id}&size=100", HttpStatus.OK,
				candidateId);
		assertThat(trail.get("content").valueStream().map((entry) -> entry.get("action").asString()))
			.contains("DELETE /api/nominations/candidates/{candidateId}", CANDIDATE_ERASED);
		assertThat(trail.get("content").valueStream().map((entry) -> entry.get("actor").get("role").asString()))
			.containsOnly("STAFF");
		assertThat(trail.toString()).doesNotContainIgnoringCase(rosa.name).doesNotContain(rosa.email);
		// Nor did any log line name her.
		assertThat(output.getAll()).doesNotContainIgnoringCase(rosa.name).doesNotContain(rosa.email);
	}

	@Test
	void erasingAgainChangesAndAnnouncesNothingAndAnUnknownCandidateIsNotFound() {
		NominationApi staff = new NominationApi(this.client);
		Person sam = Person.unique("Sam Twice");
		String candidateId = staff.submit(sam.nominatedIn("OR", NominationApi.nextElection()))
			.get("candidateId")
			.asString();
		erase(TestTokens.staff(), candidateId, HttpStatus.NO_CONTENT);
		awaitErasureOf(candidateId);
		await().atMost(PATIENCE).until(() -> candidate(candidateId).getList("outbox", Document.class).isEmpty());
		Document once = candidate(candidateId);

		erase(TestTokens.staff(), candidateId, HttpStatus.NO_CONTENT);

		Document twice = candidate(candidateId);
		assertThat(twice.get("version")).isEqualTo(once.get("version"));
		assertThat(twice.getList("outbox", Document.class)).isEmpty();
		assertThat(twice.get("erasedAt")).isEqualTo(once.get("erasedAt"));
		assertThat(erasuresReadThroughALaterRecord(staff, candidateId)).hasSize(1);

		JsonNode unknown = erase(TestTokens.staff(), "no-such-candidate-" + UUID.randomUUID(), HttpStatus.NOT_FOUND);
		assertThat(unknown.get("status").asInt()).isEqualTo(404);
		assertThat(unknown.get("title").asString()).isNotBlank();
	}

	/**
	 * The same address and name nominated after the erasure are a new person: a new
	 * record, a nomination with their data, and no re-endorsement taken from the erased
	 * endorsement of the same office.
	 */
	@Test
	void aLaterNominationOfTheSameAddressAndNameIsNotLinkedToTheErasedRecord() {
		NominationApi staff = new NominationApi(this.client);
		Person lee = Person.unique("Lee Again");
		LocalDate election = NominationApi.nextElection();
		JsonNode before = staff.submit(lee.nominatedIn("OR", election));
		String erasedId = before.get("candidateId").asString();
		staff.decide(before.get("id").asString(), "ENDORSE", HttpStatus.OK);
		erase(TestTokens.staff(), erasedId, HttpStatus.NO_CONTENT);
		awaitErasureOf(erasedId);

		JsonNode after = staff.submit(lee.nominatedIn("OR", election.plusYears(2)));
		JsonNode reEndorsed = staff.decide(after.get("id").asString(), "ENDORSE", HttpStatus.OK);

		assertThat(after.get("candidateId").asString()).isNotEqualTo(erasedId);
		assertThat(reEndorsed.get("candidate").get("email").asString()).isEqualTo(lee.email);
		assertThat(staff.anonymous()
			.get("/api/endorsements/{id}", HttpStatus.OK, reEndorsed.get("endorsementId").asString())
			.get("reEndorsement")
			.asBoolean()).isFalse();
		Document erased = candidate(erasedId);
		assertThat(erased.getString("matchKey")).isEqualTo("erased:" + erasedId);
		assertThat(erased.get("name")).isNull();
		assertThat(erasuresReadThroughALaterRecord(staff, erasedId)).hasSize(1);
	}

	/**
	 * The records of a candidate's erasure, read up to a later record on the same
	 * partition: nothing else is keyed by the candidate, so nominations are submitted
	 * until one's first event lands on the erasure's partition, after any erasure
	 * published before it.
	 */
	static List<EndorsementTopic.Event> erasuresReadThroughALaterRecord(NominationApi staff, String candidateId) {
		int partition = awaitErasureRecordsOf(candidateId).getFirst().partition();
		for (int attempt = 0; attempt < 40; attempt++) {
			String nominationId = staff.submit(Person.unique("Barrier").nominatedIn("OR", NominationApi.nextElection()))
				.get("id")
				.asString();
			List<EndorsementTopic.Event> read = EndorsementTopic.readThrough(nominationId,
					EndorsementTopic.ofType("NominationSubmitted"));
			boolean onThePartition = read.stream()
				.anyMatch((event) -> nominationId.equals(event.key()) && event.partition() == partition);
			if (onThePartition) {
				return EndorsementTopic.ofKeyAndType(read, candidateId, "CandidateErased");
			}
		}
		throw new AssertionError("No nomination's event landed on partition " + partition);
	}

	/**
	 * The attack: nobody, a chapter (even the nominating one), a volunteer's key, a token
	 * of a role the service does not know (training staff), a token without a role, and
	 * forged staff tokens try to erase a candidate: each is refused, and the candidate,
	 * their nomination and the topic are as they were.
	 */
	@Test
	void nobodyButStaffErasesACandidate() {
		NominationApi staff = new NominationApi(this.client);
		Person kim = Person.unique("Kim Protected");
		String chapterId = RegisteredChapterFixture.sharedChapter();
		JsonNode nomination = staff.submit(kim.nominatedIn("VT", NominationApi.nextElection()));
		String candidateId = nomination.get("candidateId").asString();
		String nominationId = nomination.get("id").asString();
		Document candidateBefore = candidate(candidateId);
		Document nominationBefore = stored(nominationId);

		Map<String, HttpStatus> refused = new LinkedHashMap<>();
		for (Map.Entry<String, String> attacker : attackers(chapterId).entrySet()) {
			JsonNode problem = erase(attacker.getValue(), candidateId, null);
			refused.put(attacker.getKey(), HttpStatus.valueOf(problem.get("status").asInt()));
		}
		// A volunteer's manage key in its own header, with no token.
		HttpStatus byVolunteerKey = HttpStatus.valueOf(this.client.delete()
			.uri("/api/nominations/candidates/{id}", candidateId)
			.header("X-Manage-Token", "a-volunteers-manage-token")
			.exchange()
			.returnResult()
			.getStatus()
			.value());

		assertThat(refused).containsEntry("nobody", HttpStatus.UNAUTHORIZED)
			.containsEntry("forged, unsigned", HttpStatus.UNAUTHORIZED)
			.containsEntry("forged, another key", HttpStatus.UNAUTHORIZED)
			.containsEntry("staff, expired", HttpStatus.UNAUTHORIZED)
			.containsEntry("the nominating chapter", HttpStatus.FORBIDDEN)
			.containsEntry("training staff", HttpStatus.FORBIDDEN)
			.containsEntry("no role", HttpStatus.FORBIDDEN);
		assertThat(byVolunteerKey).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(withoutOutbox(candidate(candidateId))).isEqualTo(withoutOutbox(candidateBefore));
		assertThat(withoutOutbox(stored(nominationId))).isEqualTo(withoutOutbox(nominationBefore));
		assertThat(stored(nominationId).get("candidate", Document.class).getString("email")).isEqualTo(kim.email);
		assertThat(EndorsementTopic.eventsOf(candidateId, "CandidateErased")).isEmpty();
	}

	/**
	 * Staff decide a nomination while its candidate is erased, at the same moment: at
	 * most one decision wins, the erasure always completes, and the nomination is never
	 * left half changed: erased, and decided exactly when a decision was answered 200. A
	 * decision is a version-checked write of the nomination, so the erasure's write,
	 * landing between the deciders' reads and their writes, may make every one of them a
	 * 409 (the nomination changed meanwhile: staff decide again); that order is as
	 * legitimate as the others, and the test allows it instead of expecting a winner.
	 */
	@Test
	void anErasureRacingDecisionsLeavesTheNominationDecidedAndErasedWhateverTheOrder() throws Exception {
		NominationApi staff = new NominationApi(this.client);
		Person ray = Person.unique("Ray Racing");
		JsonNode nomination = staff.submit(ray.nominatedIn("OR", NominationApi.nextElection()));
		String nominationId = nomination.get("id").asString();
		String candidateId = nomination.get("candidateId").asString();
		NominationApi.Race race = staff.decideWhile(nominationId, "ENDORSE", 6,
				() -> status(TestTokens.staff(), candidateId));
		List<HttpStatus> decisions = race.decisions();
		HttpStatus erasure = race.other();

		assertThat(erasure).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(decisions).isSubsetOf(HttpStatus.OK, HttpStatus.CONFLICT);
		long won = decisions.stream().filter(HttpStatus.OK::equals).count();
		assertThat(won).isLessThanOrEqualTo(1);
		Document stored = stored(nominationId);
		if (won == 1) {
			assertThat(stored.getString("status")).isEqualTo("ENDORSED");
			assertThat(stored.get("endorsement", Document.class).getString("status")).isEqualTo("ACTIVE");
		}
		else {
			assertThat(stored.getString("status")).isEqualTo(nomination.get("status").asString());
			assertThat(stored.get("endorsement")).isNull();
		}
		assertThat(stored.get("candidateErasedAt")).isNotNull();
		assertThat(stored.get("candidate", Document.class).getString("name")).isEqualTo("Erased candidate");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(holdersOf(ray.traces())).isEmpty());
		assertThat(names(awaitErasureOf(candidateId).getFirst().get("nominationIds"))).containsExactly(nominationId);
	}

	/**
	 * People nominate the candidate by their address while staff erase them, at the same
	 * moment: every nomination that names the erased record is erased and announced (in
	 * the erasure's event, or in a later one for those stored while it ran); the others
	 * name a new record. None names the erased record with their data.
	 */
	@Test
	void nominationsOfTheSameAddressRacingTheErasureAreErasedAndAnnouncedOrNameANewRecord() throws Exception {
		NominationApi staff = new NominationApi(this.client);
		Person ada = Person.unique("Ada Racing");
		String candidateId = staff.submit(ada.nominatedIn("VT", NominationApi.nextElection()))
			.get("candidateId")
			.asString();
		int nominators = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<HttpStatus> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(nominators + 1)) {
			List<Future<HttpStatus>> nominating = new ArrayList<>();
			for (int i = 0; i < nominators; i++) {
				Map<String, Object> again = ada.nominatedIn("VT", NominationApi.nextElection());
				nominating.add(threads.submit(() -> {
					start.await();
					return staff.tryToPost("/api/nominations", again);
				}));
			}
			Future<HttpStatus> erasing = threads.submit(() -> {
				start.await();
				return status(TestTokens.staff(), candidateId);
			});
			start.countDown();
			for (Future<HttpStatus> answer : nominating) {
				answers.add(answer.get());
			}
			answers.add(erasing.get());
		}

		assertThat(answers.subList(0, nominators)).containsOnly(HttpStatus.CREATED);
		assertThat(answers.getLast()).isEqualTo(HttpStatus.NO_CONTENT);
		List<Document> naming = this.mongo.getCollection(NominationDocument.COLLECTION)
			.find(new Document("candidate.email", ada.email))
			.into(new ArrayList<>());
		assertThat(naming).allSatisfy((kept) -> assertThat(kept.getString("candidateId")).isNotEqualTo(candidateId));
		List<Document> erased = this.mongo.getCollection(NominationDocument.COLLECTION)
			.find(new Document("candidateId", candidateId))
			.into(new ArrayList<>());
		assertThat(erased).isNotEmpty()
			.allSatisfy((nomination) -> assertThat(nomination.get("candidateErasedAt")).isNotNull());
		Set<String> erasedIds = new TreeSet<>(
				erased.stream().map((nomination) -> nomination.getString("_id")).toList());
		await().atMost(PATIENCE).untilAsserted(() -> {
			Set<String> announced = new TreeSet<>();
			EndorsementTopic.eventsOf(candidateId, "CandidateErased")
				.forEach((event) -> announced.addAll(names(NominationApi.read(event.data()).get("nominationIds"))));
			assertThat(announced).isEqualTo(erasedIds);
		});
		assertThat(naming.size() + erased.size()).isEqualTo(nominators + 1);
	}

	/** Every way of calling without staff's token, by name. */
	static Map<String, String> attackers(String chapterId) {
		Map<String, String> attackers = new LinkedHashMap<>();
		attackers.put("nobody", null);
		attackers.put("the nominating chapter", TestTokens.chapter(chapterId));
		attackers.put("training staff", TestTokens.token().roles("TRAINING_STAFF").build());
		attackers.put("no role", TestTokens.token().build());
		attackers.put("forged, unsigned", TestTokens.unsigned());
		attackers.put("forged, another key", TestTokens.token().roles("STAFF").signedWithAnotherKey().build());
		attackers.put("staff, expired", TestTokens.token().roles("STAFF").expired().build());
		return attackers;
	}

	private void answerTheQuestionnaire(String nominationId, Person person) {
		String url = EndorsementTopic.awaitEvent(this.protection, nominationId, "QuestionnaireIssued")
			.get("questionnaireUrl")
			.asString();
		person.questionnaireToken = url.substring(url.indexOf("#token=") + "#token=".length());
		JsonNode opened = NominationApi.read(this.client.get()
			.uri("/api/questionnaire")
			.header(NominationApi.QUESTIONNAIRE_TOKEN, person.questionnaireToken)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		List<Map<String, Object>> replies = new ArrayList<>();
		for (JsonNode question : opened.get("questions")) {
			Map<String, Object> reply = new HashMap<>();
			reply.put("questionId", question.get("id").asString());
			reply.put("agreement", "AGREE");
			reply.put("text", "I, " + person.name + ", believe it");
			replies.add(reply);
		}
		this.client.put()
			.uri("/api/questionnaire")
			.header(NominationApi.QUESTIONNAIRE_TOKEN, person.questionnaireToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("answers", replies))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * Erases a candidate with this token (none for {@code null}) and answers the body;
	 * checks the status when one is expected.
	 */
	private JsonNode erase(String token, String candidateId, HttpStatus expected) {
		RestTestClient.RequestHeadersSpec<?> request = this.client.delete()
			.uri("/api/nominations/candidates/{id}", candidateId);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		var result = request.exchange().expectBody().returnResult();
		if (expected != null) {
			assertThat(result.getStatus().value()).isEqualTo(expected.value());
		}
		byte[] body = result.getResponseBody();
		if (body == null || body.length == 0) {
			return NominationApi.read("{}");
		}
		assertThat(result.getResponseHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		return NominationApi.read(new String(body, java.nio.charset.StandardCharsets.UTF_8));
	}

	private HttpStatus status(String token, String candidateId) {
		return HttpStatus.valueOf(this.client.method(HttpMethod.DELETE)
			.uri("/api/nominations/candidates/{id}", candidateId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.returnResult()
			.getStatus()
			.value());
	}

	static List<EndorsementTopic.Event> awaitErasureRecordsOf(String candidateId) {
		return await().atMost(PATIENCE)
			.until(() -> EndorsementTopic.eventsOf(candidateId, "CandidateErased"), (events) -> !events.isEmpty());
	}

	static List<JsonNode> awaitErasureOf(String candidateId) {
		return awaitErasureRecordsOf(candidateId).stream().map((event) -> NominationApi.read(event.data())).toList();
	}

	private static List<String> names(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private Document candidate(String candidateId) {
		return this.mongo.getCollection(CandidateDocument.COLLECTION).find(new Document("_id", candidateId)).first();
	}

	private Document stored(String nominationId) {
		return this.mongo.getCollection(NominationDocument.COLLECTION).find(new Document("_id", nominationId)).first();
	}

	private static Document withoutOutbox(Document document) {
		Document copy = new Document(document);
		copy.remove("outbox");
		return copy;
	}

	/**
	 * Where any of the values appears (ignoring case) in the service's database, as
	 * {@code collection/id}: every document of every collection.
	 */
	List<String> holdersOf(List<String> values) {
		return holdersOf(this.mongo, values);
	}

	static List<String> holdersOf(MongoTemplate mongo, List<String> values) {
		List<String> needles = values.stream().map((value) -> value.toLowerCase(Locale.ROOT)).toList();
		List<String> found = new ArrayList<>();
		for (String collection : mongo.getCollectionNames()) {
			for (Document document : mongo.getCollection(collection).find()) {
				String stored = document.toJson().toLowerCase(Locale.ROOT);
				for (String needle : needles) {
					int at = stored.indexOf(needle);
					if (at >= 0) {
						// Where, and around it, so that a failure shows which field kept
						// it.
						found.add(collection + "/" + document.get("_id") + ": …"
								+ stored.substring(Math.max(0, at - 80), Math.min(stored.length(), at + 80)) + "…");
						break;
					}
				}
			}
		}
		return found;
	}

	/**
	 * A candidate with a name, address and website of their own, and who nominates them.
	 */
	static final class Person {

		final String name;

		final String email;

		final String website;

		final String nominatorEmail;

		/** Names nobody: the race is public. */
		final String district = UUID.randomUUID().toString().substring(0, 8);

		String questionnaireToken;

		private Person(String name, String email, String website, String nominatorEmail) {
			this.name = name;
			this.email = email;
			this.website = website;
			this.nominatorEmail = nominatorEmail;
		}

		static Person unique(String name) {
			String unique = UUID.randomUUID().toString().substring(0, 8);
			String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + unique;
			return new Person(name + " " + unique, slug + "@example.org", "https://" + slug + ".example.org",
					"nominator-" + UUID.randomUUID() + "@example.org");
		}

		/** What must not remain of them anywhere once erased. */
		List<String> traces() {
			return List.of(this.name, this.email, this.website.substring("https://".length()));
		}

		/**
		 * A nomination of them (with their address) by a member of a registered chapter.
		 */
		Map<String, Object> nominatedIn(String state, LocalDate electionDate) {
			Map<String, Object> body = NominationApi.nominationIn(state);
			NominationApi.part(body, "candidate").put("name", this.name);
			NominationApi.part(body, "candidate").put("email", this.email);
			NominationApi.part(body, "candidate").put("website", this.website);
			NominationApi.part(body, "race").put("electionDate", electionDate.toString());
			// A race of their own, so that its endorsed candidates are theirs only.
			NominationApi.part(body, "race").put("district", "District " + this.district);
			NominationApi.part(body, "nominatedBy").put("email", this.nominatorEmail);
			body.put("statement", this.name + " has organized here for years.");
			return body;
		}

	}

}
