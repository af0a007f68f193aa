package org.groundgame.endorsement.nomination;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.EndorsementTopic;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.StaffDecision;
import org.groundgame.endorsement.nomination.domain.StageOutcome;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nominations through the HTTP API into the real store, and their events onto the real
 * broker.
 */
@EndorsementServiceIntegrationTest
class NominationFlowTests {

	@Autowired
	RestTestClient client;

	@Autowired
	NominationRepository repository;

	@Autowired
	NominationStore store;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PersonalDataProtection protection;

	NominationApi api;

	@BeforeEach
	void setUp() {
		this.api = new NominationApi(this.client);
	}

	void awaitOutboxEmptied(String nominationId) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.repository.findById(nominationId).orElseThrow().getOutbox()).isEmpty());
	}

	@Test
	void submittedNominationIsStoredAndAnnouncedAsACloudEventWithoutContactDetails() {
		Map<String, Object> nomination = NominationApi.nominationIn("mo");

		JsonNode created = this.api.submit(nomination);
		String id = created.get("id").asString();

		assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(created.get("race").get("state").asString()).isEqualTo("MO");
		assertThat(created.get("cycle").asInt()).isEqualTo(NominationApi.nextElection().getYear());
		assertThat(created.get("submittedAt").asString()).isNotBlank();
		assertThat(this.api.get("/api/nominations/{id}", HttpStatus.OK, id)).isEqualTo(created);

		EndorsementTopic.Event event = await().atMost(Duration.ofSeconds(20))
			.until(() -> EndorsementTopic.readAll().stream().filter((e) -> id.equals(e.key())).toList(),
					(events) -> !events.isEmpty())
			.getFirst();
		assertThat(event.headers()).containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_type", "org.groundgame.endorsement.NominationSubmitted.v1")
			.containsEntry("ce_source", "/groundgame/endorsement-service")
			.containsEntry("ce_subject", id)
			.containsKey("ce_id")
			.containsKey("ce_time");
		assertThat(Instant.parse(event.headers().get("ce_time"))).isEqualTo(created.get("submittedAt").asString());
		assertThat(NominationApi.read(event.data()).get("candidateName").asString()).as("sealed on the topic")
			.startsWith("{pd:groundgame.endorsement.keys:" + id + "}");
		JsonNode data = EndorsementTopic.opened(this.protection, event);
		assertThat(data.get("eventId").asString()).isEqualTo(event.headers().get("ce_id"));
		assertThat(data.get("nominationId").asString()).isEqualTo(id);
		assertThat(data.get("candidateName").asString()).isEqualTo(created.get("candidate").get("name").asString());
		assertThat(data.get("chapterId").asString()).isEqualTo(created.get("nominatedBy").get("chapterId").asString());
		assertThat(data.get("race").get("state").asString()).isEqualTo("MO");
		assertThat(event.data()).doesNotContain("@");
		awaitOutboxEmptied(id);
	}

	@Test
	void endorsingCreatesAnEndorsementPublishedOnceAndEmptiesTheOutbox() {
		JsonNode created = this.api.submit(NominationApi.nominationIn("KS"));
		String nominationId = created.get("id").asString();
		this.api.review(nominationId, "Dana Staff");

		JsonNode endorsed = this.api.decide(nominationId, "ENDORSE", HttpStatus.OK);

		assertThat(endorsed.get("status").asString()).isEqualTo("ENDORSED");
		assertThat(endorsed.get("reviewer").asString()).isEqualTo("Dana Staff");
		assertThat(endorsed.get("decision").asString()).isEqualTo("ENDORSE");
		String endorsementId = endorsed.get("endorsementId").asString();
		assertThat(endorsementId).isNotBlank();

		awaitOutboxEmptied(nominationId);

		JsonNode endorsement = this.api.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId);
		assertThat(endorsement.get("id").asString()).isEqualTo(endorsementId);
		assertThat(endorsement.get("nominationId").asString()).isEqualTo(nominationId);
		assertThat(endorsement.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(endorsement.has("outcome")).isTrue();
		assertThat(endorsement.get("outcome").isNull()).isTrue();
		assertThat(endorsement.get("reEndorsement").asBoolean()).isFalse();
		assertThat(endorsement.get("candidate").propertyNames()).containsExactlyInAnyOrder("name", "website");
		assertThat(endorsement.toString()).doesNotContain("@");

		JsonNode listed = this.api.get("/api/endorsements?state=ks&level=STATE&cycle={cycle}", HttpStatus.OK,
				NominationApi.nextElection().getYear());
		assertThat(listed.get("content").valueStream().map((e) -> e.get("id").asString())).contains(endorsementId);
		assertThat(listed.toString()).doesNotContain("@");
		JsonNode otherLevel = this.api.get("/api/endorsements?state=KS&level=LOCAL", HttpStatus.OK);
		assertThat(otherLevel.get("content").valueStream().map((e) -> e.get("id").asString()))
			.doesNotContain(endorsementId);

		// A later event of the endorsement, on the same partition: every record of the
		// grant published before it, a second one included, is read with it.
		this.api.recordOutcome(endorsementId, "WON", HttpStatus.OK);
		List<EndorsementTopic.Event> granted = EndorsementTopic
			.readThrough(endorsementId, EndorsementTopic.ofType("ElectionOutcomeRecorded"))
			.stream()
			.filter((event) -> "org.groundgame.endorsement.EndorsementGranted.v1".equals(event.type()))
			.filter((event) -> NominationApi.read(event.data()).get("nominationId").asString().equals(nominationId))
			.toList();
		assertThat(granted).singleElement().satisfies((event) -> {
			assertThat(event.key()).isEqualTo(endorsementId);
			assertThat(event.headers()).containsEntry("ce_subject", endorsementId);
			JsonNode data = NominationApi.read(event.data());
			assertThat(data.get("endorsementId").asString()).isEqualTo(endorsementId);
			assertThat(data.get("reEndorsement").asBoolean()).isFalse();
			assertThat(data.get("nominatingChapterId").asString())
				.isEqualTo(created.get("nominatedBy").get("chapterId").asString());
			assertThat(event.data()).doesNotContain("@");
		});
	}

	@Test
	void anEndorsedCandidatesVictoryIsRecordedAndAnnouncedOnce() {
		JsonNode created = this.api.submit(NominationApi.nominationIn("KS"));
		String nominationId = created.get("id").asString();
		String endorsementId = this.api.decide(nominationId, "ENDORSE", HttpStatus.OK).get("endorsementId").asString();

		JsonNode recorded = this.api.recordOutcome(endorsementId, "WON", HttpStatus.OK);

		assertThat(recorded.get("id").asString()).isEqualTo(endorsementId);
		assertThat(recorded.get("outcome").asString()).isEqualTo("WON");
		assertThat(this.api.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId).get("outcome").asString())
			.isEqualTo("WON");
		awaitOutboxEmptied(nominationId);
		// A later event of the endorsement, on the same partition: every record of the
		// outcome published before it, a second one included, is read with it.
		this.api.post("/api/endorsements/{id}/announcement",
				Map.of("headline", "A victory", "message", "Thank you, volunteers."), HttpStatus.OK, endorsementId);
		List<EndorsementTopic.Event> outcomes = EndorsementTopic
			.readThrough(endorsementId, EndorsementTopic.ofType("VictoryAnnounced"))
			.stream()
			.filter((event) -> "org.groundgame.endorsement.ElectionOutcomeRecorded.v1".equals(event.type()))
			.filter((event) -> event.key().equals(endorsementId))
			.toList();
		assertThat(outcomes).singleElement().satisfies((event) -> {
			JsonNode data = NominationApi.read(event.data());
			assertThat(data.get("result").asString()).isEqualTo("WON");
			assertThat(data.get("nominationId").asString()).isEqualTo(nominationId);
			assertThat(data.get("race").get("state").asString()).isEqualTo("KS");
			assertThat(event.data()).doesNotContain("@");
		});

		JsonNode unknownResult = this.api.recordOutcome(endorsementId, "RECOUNT", HttpStatus.BAD_REQUEST);
		assertThat(unknownResult.get("errors").get(0).get("field").asString()).isEqualTo("result");
		this.api.recordOutcome(endorsementId, null, HttpStatus.BAD_REQUEST);
		this.api.recordOutcome("no-such-endorsement", "WON", HttpStatus.NOT_FOUND);
	}

	/**
	 * Commands race the relay on the same nomination: each is sent as soon as the one
	 * before is answered, while the relay publishes (and removes from the outbox) the
	 * events of the ones before. A write that put a published event back would have it
	 * published twice; every record on the topic is counted, none de-duplicated, up to
	 * the nomination's last event (its decline), which follows all the others on its
	 * partition.
	 */
	@Test
	void eachEventIsPublishedExactlyOnceWhileCommandsRaceTheRelay() {
		int nominations = 12;
		int reissues = 3;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < nominations; i++) {
			String id = this.api.submit(NominationApi.nominationIn("NE")).get("id").asString();
			ids.add(id);
			this.api.review(id, "Dana Staff");
			for (int reissue = 0; reissue < reissues; reissue++) {
				this.api.post("/api/nominations/{id}/questionnaire", null, HttpStatus.OK, id);
				this.api.post("/api/nominations/{id}/hold", Map.of("reason", "Waiting"), HttpStatus.OK, id);
				this.api.post("/api/nominations/{id}/resume", null, HttpStatus.OK, id);
			}
			this.api.decide(id, "DECLINE", HttpStatus.OK);
		}

		List<EndorsementTopic.Event> records = List.of();
		for (String id : ids) {
			records = EndorsementTopic.readThrough(id, EndorsementTopic.ofType("EndorsementDeclined"));
		}
		for (String id : ids) {
			List<EndorsementTopic.Event> ofNomination = records.stream()
				.filter((event) -> id.equals(event.key()))
				.toList();
			assertThat(ofNomination).as("the records of nomination %s", id)
				.extracting((event) -> event.type().replace("org.groundgame.endorsement.", "").replace(".v1", ""))
				.containsExactly("NominationSubmitted", "QuestionnaireIssued", "NominationReviewStarted",
						"QuestionnaireIssued", "QuestionnaireIssued", "QuestionnaireIssued", "EndorsementDeclined");
			assertThat(ofNomination).extracting((event) -> event.headers().get("ce_id")).doesNotHaveDuplicates();
			awaitOutboxEmptied(id);
		}
	}

	@Test
	void declinedNominationHasNoEndorsementAndCannotBeDecidedAgain() {
		String nominationId = this.api.submit(NominationApi.nominationIn("IL")).get("id").asString();

		JsonNode declined = this.api.decide(nominationId, "DECLINE", HttpStatus.OK);
		JsonNode conflict = this.api.decide(nominationId, "ENDORSE", HttpStatus.CONFLICT);

		assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
		assertThat(declined.get("endorsementId").isNull()).isTrue();
		assertThat(declined.get("decisionReason").asString()).isEqualTo("Staff vote");
		assertThat(conflict.get("currentState").asString()).isEqualTo("DECLINED");
		assertThat(conflict.get("detail").asString()).contains("DECLINED");
		assertThat(this.repository.findById(nominationId).orElseThrow().getEndorsement()).isNull();
	}

	@Test
	void nominationUnderReviewCannotBeTakenUpAgain() {
		String nominationId = this.api.submit(NominationApi.nominationIn("IA")).get("id").asString();

		JsonNode underReview = this.api.review(nominationId, "Dana Staff");
		JsonNode stored = this.api.get("/api/nominations/{id}", HttpStatus.OK, nominationId);
		JsonNode secondReview = callReview(nominationId);

		assertThat(underReview.get("status").asString()).isEqualTo("UNDER_REVIEW");
		assertThat(underReview.get("reviewStartedAt").asString()).isNotBlank();
		assertThat(stored.get("reviewer").asString()).isEqualTo("Dana Staff");
		assertThat(secondReview.get("currentState").asString()).isEqualTo("UNDER_REVIEW");
	}

	JsonNode callReview(String nominationId) {
		byte[] body = this.api.authorized(this.client.post().uri("/api/nominations/{id}/review", nominationId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reviewer", "Someone Else"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return NominationApi.read(new String(body, StandardCharsets.UTF_8));
	}

	@Test
	void unknownNominationOrEndorsementIsNotFound() {
		assertThat(
				this.api.get("/api/nominations/{id}", HttpStatus.NOT_FOUND, "no-such-nomination").get("status").asInt())
			.isEqualTo(404);
		assertThat(this.api.get("/api/endorsements/{id}", HttpStatus.NOT_FOUND, "no-such-endorsement")
			.get("status")
			.asInt()).isEqualTo(404);
		this.api.decide("no-such-nomination", "ENDORSE", HttpStatus.NOT_FOUND);
	}

	@Test
	void candidateEndorsedForTheSameOfficeInAnEarlierCycleIsReEndorsed() {
		Map<String, Object> nomination = NominationApi.nominationIn("NE");
		@SuppressWarnings("unchecked")
		Map<String, Object> candidate = (Map<String, Object>) nomination.get("candidate");
		int cycle = NominationApi.nextElection().getYear();
		this.store.insert(NominationDocument.of(endorsedEarlier((String) candidate.get("name"),
				((String) candidate.get("email")).toUpperCase(), LocalDate.of(cycle - 2, 11, 8))));
		String nominationId = this.api.submit(nomination).get("id").asString();

		String endorsementId = this.api.decide(nominationId, "ENDORSE", HttpStatus.OK).get("endorsementId").asString();

		assertThat(
				this.api.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId).get("reEndorsement").asBoolean())
			.isTrue();
	}

	static Nomination endorsedEarlier(String name, String email, LocalDate electionDate) {
		Instant then = electionDate.minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
		return Nomination.restore(UUID.randomUUID().toString(), NominationStatus.ENDORSED,
				new Candidate(name, email, null),
				new Race("state representative", RaceLevel.STATE, UsState.NE, "12", null, electionDate), null, null,
				then, null, new StaffDecision(Decision.ENDORSE, null, then),
				new Endorsement(UUID.randomUUID().toString(), EndorsementStatus.ACTIVE, false, then,
						List.of(new StageOutcome(RaceStage.GENERAL, ElectionOutcome.WON, then)), null, null));
	}

	@Test
	void nominationsAreListedNewestFirstAndFilteredByStatusAndState() {
		this.mongo.remove(new Query(Criteria.where("race.state").is("VI")), NominationDocument.class);
		Instant now = Instant.now();
		String first = seedSubmittedIn(UsState.VI, now.minus(Duration.ofHours(3)));
		String second = seedSubmittedIn(UsState.VI, now.minus(Duration.ofHours(2)));
		String third = seedSubmittedIn(UsState.VI, now.minus(Duration.ofHours(1)));
		this.api.decide(second, "DECLINE", HttpStatus.OK);

		JsonNode all = this.api.get("/api/nominations?state=VI&size=2", HttpStatus.OK);
		JsonNode secondPage = this.api.get("/api/nominations?state=vi&size=2&page=1", HttpStatus.OK);
		JsonNode submitted = this.api.get("/api/nominations?state=VI&status=SUBMITTED", HttpStatus.OK);

		assertThat(ids(all)).containsExactly(third, second);
		assertThat(ids(secondPage)).containsExactly(first);
		assertThat(all.get("page").get("number").asInt()).isZero();
		assertThat(all.get("page").get("size").asInt()).isEqualTo(2);
		assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(3);
		assertThat(all.get("page").get("totalPages").asInt()).isEqualTo(2);
		assertThat(ids(submitted)).containsExactly(third, first);
	}

	@Test
	void nominationsAreFilteredByCycleAndLevelAndCountedPerStatusAsTheCallerMayListThem() {
		this.mongo.remove(new Query(Criteria.where("race.state").is("GU")), NominationDocument.class);
		LocalDate thisCycle = NominationApi.nextElection();
		LocalDate nextCycle = thisCycle.plusYears(2);
		String chapterId = "chapter-" + UUID.randomUUID();
		String stateNow = seed(UsState.GU, RaceLevel.STATE, thisCycle, null);
		String localNow = seed(UsState.GU, RaceLevel.LOCAL, thisCycle, chapterId);
		String localLater = seed(UsState.GU, RaceLevel.LOCAL, nextCycle, chapterId);
		String declined = seed(UsState.GU, RaceLevel.LOCAL, thisCycle, null);
		this.api.decide(declined, "DECLINE", HttpStatus.OK);

		JsonNode local = this.api.get("/api/nominations?state=GU&level=LOCAL", HttpStatus.OK);
		JsonNode localThisCycle = this.api.get("/api/nominations?state=GU&level=LOCAL&cycle={cycle}&status=SUBMITTED",
				HttpStatus.OK, thisCycle.getYear());
		JsonNode laterCycle = this.api.get("/api/nominations?state=GU&cycle={cycle}", HttpStatus.OK,
				nextCycle.getYear());
		JsonNode counts = this.api.get("/api/nominations/counts?state=GU&cycle={cycle}", HttpStatus.OK,
				thisCycle.getYear());
		JsonNode chapterCounts = this.api.as(TestTokens.chapter(chapterId))
			.get("/api/nominations/counts?state=GU", HttpStatus.OK);

		assertThat(ids(local)).containsExactlyInAnyOrder(localNow, localLater, declined);
		assertThat(ids(localThisCycle)).containsExactly(localNow);
		assertThat(ids(laterCycle)).containsExactly(localLater);
		assertThat(ids(this.api.get("/api/nominations?state=GU&level=STATE", HttpStatus.OK))).containsExactly(stateNow);
		// Every status is named, zero included; the later cycle's is not counted.
		assertThat(counts.propertyNames()).containsExactly("SUBMITTED", "UNDER_REVIEW", "ON_HOLD", "ENDORSED",
				"DECLINED", "WITHDRAWN", "EXPIRED");
		assertThat(counts.get("SUBMITTED").asLong()).isEqualTo(2);
		assertThat(counts.get("DECLINED").asLong()).isEqualTo(1);
		assertThat(counts.get("UNDER_REVIEW").asLong()).isZero();
		// A chapter counts only its own.
		assertThat(chapterCounts.get("SUBMITTED").asLong()).isEqualTo(2);
		assertThat(chapterCounts.get("DECLINED").asLong()).isZero();
		assertThat(this.api.get("/api/nominations/counts", HttpStatus.OK).get("SUBMITTED").asLong())
			.isGreaterThanOrEqualTo(2);
	}

	/**
	 * A nomination submitted now for a race of the test's choosing, by a chapter or none.
	 */
	String seed(UsState state, RaceLevel level, LocalDate electionDate, String chapterId) {
		Nomination nomination = Nomination.restore(UUID.randomUUID().toString(), NominationStatus.SUBMITTED,
				new Candidate("Candidate " + UUID.randomUUID(), null, null),
				new Race("Council", level, state, null, null, electionDate),
				(chapterId != null) ? new Nominator("Rowan Ellis", null, chapterId) : null, null, Instant.now(), null,
				null, null);
		this.store.insert(NominationDocument.of(nomination));
		return nomination.id();
	}

	/** A nomination submitted at a given time: the API only ever submits now. */
	String seedSubmittedIn(UsState state, Instant submittedAt) {
		Nomination nomination = Nomination.restore(UUID.randomUUID().toString(), NominationStatus.SUBMITTED,
				new Candidate("Candidate " + submittedAt, null, null),
				new Race("Senator", RaceLevel.STATE, state, null, null, NominationApi.nextElection()), null, null,
				submittedAt, null, null, null);
		this.store.insert(NominationDocument.of(nomination));
		return nomination.id();
	}

	static List<String> ids(JsonNode page) {
		return page.get("content").valueStream().map((nomination) -> nomination.get("id").asString()).toList();
	}

}
