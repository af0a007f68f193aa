package org.groundgame.endorsement.nomination;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.EndorsementTopic;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.RegisteredChapterFixture;
import org.groundgame.endorsement.candidate.CandidateDocument;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.race.RaceDocument;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endorsement process end to end inside the service, against the real broker and
 * store: races and candidates shared, holds, research, recommendations, declines,
 * withdrawals, expiry, rescinding and outcomes, and what each announces.
 */
@EndorsementServiceIntegrationTest
class PipelineFlowTests {

	static final int THREADS = 8;

	@Autowired
	RestTestClient client;

	@Autowired
	NominationRepository repository;

	@Autowired
	NominationStore store;

	@Autowired
	NominationService service;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PersonalDataProtection protection;

	NominationApi api;

	@BeforeEach
	void setUp() {
		this.api = new NominationApi(this.client);
	}

	/**
	 * The records of an endorsement's victory announcement, read up to a later event of
	 * the endorsement (its rescission, caused here): a second announcement published
	 * before it would be among them.
	 */
	List<EndorsementTopic.Event> announcedThroughALaterEvent(String endorsementId) {
		this.api.post("/api/endorsements/{id}/rescind", Map.of("reason", "The test is over"), HttpStatus.OK,
				endorsementId);
		return EndorsementTopic.ofKeyAndType(
				EndorsementTopic.readThrough(endorsementId, EndorsementTopic.ofType("EndorsementRescinded")),
				endorsementId, "VictoryAnnounced");
	}

	String submitted(Map<String, Object> nomination) {
		return this.api.submit(nomination).get("id").asString();
	}

	@Test
	void nominationsForTheSameRaceShareItAndTheSamePersonIsOneCandidate() {
		Map<String, Object> first = NominationApi.nominationIn("MO");
		Map<String, Object> again = NominationApi.nominationIn("MO");
		NominationApi.part(again, "race").put("office", "  state representative ");
		NominationApi.part(again, "candidate")
			.put("email", ((String) NominationApi.part(first, "candidate").get("email")).toUpperCase());
		Map<String, Object> otherDistrict = NominationApi.nominationIn("MO");
		NominationApi.part(otherDistrict, "race").put("district", "80");

		JsonNode one = this.api.submit(first);
		JsonNode two = this.api.submit(again);
		JsonNode three = this.api.submit(otherDistrict);

		assertThat(one.get("race").get("id").asString()).isNotBlank()
			.isEqualTo(two.get("race").get("id").asString())
			.isNotEqualTo(three.get("race").get("id").asString());
		assertThat(one.get("race").get("ocdDivisionId").asString()).isEqualTo("ocd-division/country:us/state:mo");
		assertThat(one.get("race").get("stage").asString()).isEqualTo("GENERAL");
		assertThat(one.get("candidateId").asString()).isNotBlank().isEqualTo(two.get("candidateId").asString());
		assertThat(three.get("candidateId").asString()).isNotEqualTo(one.get("candidateId").asString());

		Map<String, Object> byRaceId = NominationApi.nominationIn("MO");
		byRaceId.remove("race");
		byRaceId.put("raceId", one.get("race").get("id").asString());
		JsonNode four = this.api.submit(byRaceId);
		assertThat(four.get("race")).isEqualTo(one.get("race"));
	}

