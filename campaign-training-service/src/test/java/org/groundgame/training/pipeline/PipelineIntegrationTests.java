package org.groundgame.training.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The candidate pipeline over the real broker and store: graduates made over HTTP,
 * endorsement-service's events published to the broker in either order, the report read
 * over HTTP and {@code GraduateRanForOffice} read back from the training topic. The
 * report is global and the context shared, so each test asserts on its own cohort's row.
 */
@CampaignTrainingServiceIntegrationTest
class PipelineIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private PipelineStore store;

	private PipelineApi api;

	@BeforeEach
	void connect() {
		this.api = new PipelineApi(this.client, this.protection);
	}

	@AfterEach
	void disconnect() {
		this.api.close();
	}

	@Test
	void aGraduateNominatedEndorsedAndElectedCountsInEveryColumnAndIsAnnouncedOnce() {
		String email = "graduate-" + UUID.randomUUID() + "@example.org";
		String cohortId = this.api.openCohortToday("CANDIDATE");
		String enrollmentId = this.api.apply(cohortId, "Amara Okafor", email, "MO");
		String other = this.api.apply(cohortId, "Someone Else", "else-" + UUID.randomUUID() + "@example.org", "MO");
		this.api.complete(cohortId, enrollmentId, other);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(2, 0, 0, 0));

		// The nominator spells the address differently and the name not at all alike.
		String nominationId = "nomination-" + UUID.randomUUID();
		String endorsementId = "endorsement-" + UUID.randomUUID();
		NominationSubmitted nominated = nomination(nominationId, "A. Okafor-Smith", "  " + email.toUpperCase() + " ",
				"KS");
		this.api.publish(nominated);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(2, 1, 0, 0));
		this.api.publish(new EndorsementGranted(id(), Instant.now(), endorsementId, nominationId, "A. Okafor-Smith",
				race("KS"), null, false, "candidate-1"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(2, 1, 1, 0));
		this.api.publish(new ElectionOutcomeRecorded(id(), Instant.now(), endorsementId, nominationId,
				"A. Okafor-Smith", race("KS"), null, "WON"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(2, 1, 1, 1));

		JsonNode report = this.api.pipeline();
		JsonNode row = this.api.cohortRow(cohortId);
		assertThat(row.get("track").asString()).isEqualTo("CANDIDATE");
		assertThat(row.get("name").asString()).startsWith("Pipeline Cohort ");
		assertThat(row.get("startsOn").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		JsonNode track = trackRow(report, "CANDIDATE");
		for (String column : List.of("trained", "ran", "endorsed", "won")) {
			assertThat(track.get(column).asLong()).isGreaterThanOrEqualTo(row.get(column).asLong());
			assertThat(report.get(column).asLong()).isGreaterThanOrEqualTo(row.get(column).asLong());
		}

		List<JsonNode> ran = awaitRan(cohortId, 1);
		assertThat(ran.get(0).get("enrollmentId").asString()).isEqualTo(enrollmentId);
		assertThat(ran.get(0).get("nominationId").asString()).isEqualTo(nominationId);
		assertThat(ran.get(0).get("race").get("state").asString()).isEqualTo("KS");
		assertThat(ran.get(0).get("cohort").get("cohortId").asString()).isEqualTo(cohortId);
		assertThat(ran.get(0).get("cohort").get("format").asString()).isEqualTo("ONLINE");
		assertThat(ran.get(0).toString()).doesNotContain(email).doesNotContain("Okafor");

		// The same event again, the nomination again under a new id, the graduation
		// again:
		// nothing new is linked or announced.
		this.api.publish(nominated);
		NominationSubmitted again = nomination(nominationId, "A. Okafor-Smith", email, "KS");
		this.api.publish(again);
		TraineeGraduated graduatedAgain = new TraineeGraduated(id(), Instant.now(), cohortId, enrollmentId, null,
				new CohortSummary(cohortId, "Pipeline Cohort", "CANDIDATE", LocalDate.now(ZoneOffset.UTC), "ONLINE",
						"Online"));
		this.api.publish(graduatedAgain);
		await().atMost(PATIENCE).until(() -> applied(again.eventId()) && applied(graduatedAgain.eventId()));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.api.trainingEvents(cohortId, "GraduateRanForOffice").size() == 1);
		assertThat(graduate(enrollmentId).getList("nominations", String.class)).containsExactly(nominationId);
		assertThat(counts(cohortId)).containsExactly(2, 1, 1, 1);
		// Announced once: every raw record up to a later link of the same graduate.
		String barrier = "nomination-" + UUID.randomUUID();
		this.api.publish(nomination(barrier, "A. Okafor-Smith", email, "KS"));
		assertThat(ranBefore(cohortId, barrier)).extracting((event) -> event.get("nominationId").asString())
			.containsExactly(nominationId);
	}

	@Test
	void aCandidacyKnownBeforeTheGraduationAndEndorsedBeforeItsNominationArrivedIsLinkedByNameAndState() {
		String nominationId = "nomination-" + UUID.randomUUID();
		String endorsementId = "endorsement-" + UUID.randomUUID();
		String name = "Dolores " + UUID.randomUUID().toString().substring(0, 8) + " Huerta";
		String cohortId = this.api.openCohortToday("ORGANIZER");
		String enrollmentId = this.api.apply(cohortId, name, "organizer-" + UUID.randomUUID() + "@example.org", "mo");

		// The endorsement's events overtake the nomination's (they travel on another
		// key); the nominator gave no address.
		this.api.publish(new ElectionOutcomeRecorded(id(), Instant.now(), endorsementId, nominationId, name, race("MO"),
				null, "WON"));
		this.api.publish(new EndorsementGranted(id(), Instant.now(), endorsementId, nominationId, name, race("MO"),
				null, false, "candidate-2"));
		NominationSubmitted nominated = new NominationSubmitted(id(), Instant.now(), nominationId,
				"  " + name.toUpperCase() + " ", race("MO"), null, "candidate-2", null, null);
		this.api.publish(nominated);
		await().atMost(PATIENCE).until(() -> applied(nominated.eventId()));

		this.api.complete(cohortId, enrollmentId);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 1, 1));
		List<JsonNode> ran = awaitRan(cohortId, 1);
		assertThat(ran.get(0).get("nominationId").asString()).isEqualTo(nominationId);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.api.trainingEvents(cohortId, "GraduateRanForOffice").size() == 1);
		// Announced once: every raw record up to a later link of the same graduate (a
		// chapter's nomination of the same name in the same state).
		String barrier = "nomination-" + UUID.randomUUID();
		this.api.publish(new NominationSubmitted(id(), Instant.now(), barrier, name, race("MO"), "nominating-chapter",
				null, null, null));
		assertThat(ranBefore(cohortId, barrier)).extracting((event) -> event.get("nominationId").asString())
			.containsExactly(nominationId);
	}

	@Test
	void theCountsFollowTheLastRecordedOutcomeAndARescindedEndorsement() {
		String email = "outcome-" + UUID.randomUUID() + "@example.org";
		String cohortId = this.api.openCohortToday("CANDIDATE");
		String enrollmentId = this.api.apply(cohortId, "Cori Bush", email, "MO");
		this.api.complete(cohortId, enrollmentId);
		String nominationId = "nomination-" + UUID.randomUUID();
		String endorsementId = "endorsement-" + UUID.randomUUID();
		this.api.publish(nomination(nominationId, "Cori Bush", email, "MO"));
		this.api.publish(new EndorsementGranted(id(), Instant.now(), endorsementId, nominationId, "Cori Bush",
				race("MO"), null, false, "candidate-3"));
		Instant primary = Instant.now();
		this.api.publish(outcome(endorsementId, nominationId, "ADVANCED", primary));
		this.api.publish(outcome(endorsementId, nominationId, "WON", primary.plusSeconds(60)));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 1, 1));

		// An outcome recorded before the current one, arriving late, does not replace it.
		ElectionOutcomeRecorded late = outcome(endorsementId, nominationId, "LOST", primary.plusSeconds(30));
		this.api.publish(late);
		await().atMost(PATIENCE).until(() -> applied(late.eventId()));
		assertThat(counts(cohortId)).containsExactly(1, 1, 1, 1);

		this.api.publish(outcome(endorsementId, nominationId, "LOST", primary.plusSeconds(90)));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 1, 0));
		this.api.publish(new EndorsementRescinded(id(), Instant.now(), endorsementId, nominationId, "Cori Bush",
				race("MO"), null, "Withdrew from the race", "candidate-3"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 0, 0));
	}

	/**
	 * The attack: nominate a graduate's address without a token (no chapter can be named
	 * then), to make them "run" and have their chapter told so. Nothing links until staff
	 * take the nomination up.
	 */
	@Test
	void aNominationAnyoneMadeWithAGraduatesAddressCountsOnlyOnceStaffTakeItUp() {
		String email = "graduate-" + UUID.randomUUID() + "@example.org";
		String cohortId = this.api.openCohortToday("ORGANIZER");
		String enrollmentId = this.api.apply(cohortId, "Gale Graduate", email, "MO");
		this.api.complete(cohortId, enrollmentId);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 0, 0, 0));
		String nominationId = "nomination-" + UUID.randomUUID();
		NominationSubmitted byAnyone = new NominationSubmitted(id(), Instant.now(), nominationId, "Gale Graduate",
				race("MO"), null, "candidate-anyone", null, EmailKeys.of(email));

		this.api.publish(byAnyone);
		await().atMost(PATIENCE).until(() -> applied(byAnyone.eventId()));

		assertThat(counts(cohortId)).containsExactly(1, 0, 0, 0);
		assertThat(graduate(enrollmentId).getList("nominations", String.class)).isEmpty();
		assertThat(this.api.trainingEvents(cohortId, "GraduateRanForOffice")).isEmpty();

		this.api
			.publish(new NominationReviewStarted(id(), Instant.now(), nominationId, "Gale Graduate", race("MO"), null));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 0, 0));
		assertThat(awaitRan(cohortId, 1).get(0).get("nominationId").asString()).isEqualTo(nominationId);
	}

	@Test
	void anErasedGraduateKeepsTheirCountsButNoLongerMatchesAnyone() {
		String email = "erased-" + UUID.randomUUID() + "@example.org";
		String name = "Erin " + UUID.randomUUID().toString().substring(0, 8) + " Brockovich";
		String cohortId = this.api.openCohortToday("CAMPAIGN_MANAGER");
		String enrollmentId = this.api.apply(cohortId, name, email, "IL");
		this.api.complete(cohortId, enrollmentId);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 0, 0, 0));
		this.api.publish(nomination("nomination-" + UUID.randomUUID(), name, email, "IL"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 0, 0));
		assertThat(graduate(enrollmentId).getString("emailKey")).isEqualTo(EmailKeys.of(email));

		this.api.erase(enrollmentId);

		await().atMost(PATIENCE).untilAsserted(() -> {
			Document erased = graduate(enrollmentId);
			assertThat(erased.get("emailKey")).isNull();
			assertThat(erased.get("nameKey")).isNull();
		});
		NominationSubmitted later = nomination("nomination-" + UUID.randomUUID(), name, email, "IL");
		this.api.publish(later);
		await().atMost(PATIENCE).until(() -> applied(later.eventId()));
		assertThat(graduate(enrollmentId).getList("nominations", String.class)).hasSize(1);
		assertThat(counts(cohortId)).containsExactly(1, 1, 0, 0);
	}

	@Test
	void aGraduationAndANominationLinkingTheSamePairAtOnceMakeOneLinkAndOneEvent() throws Exception {
		String cohortId = "cohort-" + UUID.randomUUID();
		String enrollmentId = "enrollment-" + UUID.randomUUID();
		String nominationId = "nomination-" + UUID.randomUUID();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(this.store.insert(new GraduateDocument(enrollmentId, cohortId, "Concurrent Cohort", "CANDIDATE",
				today, "ONLINE", "Online", null, null, "concurrent graduate", "MO", List.of(), null, List.of(), null)))
			.isTrue();
		int threads = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> links = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				links.add(executor.submit(() -> {
					start.await();
					return this.store.link(enrollmentId, nominationId, new GraduateRanForOffice(id(), Instant.now(),
							cohortId, enrollmentId, null, nominationId, race("MO"),
							new CohortSummary(cohortId, "Concurrent Cohort", "CANDIDATE", today, "ONLINE", "Online")));
				}));
			}
			start.countDown();
			int made = 0;
			for (Future<Boolean> link : links) {
				made += link.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(made).isEqualTo(1);
		}
		assertThat(graduate(enrollmentId).getList("nominations", String.class)).containsExactly(nominationId);
		awaitRan(cohortId, 1);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.api.trainingEvents(cohortId, "GraduateRanForOffice").size() == 1);
		// One event: every raw record up to a later link of the same graduate, written to
		// the same document after it.
		String barrier = "nomination-" + UUID.randomUUID();
		assertThat(this.store.link(enrollmentId, barrier,
				new GraduateRanForOffice(id(), Instant.now(), cohortId, enrollmentId, null, barrier, race("MO"),
						new CohortSummary(cohortId, "Concurrent Cohort", "CANDIDATE", today, "ONLINE", "Online"))))
			.isTrue();
		assertThat(ranBefore(cohortId, barrier)).extracting((event) -> event.get("nominationId").asString())
			.containsExactly(nominationId);
	}

	@Test
	void onlyTheSchoolsStaffSeeThePipeline() {
		assertThat(this.api.pipeline(null)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.api.pipeline(TestTokens.chapter("mobilize-missouri"))).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.api.pipeline(TestTokens.token().build())).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		for (String staff : List.of(TestTokens.staff(), TestTokens.trainingStaff())) {
			assertThat(this.api.pipeline(staff)).hasStatus(200)
				.bodyJson()
				.extractingPath("$")
				.asMap()
				.containsOnlyKeys("trained", "ran", "endorsed", "won", "cohorts", "tracks");
		}
	}

	/** The cohort's trained, ran, endorsed and won; empty while it has no row. */
	private List<Integer> counts(String cohortId) {
		JsonNode row = this.api.cohortRow(cohortId);
		if (row == null) {
			return List.of();
		}
		return List.of(row.get("trained").asInt(), row.get("ran").asInt(), row.get("endorsed").asInt(),
				row.get("won").asInt());
	}

	private List<JsonNode> awaitRan(String cohortId, int count) {
		return await().atMost(PATIENCE)
			.until(() -> this.api.trainingEvents(cohortId, "GraduateRanForOffice"), (events) -> events.size() >= count);
	}

	/**
	 * Every raw {@code GraduateRanForOffice} of the cohort (none de-duplicated) before a
	 * barrier: the one announcing the link to the barrier's nomination, made after the
	 * others in the same graduate's document and so published after them on the same key.
	 * An event published twice would be counted twice.
	 */
	private List<JsonNode> ranBefore(String cohortId, String barrierNominationId) {
		List<JsonNode> ran = await().atMost(PATIENCE)
			.until(() -> this.api.trainingEvents(cohortId, "GraduateRanForOffice"), (events) -> events.stream()
				.anyMatch((event) -> barrierNominationId.equals(event.get("nominationId").asString())));
		List<String> nominations = ran.stream().map((event) -> event.get("nominationId").asString()).toList();
		return ran.subList(0, nominations.indexOf(barrierNominationId));
	}

	private static JsonNode trackRow(JsonNode report, String track) {
		for (JsonNode row : report.get("tracks")) {
			if (track.equals(row.get("track").asString())) {
				return row;
			}
		}
		throw new AssertionError("No row for track " + track);
	}

	/** Whether the pipeline has completed applying an event. */
	private boolean applied(String eventId) {
		Document record = this.mongo.findById(PipelineEvents.CONSUMER + "/" + eventId, Document.class,
				"processed_events");
		return record != null && Boolean.TRUE.equals(record.getBoolean("completed"));
	}

	private Document graduate(String enrollmentId) {
		return this.mongo.findById(enrollmentId, Document.class, GraduateDocument.COLLECTION);
	}

	/** A chapter's nomination (attribution needs its token, or staff's). */
	private static NominationSubmitted nomination(String nominationId, String name, String email, String state) {
		return new NominationSubmitted(id(), Instant.now(), nominationId, name, race(state), "nominating-chapter", null,
				null, EmailKeys.of(email));
	}

	private static ElectionOutcomeRecorded outcome(String endorsementId, String nominationId, String result,
			Instant recordedAt) {
		return new ElectionOutcomeRecorded(id(), recordedAt, endorsementId, nominationId, "Cori Bush", race("MO"), null,
				result);
	}

	private static RaceSummary race(String state) {
		return new RaceSummary("State Representative", "STATE", state, "District 78", null,
				LocalDate.now(ZoneOffset.UTC).plusMonths(6));
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
