package org.groundgame.training.ladder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.groundgame.training.VolunteerTopic;
import org.groundgame.training.pipeline.PipelineApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leadership ladder over the real broker and store: volunteer-service's and
 * endorsement-service's events published to the broker, graduates made over HTTP, the
 * ladder and a person's path read over HTTP. The context is shared, so each test works in
 * chapters of its own.
 */
@CampaignTrainingServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LadderIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private PipelineApi pipeline;

	private VolunteerTopic volunteers;

	@BeforeEach
	void connect() {
		this.pipeline = new PipelineApi(this.client, this.protection);
		this.volunteers = new VolunteerTopic();
	}

	@AfterEach
	void disconnect() {
		this.pipeline.close();
		this.volunteers.close();
	}

	@Test
	void aVolunteerWhoTrainedRanWasEndorsedAndWonClimbsEveryRungOfTheirChapter(CapturedOutput output) {
		String chapterId = "chapter-" + UUID.randomUUID();
		String volunteerId = "volunteer-" + UUID.randomUUID();
		String email = "climber-" + UUID.randomUUID() + "@example.org";
		this.volunteers.publish(signedUp(volunteerId, chapterId, email, Instant.now()));
		// Signed up, no hours yet: not on the ladder.
		VolunteerSignedUp other = signedUp("volunteer-" + UUID.randomUUID(), chapterId,
				"other-" + UUID.randomUUID() + "@example.org", Instant.now());
		this.volunteers.publish(other);
		await().atMost(PATIENCE).until(() -> applied(other.eventId()));
		assertThat(row(TestTokens.staff(), chapterId)).isNull();

		this.volunteers.publish(attendance(volunteerId, "signup-" + UUID.randomUUID(), true, 3, Instant.now()));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(chapterId)).containsExactly(1, 0, 0, 0, 0));

		String cohortId = this.pipeline.openCohortToday("CANDIDATE");
		String enrollmentId = this.pipeline.apply(cohortId, "Amara Okafor", email.toUpperCase(), "MO");
		assertThat(counts(chapterId)).containsExactly(1, 0, 0, 0, 0);
		this.pipeline.complete(cohortId, enrollmentId);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(chapterId)).containsExactly(1, 1, 0, 0, 0));

		String nominationId = "nomination-" + UUID.randomUUID();
		String endorsementId = "endorsement-" + UUID.randomUUID();
		this.pipeline.publish(new NominationSubmitted(id(), Instant.now(), nominationId, "Amara Okafor", race(),
				chapterId, null, null, EmailKeys.of(email)));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(chapterId)).containsExactly(1, 1, 1, 0, 0));
		this.pipeline.publish(new EndorsementGranted(id(), Instant.now(), endorsementId, nominationId, "Amara Okafor",
				race(), null, false, "candidate-" + UUID.randomUUID()));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(chapterId)).containsExactly(1, 1, 1, 1, 0));
		this.pipeline.publish(new ElectionOutcomeRecorded(id(), Instant.now(), endorsementId, nominationId,
				"Amara Okafor", race(), null, "WON"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(chapterId)).containsExactly(1, 1, 1, 1, 1));

		JsonNode path = path(" " + email.toUpperCase() + " ");
		assertThat(path.get("reached").properties())
			.allSatisfy((rung) -> assertThat(rung.getValue().asBoolean()).as(rung.getKey()).isTrue());
		assertThat(path.get("volunteering")).hasSize(1);
		assertThat(path.get("volunteering").get(0).get("volunteerId").asString()).isEqualTo(volunteerId);
		assertThat(path.get("volunteering").get(0).get("chapterId").asString()).isEqualTo(chapterId);
		assertThat(path.get("volunteering").get(0).get("hours").asDouble()).isEqualTo(3.0);
		assertThat(path.get("enrollments")).hasSize(1);
		assertThat(path.get("enrollments").get(0).get("cohortId").asString()).isEqualTo(cohortId);
		assertThat(path.get("enrollments").get(0).get("track").asString()).isEqualTo("CANDIDATE");
		assertThat(path.get("enrollments").get(0).get("status").asString()).isEqualTo("COMPLETED");
		JsonNode candidacy = path.get("candidacies").get(0);
		assertThat(candidacy.get("nominationId").asString()).isEqualTo(nominationId);
		assertThat(candidacy.get("linked").asBoolean()).isTrue();
		assertThat(candidacy.get("endorsed").asBoolean()).isTrue();
		assertThat(candidacy.get("outcome").asString()).isEqualTo("WON");
		assertThat(candidacy.get("race").get("office").asString()).isEqualTo("State Representative");
		assertThat(path.toString()).doesNotContain(email).doesNotContain(EmailKeys.of(email));

		// The chapter sees its own row, and only it; another chapter sees none of it.
		JsonNode own = ladder(TestTokens.chapter(chapterId));
		assertThat(own.get("content")).hasSize(1);
		assertThat(own.get("content").get(0).get("chapterId").asString()).isEqualTo(chapterId);
		assertThat(own.get("total").get("won").asLong()).isEqualTo(1);
		JsonNode another = ladder(TestTokens.chapter("chapter-" + UUID.randomUUID()));
		assertThat(another.get("content")).hasSize(1);
		assertThat(another.get("content").get(0).get("chapterId").asString()).isNotEqualTo(chapterId);
		assertThat(another.get("total").get("volunteered").asLong()).isZero();
		assertThat(
				get("/api/training/ladder?chapterId=" + chapterId, TestTokens.chapter("chapter-" + UUID.randomUUID())))
			.hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode asked = ladder(TestTokens.trainingStaff(), "?chapterId=" + chapterId);
		assertThat(asked.get("content")).singleElement()
			.satisfies((row) -> assertThat(row.get("chapterId").asString()).isEqualTo(chapterId));
		assertThat(output.getAll()).doesNotContain(email).doesNotContainIgnoringCase(EmailKeys.of(email));
		assertThat(this.mongo.findById(volunteerId, Document.class, LadderVolunteerStore.COLLECTION).toJson())
			.doesNotContain(email)
			.contains(EmailKeys.of(email));
	}

	@Test
	void theNewestAttendanceRecordCountsWhateverTheOrderAndRedeliveryChangesNothing() {
		String chapterId = "chapter-" + UUID.randomUUID();
		String volunteerId = "volunteer-" + UUID.randomUUID();
		String email = "hours-" + UUID.randomUUID() + "@example.org";
		String signupId = "signup-" + UUID.randomUUID();
		Instant recorded = Instant.now().minusSeconds(600);
		this.volunteers.publish(signedUp(volunteerId, chapterId, email, recorded));
		// The correction (a no-show after all) arrives before the record it corrects.
		this.volunteers.publish(attendance(volunteerId, signupId, false, 0, recorded.plusSeconds(60)));
		AttendanceRecorded first = attendance(volunteerId, signupId, true, 4, recorded);
		this.volunteers.publish(first);
		await().atMost(PATIENCE).until(() -> applied(first.eventId()));
		assertThat(row(TestTokens.staff(), chapterId)).isNull();
		assertThat(path(email).get("volunteering").get(0).get("hours").asDouble()).isZero();

		AttendanceRecorded corrected = attendance(volunteerId, signupId, true, 2.5, recorded.plusSeconds(120));
		AttendanceRecorded anotherShift = attendance(volunteerId, "signup-" + UUID.randomUUID(), true, 1,
				recorded.plusSeconds(130));
		this.volunteers.publish(corrected);
		this.volunteers.publish(anotherShift);
		// Delivered again, and a stale record under a new id: the hours stay.
		this.volunteers.publish(corrected);
		this.volunteers.publish(anotherShift);
		AttendanceRecorded stale = attendance(volunteerId, signupId, true, 8, recorded.plusSeconds(90));
		this.volunteers.publish(stale);
		await().atMost(PATIENCE).until(() -> applied(stale.eventId()));
		assertThat(counts(chapterId)).containsExactly(1, 0, 0, 0, 0);
		JsonNode volunteering = path(email).get("volunteering").get(0);
		assertThat(volunteering.get("hours").asDouble()).isEqualTo(3.5);
		assertThat(volunteering.get("shifts").asInt()).isEqualTo(2);

		// Moved to another chapter: counted there now, and no longer in the first.
		String movedTo = "chapter-" + UUID.randomUUID();
		VolunteerUpdated moved = new VolunteerUpdated(id(), Instant.now(), volunteerId, movedTo, chapterId, "Sam Hours",
				email, "MO", VolunteerSignedUp.Consent.NONE);
		this.volunteers.publish(moved);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(movedTo)).containsExactly(1, 0, 0, 0, 0));
		assertThat(row(TestTokens.staff(), chapterId)).isNull();
		// The old sign-up delivered again does not move them back.
		VolunteerSignedUp old = signedUp(volunteerId, chapterId, email, recorded);
		this.volunteers.publish(old);
		await().atMost(PATIENCE).until(() -> applied(old.eventId()));
		assertThat(counts(movedTo)).containsExactly(1, 0, 0, 0, 0);
	}

	@Test
	void anErasedVolunteerLeavesTheLadderForGood() {
		String chapterId = "chapter-" + UUID.randomUUID();
		String volunteerId = "volunteer-" + UUID.randomUUID();
		String email = "erased-" + UUID.randomUUID() + "@example.org";
		this.volunteers.publish(signedUp(volunteerId, chapterId, email, Instant.now()));
		this.volunteers.publish(attendance(volunteerId, "signup-" + UUID.randomUUID(), true, 2, Instant.now()));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(chapterId)).containsExactly(1, 0, 0, 0, 0));

		this.volunteers.publish(new VolunteerErased(id(), Instant.now(), volunteerId));
		await().atMost(PATIENCE).until(() -> row(TestTokens.staff(), chapterId) == null);
		// Late events of theirs bring nothing back.
		this.volunteers.publish(attendance(volunteerId, "signup-" + UUID.randomUUID(), true, 5, Instant.now()));
		VolunteerSignedUp late = signedUp(volunteerId, chapterId, email, Instant.now());
		this.volunteers.publish(late);
		await().atMost(PATIENCE).until(() -> applied(late.eventId()));

		assertThat(row(TestTokens.staff(), chapterId)).isNull();
		assertThat(path(email).get("volunteering")).isEmpty();
		Document kept = this.mongo.findById(volunteerId, Document.class, LadderVolunteerStore.COLLECTION);
		assertThat(kept.keySet()).containsExactlyInAnyOrder("_id", "erasedAt");
	}

	@Test
	void anAddressNobodyHoldsHasAnEmptyPathAndABadOneIsRefusedNamingTheField() {
		JsonNode path = path("nobody-" + UUID.randomUUID() + "@example.org");
		assertThat(path.get("volunteering")).isEmpty();
		assertThat(path.get("enrollments")).isEmpty();
		assertThat(path.get("candidacies")).isEmpty();
		assertThat(path.get("reached").properties())
			.allSatisfy((rung) -> assertThat(rung.getValue().asBoolean()).as(rung.getKey()).isFalse());

		for (String query : List.of("", "?email=", "?email=not-an-address", "?email=a@b")) {
			RestTestClientResponse response = get("/api/training/ladder/people" + query, TestTokens.trainingStaff());
			assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
		}
		assertThat(get("/api/training/ladder?size=101", TestTokens.staff())).hasStatus(400);
		assertThat(get("/api/training/ladder?page=-1", TestTokens.staff())).hasStatus(400);
	}

	@Test
	void theLadderIsPagedByChapterWithTheTotalOfEveryRow() {
		String first = "chapter-" + UUID.randomUUID();
		String second = "chapter-" + UUID.randomUUID();
		for (String chapterId : List.of(first, second)) {
			String volunteerId = "volunteer-" + UUID.randomUUID();
			this.volunteers.publish(
					signedUp(volunteerId, chapterId, "paged-" + UUID.randomUUID() + "@example.org", Instant.now()));
			this.volunteers.publish(attendance(volunteerId, "signup-" + UUID.randomUUID(), true, 1, Instant.now()));
		}
		await().atMost(PATIENCE)
			.until(() -> row(TestTokens.staff(), first) != null && row(TestTokens.staff(), second) != null);

		JsonNode all = ladder(TestTokens.staff(), "?size=100");
		long rows = all.get("page").get("totalElements").asLong();
		JsonNode page = ladder(TestTokens.staff(), "?size=1&page=1");
		assertThat(page.get("content")).hasSize(1);
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(rows);
		assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(rows);
		assertThat(page.get("total").get("volunteered").asLong())
			.isEqualTo(all.get("total").get("volunteered").asLong());
		assertThat(ladder(TestTokens.staff(), "?size=1&page=" + rows).get("content")).isEmpty();
	}

	private List<Integer> counts(String chapterId) {
		JsonNode row = row(TestTokens.staff(), chapterId);
		if (row == null) {
			return List.of();
		}
		JsonNode counts = row.get("counts");
		return List.of(counts.get("volunteered").asInt(), counts.get("trained").asInt(), counts.get("ran").asInt(),
				counts.get("endorsed").asInt(), counts.get("won").asInt());
	}

	/** A chapter's row as a caller sees it, or {@code null} while it has none. */
	private JsonNode row(String token, String chapterId) {
		for (JsonNode row : ladder(token, "?chapterId=" + chapterId).get("content")) {
			if (row.get("counts").get("volunteered").asLong() == 0) {
				return null;
			}
			if (chapterId.equals(row.path("chapterId").asString(null))) {
				return row;
			}
		}
		return null;
	}

	private JsonNode ladder(String token) {
		return ladder(token, "");
	}

	private JsonNode ladder(String token, String query) {
		RestTestClientResponse response = get("/api/training/ladder" + query, token);
		assertThat(response).hasStatus(200);
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

	/** A person's path as staff see it, the address sent as it is (encoded). */
	private JsonNode path(String email) {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.get()
			.uri("/api/training/ladder/people?email={email}", email)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.exchange());
		assertThat(response).hasStatus(200);
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

	private RestTestClientResponse get(String uri, String token) {
		RequestHeadersSpec<?> request = this.client.get().uri(uri);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	private boolean applied(String eventId) {
		Document record = this.mongo.findById(LadderEvents.CONSUMER + "/" + eventId, Document.class,
				"processed_events");
		return record != null && Boolean.TRUE.equals(record.getBoolean("completed"));
	}

	private static VolunteerSignedUp signedUp(String volunteerId, String chapterId, String email, Instant at) {
		return new VolunteerSignedUp(id(), at, volunteerId, chapterId, "Sam Volunteer", email, "MO",
				VolunteerSignedUp.Consent.NONE, true);
	}

	private static AttendanceRecorded attendance(String volunteerId, String signupId, boolean attended, double hours,
			Instant at) {
		return new AttendanceRecorded(id(), at, "shift-" + UUID.randomUUID(), signupId, volunteerId, null, attended,
				hours, null);
	}

	private static RaceSummary race() {
		return new RaceSummary("State Representative", "STATE", "MO", "District 78", null,
				LocalDate.now(ZoneOffset.UTC).plusMonths(6));
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