	@Test
	void concurrentNominationsForOneNewRaceAndCandidateStoreItOnce() throws Exception {
		String office = "City Council " + UUID.randomUUID();
		String email = "one-" + UUID.randomUUID() + "@example.org";
		List<JsonNode> created = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService nominators = Executors.newFixedThreadPool(THREADS)) {
			List<Future<JsonNode>> submissions = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				submissions.add(nominators.submit(() -> {
					Map<String, Object> nomination = NominationApi.nominationIn("KS");
					NominationApi.part(nomination, "race").put("office", office);
					NominationApi.part(nomination, "candidate").put("email", email);
					start.await();
					return this.api.submit(nomination);
				}));
			}
			start.countDown();
			for (Future<JsonNode> submission : submissions) {
				created.add(submission.get());
			}
		}

		assertThat(created).extracting((nomination) -> nomination.get("race").get("id").asString())
			.containsOnly(created.getFirst().get("race").get("id").asString());
		assertThat(created).extracting((nomination) -> nomination.get("candidateId").asString())
			.containsOnly(created.getFirst().get("candidateId").asString());
		assertThat(this.mongo.count(new Query(Criteria.where("office").is(office)), RaceDocument.class)).isOne();
		assertThat(
				this.mongo.count(new Query(Criteria.where("matchKey").is("email:" + email)), CandidateDocument.class))
			.isOne();
	}

	@Test
	void positionOnABallotMeasureIsNominatedWithoutQuestionnaire() {
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		nomination.remove("candidate");
		nomination.put("ballotMeasure", Map.of("title", "Amendment " + UUID.randomUUID(), "position", "YES"));
		NominationApi.part(nomination, "race").remove("office");

		JsonNode created = this.api.submit(nomination);
		String id = created.get("id").asString();

		assertThat(created.get("candidate").isNull()).isTrue();
		assertThat(created.get("candidateId").isNull()).isTrue();
		assertThat(created.get("ballotMeasure").get("name").asString()).startsWith("YES on Amendment ");
		assertThat(created.get("race").get("ballotMeasure").asBoolean()).isTrue();
		assertThat(created.get("race").get("office").asString())
			.isEqualTo(created.get("ballotMeasure").get("title").asString());
		assertThat(created.get("missing").valueStream().map(JsonNode::asString)).containsExactly("CHAPTER_FORM");
		// The relay publishes after the answer: wait for the event before reading it raw.
		JsonNode submittedEvent = EndorsementTopic.awaitEvent(this.protection, id, "NominationSubmitted");
		assertThat(NominationApi.read(EndorsementTopic.eventsOf(id, "NominationSubmitted").getFirst().data())
			.get("candidateName")
			.asString()).as("sealed on the topic").startsWith("{pd:groundgame.endorsement.keys:" + id + "}");
		assertThat(submittedEvent.get("candidateName").asString()).startsWith("YES on Amendment ");
		assertThat(submittedEvent.get("race").get("ballotMeasure").asBoolean()).isTrue();
		// Read up to a later event of the nomination (taken up by staff, which sends a
		// candidate their questionnaire): none was issued before it or with it.
		this.api.review(id, "Dana Staff");
		assertThat(EndorsementTopic.ofKeyAndType(
				EndorsementTopic.readThrough(id, EndorsementTopic.ofType("NominationReviewStarted")), id,
				"QuestionnaireIssued"))
			.isEmpty();
	}

	@Test
	void candidateIsSentTheQuestionnaireLinkWhichNoViewShows() {
		Map<String, Object> nomination = NominationApi.nominationIn("MO");
		JsonNode created = this.api.submit(nomination);
		String id = created.get("id").asString();

		JsonNode issued = EndorsementTopic.awaitEvent(this.protection, id, "QuestionnaireIssued");

		String url = issued.get("questionnaireUrl").asString();
		assertThat(url).startsWith("http://localhost:8080/questionnaire/#token=");
		String token = url.substring(url.indexOf("#token=") + 7);
		assertThat(token).hasSize(43);
		assertThat(issued.get("candidateEmail").asString())
			.isEqualTo(NominationApi.part(nomination, "candidate").get("email"));
		assertThat(Instant.parse(issued.get("expiresAt").asString())).isAfter(Instant.now().plus(Duration.ofDays(29)));
		JsonNode view = this.api.get("/api/nominations/{id}", HttpStatus.OK, id);
		assertThat(view.toString()).doesNotContain(token);
		assertThat(view.get("questionnaire").get("completedAt").isNull()).isTrue();
		assertThat(view.get("missing").valueStream().map(JsonNode::asString)).containsExactly("CHAPTER_FORM",
				"QUESTIONNAIRE");
		assertThat(view.get("complete").asBoolean()).isFalse();
		assertThat(this.repository.findById(id).orElseThrow().toNomination().questionnaire().tokenHash())
			.isEqualTo(CapabilityTokens.hash(token));

		JsonNode reissued = this.api.post("/api/nominations/{id}/questionnaire",
				Map.of("email", "campaign@example.org"), HttpStatus.OK, id);
		assertThat(reissued.get("questionnaire").get("email").asString()).isEqualTo("campaign@example.org");
		assertThat(this.repository.findById(id).orElseThrow().toNomination().questionnaire().tokenHash())
			.isNotEqualTo(CapabilityTokens.hash(token));
	}

	@Test
	void reviewIsHeldResearchedRecommendedResumedAndDeclinedWithEachStepAnnouncedOrRecorded() {
		String id = submitted(NominationApi.nominationIn("IA"));

		this.api.review(id, "Dana Staff");
		JsonNode held = this.api.post("/api/nominations/{id}/hold", Map.of("reason", "Waiting for the interview"),
				HttpStatus.OK, id);
		JsonNode refused = this.api.decide(id, "ENDORSE", HttpStatus.CONFLICT);
		JsonNode researched = this.api.put("/api/nominations/{id}/research", Map.of("incumbency", "CHALLENGER",
				"opponents", List.of(Map.of("name", "Pat Smith", "incumbent", true)), "polling",
				List.of(Map.of("pollster", "PPP", "date", "2026-02-01", "numbers", "48-44", "source",
						"https://polls.example.org/1")),
				"fundraising", Map.of("amount", 125000.50, "asOf", "2026-01-31"), "winNumber", 5200, "notes",
				"Strong field team"), HttpStatus.OK, id);
		JsonNode notYet = this.api.put("/api/nominations/{id}/recommendation", Map.of("recommendation", "DECLINE"),
				HttpStatus.CONFLICT, id);
		this.api.post("/api/nominations/{id}/resume", Map.of(), HttpStatus.OK, id);
		JsonNode recommended = this.api.put("/api/nominations/{id}/recommendation",
				Map.of("recommendation", "DECLINE", "tier", "TIER_3", "rationale", "Not aligned"), HttpStatus.OK, id);
		JsonNode declined = this.api.post("/api/nominations/{id}/decision",
				Map.of("decision", "DECLINE", "reason", "Not aligned on housing"), HttpStatus.OK, id);

		assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
		assertThat(held.get("hold").get("reason").asString()).isEqualTo("Waiting for the interview");
		assertThat(refused.get("currentState").asString()).isEqualTo("ON_HOLD");
		assertThat(researched.get("research").get("incumbency").asString()).isEqualTo("CHALLENGER");
		assertThat(researched.get("research").get("opponents").get(0).get("name").asString()).isEqualTo("Pat Smith");
		assertThat(researched.get("research").get("winNumber").asLong()).isEqualTo(5200);
		assertThat(notYet.get("currentState").asString()).isEqualTo("ON_HOLD");
		assertThat(recommended.get("recommendation").get("tier").asString()).isEqualTo("TIER_3");
		assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
		assertThat(declined.get("decidedBy").asString()).isNotBlank();
		assertThat(EndorsementTopic.awaitEvent(this.protection, id, "NominationReviewStarted")
			.get("nominationId")
			.asString()).isEqualTo(id);
		assertThat(EndorsementTopic.awaitEvent(this.protection, id, "EndorsementDeclined").get("reason").asString())
			.isEqualTo("Not aligned on housing");
	}

	@Test
	void chaptersSeeNeitherResearchNorRecommendation() {
		String chapter = RegisteredChapterFixture.newChapter();
		Map<String, Object> nomination = NominationApi.nominationIn("IA");
		NominationApi.part(nomination, "nominatedBy").put("chapterId", chapter);
		String id = submitted(nomination);
		this.api.review(id, "Dana Staff");
		this.api.put("/api/nominations/{id}/research", Map.of("notes", "Internal"), HttpStatus.OK, id);

		JsonNode seen = this.api.as(TestTokens.chapter(chapter)).get("/api/nominations/{id}", HttpStatus.OK, id);

		assertThat(seen.get("research").isNull()).isTrue();
		assertThat(seen.toString()).doesNotContain("Internal");
	}

	@Test
	void nominatingChapterWithdrawsAndAnotherChapterCannot() {
		String chapter = RegisteredChapterFixture.newChapter();
		Map<String, Object> nomination = NominationApi.nominationIn("IA");
		NominationApi.part(nomination, "nominatedBy").put("chapterId", chapter);
		String id = submitted(nomination);

		this.api.as(TestTokens.chapter("another-" + chapter))
			.post("/api/nominations/{id}/withdraw", Map.of("reason", "Mine now"), HttpStatus.FORBIDDEN, id);
		JsonNode withdrawn = this.api.as(TestTokens.chapter(chapter))
			.post("/api/nominations/{id}/withdraw", Map.of("reason", "The candidate dropped out"), HttpStatus.OK, id);
		JsonNode again = this.api.post("/api/nominations/{id}/withdraw", Map.of(), HttpStatus.CONFLICT, id);

		assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(again.get("currentState").asString()).isEqualTo("WITHDRAWN");
		assertThat(EndorsementTopic.awaitEvent(this.protection, id, "NominationWithdrawn").get("reason").asString())
			.isEqualTo("The candidate dropped out");
	}

	@Test
	void chapterFormIsFiledByTheChapterAndAttributesANominationOfNoChapter() {
		String chapter = "chapter-" + UUID.randomUUID();
		Map<String, Object> nomination = NominationApi.nominationIn("IA");
		NominationApi.part(nomination, "nominatedBy").remove("chapterId");
		String id = submitted(nomination);
		Map<String, Object> form = Map.of("statement", "We voted yes", "meetingDate", "2026-01-15", "votesFor", 30,
				"votesAgainst", 2);

		JsonNode filed = this.api.as(TestTokens.chapter(chapter))
			.post("/api/nominations/{id}/chapter-form", form, HttpStatus.OK, id);
		this.api.as(TestTokens.chapter("another-" + chapter))
			.post("/api/nominations/{id}/chapter-form", form, HttpStatus.FORBIDDEN, id);

		assertThat(filed.get("nominatedBy").get("chapterId").asString()).isEqualTo(chapter);
		assertThat(filed.get("chapterForm").get("votesFor").asInt()).isEqualTo(30);
		assertThat(filed.get("missing").valueStream().map(JsonNode::asString)).containsExactly("QUESTIONNAIRE");
		assertThat(this.repository.findById(id).orElseThrow().toNomination().nominatingChapterId()).isEqualTo(chapter);
	}

	@Test
	void chaptersOwnNominationMayCarryItsForm() {
		String chapter = "chapter-" + UUID.randomUUID();
		Map<String, Object> nomination = NominationApi.nominationIn("IA");
		NominationApi.part(nomination, "nominatedBy").remove("chapterId");
		nomination.put("chapterForm",
				Map.of("statement", "Unanimous", "meetingDate", "2026-01-15", "votesFor", 12, "votesAgainst", 0));

		JsonNode created = this.api.as(TestTokens.chapter(chapter)).submit(nomination);
		this.api.anonymous().submit(nomination, HttpStatus.FORBIDDEN);

		assertThat(created.get("chapterForm").get("chapterId").asString()).isEqualTo(chapter);
	}

	@Test
	void pendingNominationsWhoseElectionPassedExpireAndAreAnnounced() {
		Instant longAgo = Instant.now().minus(Duration.ofDays(400));
		Race past = new Race("Mayor", RaceLevel.LOCAL, UsState.VT, null, "Burlington",
				LocalDate.now(ZoneOffset.UTC).minusDays(3));
		Nomination overdue = Nomination.restore(UUID.randomUUID().toString(), NominationStatus.UNDER_REVIEW,
				new Candidate("Candidate " + UUID.randomUUID(), null, null), past, Nominator.chapter("c-1"), null,
				longAgo, null, null, null);
		Nomination ahead = Nomination.restore(UUID.randomUUID().toString(), NominationStatus.SUBMITTED,
				new Candidate("Candidate " + UUID.randomUUID(), null, null),
				new Race("Mayor", RaceLevel.LOCAL, UsState.VT, null, "Burlington", NominationApi.nextElection()), null,
				null, longAgo, null, null, null);
		this.store.insert(NominationDocument.of(overdue));
		this.store.insert(NominationDocument.of(ahead));

		assertThat(this.service.expireOverdue()).isGreaterThanOrEqualTo(1);

		assertThat(this.repository.findById(overdue.id()).orElseThrow().getStatus())
			.isEqualTo(NominationStatus.EXPIRED);
		assertThat(this.repository.findById(ahead.id()).orElseThrow().getStatus())
			.isEqualTo(NominationStatus.SUBMITTED);
		assertThat(EndorsementTopic.awaitEvent(this.protection, overdue.id(), "NominationExpired")
			.get("nominatingChapterId")
			.asString()).isEqualTo("c-1");
		assertThat(this.service.expireOverdue()).isZero();
	}

	@Test
	void endorsementIsRescindedLeavesThePublicListAndTakesNoOutcome() {
		String id = submitted(NominationApi.nominationIn("NH"));
		String endorsementId = this.api.decide(id, "ENDORSE", HttpStatus.OK).get("endorsementId").asString();

		this.api.post("/api/endorsements/{id}/rescind", Map.of("reason", " "), HttpStatus.BAD_REQUEST, endorsementId);
		JsonNode rescinded = this.api.post("/api/endorsements/{id}/rescind", Map.of("reason", "Broke the pledge"),
				HttpStatus.OK, endorsementId);
		JsonNode again = this.api.post("/api/endorsements/{id}/rescind", Map.of("reason", "Again"), HttpStatus.CONFLICT,
				endorsementId);
		JsonNode noOutcome = this.api.recordOutcome(endorsementId, "WON", HttpStatus.CONFLICT);

		assertThat(rescinded.get("status").asString()).isEqualTo("RESCINDED");
		assertThat(rescinded.get("rescindedReason").asString()).isEqualTo("Broke the pledge");
		assertThat(again.get("currentState").asString()).isEqualTo("RESCINDED");
		assertThat(noOutcome.get("currentState").asString()).isEqualTo("RESCINDED");
		assertThat(
				NominationFlowTests.ids(this.api.anonymous().get("/api/endorsements?state=NH&size=100", HttpStatus.OK)))
			.doesNotContain(endorsementId);
		assertThat(NominationFlowTests
			.ids(this.api.anonymous().get("/api/endorsements?state=NH&status=RESCINDED&size=100", HttpStatus.OK)))
			.contains(endorsementId);
		JsonNode event = EndorsementTopic.awaitEvent(this.protection, endorsementId, "EndorsementRescinded");
		assertThat(event.get("reason").asString()).isEqualTo("Broke the pledge");
		assertThat(event.get("candidateId").asString()).isEqualTo(rescinded.get("candidateId").asString());
	}

	@Test
	void outcomesAreRecordedPerStage() {
		String id = submitted(NominationApi.nominationIn("NH"));
		String endorsementId = this.api.decide(id, "ENDORSE", HttpStatus.OK).get("endorsementId").asString();

		this.api.post("/api/endorsements/{id}/outcome", Map.of("result", "ADVANCED", "stage", "PRIMARY"), HttpStatus.OK,
				endorsementId);
		JsonNode won = this.api.post("/api/endorsements/{id}/outcome", Map.of("result", "WON"), HttpStatus.OK,
				endorsementId);

		assertThat(won.get("outcome").asString()).isEqualTo("WON");
		assertThat(won.get("outcomes").valueStream().map((outcome) -> outcome.get("stage").asString()))
			.containsExactly("PRIMARY", "GENERAL");
		// The announcement of the victory, a later event of the endorsement on the same
		// partition: every outcome published before it, a third one included, is read.
		this.api.post("/api/endorsements/{id}/announcement", Map.of("headline", "Won", "message", "Thank you."),
				HttpStatus.OK, endorsementId);
		List<EndorsementTopic.Event> recorded = EndorsementTopic.ofKeyAndType(
				EndorsementTopic.readThrough(endorsementId, EndorsementTopic.ofType("VictoryAnnounced")), endorsementId,
				"ElectionOutcomeRecorded");
		assertThat(recorded).extracting((event) -> NominationApi.read(event.data()).get("stage").asString())
			.containsExactly("PRIMARY", "GENERAL");
	}

	@Test
	void victoryIsAnnouncedOnceAfterAWinPubliclyAndOnTheTopic() {
		String id = submitted(NominationApi.nominationIn("VT"));
		String endorsementId = this.api.decide(id, "ENDORSE", HttpStatus.OK).get("endorsementId").asString();
		Map<String, Object> announcement = Map.of("headline", "Ana Ruiz wins House District 79", "message",
				"Thank you to the 212 volunteers who knocked on 9,000 doors.");

		JsonNode tooEarly = this.api.post("/api/endorsements/{id}/announcement", announcement, HttpStatus.CONFLICT,
				endorsementId);
		assertThat(tooEarly.get("currentState").asString()).isEqualTo("NOT_WON");
		this.api.post("/api/endorsements/{id}/outcome", Map.of("result", "ADVANCED", "stage", "PRIMARY"), HttpStatus.OK,
				endorsementId);
		this.api.post("/api/endorsements/{id}/announcement", announcement, HttpStatus.CONFLICT, endorsementId);
		this.api.recordOutcome(endorsementId, "WON", HttpStatus.OK);
		JsonNode blank = this.api.post("/api/endorsements/{id}/announcement",
				Map.of("headline", " ", "message", "x".repeat(2001)), HttpStatus.BAD_REQUEST, endorsementId);
		assertThat(blank.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("headline", "message");
		assertThat(this.api.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId).get("announcement").isNull())
			.isTrue();

		JsonNode published = this.api.post("/api/endorsements/{id}/announcement", announcement, HttpStatus.OK,
				endorsementId);
		JsonNode again = this.api.post("/api/endorsements/{id}/announcement",
				Map.of("headline", "Another", "message", "Another"), HttpStatus.CONFLICT, endorsementId);

		assertThat(published.get("announcement").get("headline").asString()).isEqualTo(announcement.get("headline"));
		assertThat(again.get("currentState").asString()).isEqualTo("ANNOUNCED");
		JsonNode shown = this.api.anonymous().get("/api/endorsements/{id}", HttpStatus.OK, endorsementId);
		assertThat(shown.get("announcement").get("message").asString()).isEqualTo(announcement.get("message"));
		assertThat(shown.get("announcement").has("publishedBy")).isFalse();
		assertThat(shown.get("announcement").get("publishedAt").isNull()).isFalse();
		JsonNode event = EndorsementTopic.awaitEvent(this.protection, endorsementId, "VictoryAnnounced");
		assertThat(event.get("headline").asString()).isEqualTo(announcement.get("headline"));
		assertThat(event.get("nominationId").asString()).isEqualTo(id);
		assertThat(event.get("race").get("state").asString()).isEqualTo("VT");
		assertThat(announcedThroughALaterEvent(endorsementId)).hasSize(1);
	}

	@Test
	void ofStaffAnnouncingOneVictoryAtOnceOnePublishesAndTheOthersAreTold() throws Exception {
		String id = submitted(NominationApi.nominationIn("ME"));
		String endorsementId = this.api.decide(id, "ENDORSE", HttpStatus.OK).get("endorsementId").asString();
		this.api.recordOutcome(endorsementId, "WON", HttpStatus.OK);
		CountDownLatch start = new CountDownLatch(1);
		List<HttpStatus> answers = new ArrayList<>();
		try (ExecutorService staff = Executors.newFixedThreadPool(THREADS)) {
			List<Future<HttpStatus>> attempts = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				Map<String, Object> announcement = Map.of("headline", "Victory " + i, "message", "Words of staff " + i);
				attempts.add(staff.submit(() -> {
					start.await();
					return this.api.tryToPost("/api/endorsements/{id}/announcement", announcement, endorsementId);
				}));
			}
			start.countDown();
			for (Future<HttpStatus> attempt : attempts) {
				answers.add(attempt.get());
			}
		}

		assertThat(answers).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(1);
		JsonNode published = this.api.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId).get("announcement");
		String number = published.get("headline").asString().substring("Victory ".length());
		assertThat(published.get("message").asString()).isEqualTo("Words of staff " + number);
		JsonNode event = EndorsementTopic.awaitEvent(this.protection, endorsementId, "VictoryAnnounced");
		assertThat(event.get("headline").asString()).isEqualTo(published.get("headline").asString());
		assertThat(announcedThroughALaterEvent(endorsementId)).hasSize(1);
	}

	@Test
	void endorsedCandidateCannotBeNominatedAgainForTheSameRace() {
		Map<String, Object> nomination = NominationApi.nominationIn("NV");
		String id = submitted(nomination);
		this.api.decide(id, "ENDORSE", HttpStatus.OK);

		JsonNode refused = this.api.submit(nomination, HttpStatus.CONFLICT);

		assertThat(refused.get("currentState").asString()).isEqualTo("ENDORSED");
	}

	@Test
	void twoNominationsOfOneCandidateEndorsedAtOnceGiveOneActiveEndorsement() throws Exception {
		Map<String, Object> nomination = NominationApi.nominationIn("NV");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			ids.add(submitted(nomination));
		}
		List<HttpStatus> answers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService deciders = Executors.newFixedThreadPool(THREADS)) {
			List<Future<HttpStatus>> decisions = new ArrayList<>();
			for (String id : ids) {
				decisions.add(deciders.submit(() -> {
					start.await();
					return this.api.tryToDecide(id, "ENDORSE");
				}));
			}
			start.countDown();
			for (Future<HttpStatus> decision : decisions) {
				answers.add(decision.get());
			}
		}

		assertThat(answers).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(1);
		assertThat(ids.stream().map((id) -> this.repository.findById(id).orElseThrow().getEndorsement()))
			.filteredOn(java.util.Objects::nonNull)
			.hasSize(1);
	}

	@Test
	void currentRacesListTheirEndorsedCandidatesUntilTheStageIsDecided() {
		Map<String, Object> first = NominationApi.nominationIn("ME");
		String office = "County Executive " + UUID.randomUUID();
		NominationApi.part(first, "race").put("office", office);
		Map<String, Object> second = NominationApi.nominationIn("ME");
		NominationApi.part(second, "race").put("office", office);
		Map<String, Object> notEndorsed = NominationApi.nominationIn("ME");
		NominationApi.part(notEndorsed, "race").put("office", office);
		String firstEndorsement = this.api.decide(submitted(first), "ENDORSE", HttpStatus.OK)
			.get("endorsementId")
			.asString();
		JsonNode secondNomination = this.api.decide(submitted(second), "ENDORSE", HttpStatus.OK);
		submitted(notEndorsed);
		String raceId = secondNomination.get("race").get("id").asString();

		JsonNode races = this.api.anonymous().get("/api/races?state=ME&size=100", HttpStatus.OK);
		JsonNode race = races.get("content")
			.valueStream()
			.filter((each) -> raceId.equals(each.get("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(race.get("candidates").valueStream().map((each) -> each.get("name").asString()))
			.containsExactlyInAnyOrder((String) NominationApi.part(first, "candidate").get("name"),
					(String) NominationApi.part(second, "candidate").get("name"));
		assertThat(race.get("candidates").get(0).get("endorsementId").asString()).isNotBlank();
		assertThat(this.api.anonymous().get("/api/races/{id}", HttpStatus.OK, raceId).get("candidates").size())
			.isEqualTo(2);

		this.api.recordOutcome(firstEndorsement, "WON", HttpStatus.OK);

		assertThat(this.api.anonymous()
			.get("/api/races?state=ME&size=100", HttpStatus.OK)
			.get("content")
			.valueStream()
			.map((each) -> each.get("id").asString())).doesNotContain(raceId);
		this.api.anonymous().get("/api/races/{id}", HttpStatus.NOT_FOUND, "no-such-race");
	}

	@Test
	void resultsTallyTheEndorsedByCycleAndLevel() {
		String state = "WY";
		JsonNode before = this.api.anonymous().get("/api/endorsements/results?state=" + state, HttpStatus.OK);
		List<String> endorsements = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			endorsements.add(this.api.decide(submitted(NominationApi.nominationIn(state)), "ENDORSE", HttpStatus.OK)
				.get("endorsementId")
				.asString());
		}
		this.api.recordOutcome(endorsements.get(0), "WON", HttpStatus.OK);
		this.api.recordOutcome(endorsements.get(1), "LOST", HttpStatus.OK);
		this.api.recordOutcome(endorsements.get(2), "ADVANCED", HttpStatus.OK);

		JsonNode after = this.api.anonymous().get("/api/endorsements/results?state=" + state, HttpStatus.OK);

		JsonNode total = after.get("total");
		JsonNode was = before.get("total");
		assertThat(total.get("endorsed").asInt() - was.get("endorsed").asInt()).isEqualTo(4);
		assertThat(total.get("won").asInt() - was.get("won").asInt()).isEqualTo(1);
		assertThat(total.get("elected").asInt() - was.get("elected").asInt()).isEqualTo(1);
		assertThat(total.get("lost").asInt() - was.get("lost").asInt()).isEqualTo(1);
		assertThat(total.get("advanced").asInt() - was.get("advanced").asInt()).isEqualTo(1);
		assertThat(total.get("awaiting").asInt() - was.get("awaiting").asInt()).isEqualTo(1);
		assertThat(after.get("byCycleAndLevel").get(0).get("cycle").asInt())
			.isEqualTo(NominationApi.nextElection().getYear());
		assertThat(after.get("byCycleAndLevel").get(0).get("level").asString()).isEqualTo("STATE");
	}

	@Test
	void endorsementsAreFilteredByOffice() {
		Map<String, Object> nomination = NominationApi.nominationIn("SD");
		String office = "Soil and Water Commissioner " + UUID.randomUUID();
		NominationApi.part(nomination, "race").put("office", office);
		String endorsementId = this.api.decide(submitted(nomination), "ENDORSE", HttpStatus.OK)
			.get("endorsementId")
			.asString();

		JsonNode found = this.api.anonymous()
			.get("/api/endorsements?office={office}", HttpStatus.OK, office.toLowerCase());

		assertThat(NominationFlowTests.ids(found)).containsExactly(endorsementId);
	}

	@Test
	void slateIsSubmittedAsOneNominationPerEntryAndReadByItsChapter() {
		String chapter = "chapter-" + UUID.randomUUID();
		Map<String, Object> candidateEntry = NominationApi.nominationIn("MO");
		Map<String, Object> measureEntry = NominationApi.nominationIn("MO");
		measureEntry.remove("candidate");
		measureEntry.put("ballotMeasure", Map.of("title", "Proposition " + UUID.randomUUID(), "position", "NO"));
		Map<String, Object> slate = new LinkedHashMap<>();
		slate.put("name", "Progressive St. Louis slate");
		slate.put("statement", "Our slate");
		slate.put("nominations", List.of(entry(candidateEntry), entry(measureEntry)));

		JsonNode created = this.api.as(TestTokens.chapter(chapter)).post("/api/slates", slate, HttpStatus.CREATED);
		String slateId = created.get("id").asString();

		assertThat(created.get("nominatedBy").get("chapterId").asString()).isEqualTo(chapter);
		assertThat(created.get("nominations")).hasSize(2);
		assertThat(created.get("nominations").valueStream().map((each) -> each.get("slateId").asString()))
			.containsOnly(slateId);
		assertThat(created.get("nominations").get(1).get("ballotMeasure").get("position").asString()).isEqualTo("NO");
		assertThat(this.api.as(TestTokens.chapter(chapter)).get("/api/slates/{id}", HttpStatus.OK, slateId))
			.isEqualTo(created);
		this.api.as(TestTokens.chapter("another-" + chapter)).get("/api/slates/{id}", HttpStatus.FORBIDDEN, slateId);
		String firstId = created.get("nominations").get(0).get("id").asString();
		assertThat(
				EndorsementTopic.awaitEvent(this.protection, firstId, "NominationSubmitted").get("slateId").asString())
			.isEqualTo(slateId);
	}

	@Test
	void slateWithOneEntryAtFaultStoresNothing() {
		Map<String, Object> good = NominationApi.nominationIn("MO");
		Map<String, Object> bad = NominationApi.nominationIn("MO");
		NominationApi.part(bad, "race").put("ocdDivisionId", "ocd-division/country:us/state:ks/place:wichita");
		Map<String, Object> slate = Map.of("name", "Mixed", "nominations", List.of(entry(good), entry(bad)));

		JsonNode refused = this.api.post("/api/slates", slate, HttpStatus.BAD_REQUEST);

		assertThat(refused.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("nominations[1].race.ocdDivisionId");
		assertThat(this.mongo.count(
				new Query(Criteria.where("candidate.name").is(NominationApi.part(good, "candidate").get("name"))),
				NominationDocument.class))
			.isZero();
	}

	static Map<String, Object> entry(Map<String, Object> nomination) {
		Map<String, Object> entry = new LinkedHashMap<>(nomination);
		entry.remove("nominatedBy");
		entry.remove("statement");
		return entry;
	}

}
