package org.groundgame.training.cohort;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.groundgame.training.VolunteerTopic;
import org.groundgame.support.chapter.RegisteredChapters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attendance, completion, the roster as a chapter sees it, and erasure, over HTTP against
 * the real store and broker.
 */
@CampaignTrainingServiceIntegrationTest
class CohortCompletionIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private RegisteredChapters chapters;

	private TrainingApi api;

	private TopicEvents events;

	@BeforeEach
	void setUp() {
		this.api = new TrainingApi(this.client);
		this.events = TrainingApi.events(this.protection);
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void thosePresentAtEverySessionGraduateAndTheOthersDoNot() {
		String cohortId = openOneDayCohort(2);
		String present = applied(cohortId, "present");
		String absent = applied(cohortId, "absent");
		String waiting = applied(cohortId, "waiting");

		JsonNode attendance = this.api.body(TrainingApi
			.expect(this.api.call(HttpMethod.PUT, "/api/training/cohorts/" + cohortId + "/sessions/1/attendance",
					TestTokens.staff(), Map.of("present", List.of(present))), 200));
		JsonNode completion = this.api.body(TrainingApi.expect(this.api.call(HttpMethod.POST,
				"/api/training/cohorts/" + cohortId + "/completion", TestTokens.staff(), Map.of()), 200));

		assertThat(attendance.get("present").values()).extracting(JsonNode::asString).containsExactly(present);
		assertThat(attendance.get("absent").values()).extracting(JsonNode::asString).containsExactly(absent);
		assertThat(completion.get("completed").values()).extracting(JsonNode::asString).containsExactly(present);
		assertThat(completion.get("didNotComplete").values()).extracting(JsonNode::asString).containsExactly(absent);
		assertThat(this.api.enrollment(present).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(this.api.enrollment(present).get("attended").values()).extracting(JsonNode::asInt)
			.containsExactly(1);
		assertThat(this.api.enrollment(absent).get("status").asString()).isEqualTo("DID_NOT_COMPLETE");
		assertThat(this.api.enrollment(waiting).get("status").asString()).isEqualTo("WAITLISTED");
		List<TopicEvents.Event> graduated = this.events.awaitEvents(cohortId, "TraineeGraduated", 1);
		assertThat(graduated).singleElement()
			.satisfies((event) -> assertThat(event.data().get("enrollmentId").asString()).isEqualTo(present));
	}

	@Test
	void aCohortIsCompletedOnceAndItsRosterIsThenFinal() {
		String cohortId = openOneDayCohort(1);
		String trainee = applied(cohortId, "once");
		String completion = "/api/training/cohorts/" + cohortId + "/completion";
		TrainingApi.expect(
				this.api.call(HttpMethod.POST, completion, TestTokens.staff(), Map.of("graduates", List.of(trainee))),
				200);

		JsonNode again = this.api.body(TrainingApi.expect(
				this.api.call(HttpMethod.POST, completion, TestTokens.staff(), Map.of("graduates", List.of(trainee))),
				409));
		TrainingApi.expect(this.api.call(HttpMethod.PUT, "/api/training/cohorts/" + cohortId + "/capacity",
				TestTokens.staff(), Map.of("capacity", 3)), 409);

		assertThat(again.get("currentState").asString()).isEqualTo("COMPLETED");
		assertThat(this.api.enrollment(trainee).get("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void attendanceAndCompletionNameWhatIsWrong() {
		String cohortId = openOneDayCohort(1);
		String seated = applied(cohortId, "seated");
		String waiting = applied(cohortId, "in-line");

		JsonNode badAttendance = this.api.body(TrainingApi
			.expect(this.api.call(HttpMethod.PUT, "/api/training/cohorts/" + cohortId + "/sessions/1/attendance",
					TestTokens.staff(), Map.of("present", List.of(seated, waiting))), 400));
		JsonNode noSuchSession = this.api.body(TrainingApi
			.expect(this.api.call(HttpMethod.PUT, "/api/training/cohorts/" + cohortId + "/sessions/2/attendance",
					TestTokens.staff(), Map.of("present", List.of())), 400));
		JsonNode badGraduates = this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/completion",
					TestTokens.staff(), Map.of("graduates", List.of("nobody"))), 400));
		JsonNode notTaken = this.api.body(TrainingApi.expect(this.api.call(HttpMethod.POST,
				"/api/training/cohorts/" + cohortId + "/completion", TestTokens.staff(), Map.of()), 409));

		assertThat(fields(badAttendance)).containsExactly("present[1]");
		assertThat(fields(noSuchSession)).containsExactly("session");
		assertThat(fields(badGraduates)).containsExactly("graduates[0]");
		assertThat(notTaken.get("currentState").asString()).isEqualTo("ATTENDANCE_MISSING");
		assertThat(this.api.enrollment(seated).get("status").asString()).isEqualTo("ENROLLED");
	}

	@Test
	void aCohortWhoseSessionsAreAheadIsNotCompletedYet() {
		String cohortId = this.api.openCohort(1).get("id").asString();
		String trainee = applied(cohortId, "early");

		JsonNode early = this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/completion",
					TestTokens.staff(), Map.of("graduates", List.of(trainee))), 409));

		assertThat(early.get("currentState").asString()).isEqualTo("NOT_YET_HELD");
	}

	@Test
	void onlyStaffTakeAttendanceAndCompleteACohort() {
		String cohortId = openOneDayCohort(1);
		String attendance = "/api/training/cohorts/" + cohortId + "/sessions/1/attendance";
		String completion = "/api/training/cohorts/" + cohortId + "/completion";

		TrainingApi.expect(this.api.call(HttpMethod.PUT, attendance, null, Map.of("present", List.of())), 401);
		TrainingApi.expect(this.api.call(HttpMethod.PUT, attendance, TestTokens.chapter("chapter-x"),
				Map.of("present", List.of())), 403);
		TrainingApi.expect(this.api.call(HttpMethod.POST, completion, null, Map.of()), 401);
		TrainingApi.expect(this.api.call(HttpMethod.POST, completion, TestTokens.chapter("chapter-x"), Map.of()), 403);
	}

	@Test
	void aChapterSeesOnlyItsOwnTraineesOnTheRosterWithoutTheirAddressOrAnswers() {
		String cohortId = openOneDayCohort(5);
		String chapter = registeredChapter();
		String ours = applied(cohortId, "ours", chapter);
		applied(cohortId, "theirs", registeredChapter());
		String roster = "/api/training/cohorts/" + cohortId + "/enrollments";

		JsonNode asChapter = this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.GET, roster, TestTokens.chapter(chapter), null), 200));
		JsonNode asStaff = this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.GET, roster, TestTokens.staff(), null), 200));
		JsonNode asTrainingStaff = this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.GET, roster, TestTokens.trainingStaff(), null), 200));
		TrainingApi.expect(this.api.call(HttpMethod.GET, roster, null, null), 401);

		assertThat(asChapter.values()).singleElement().satisfies((trainee) -> {
			assertThat(trainee.get("id").asString()).isEqualTo(ours);
			assertThat(trainee.has("email")).isFalse();
			assertThat(trainee.has("answers")).isFalse();
		});
		assertThat(asStaff.values()).hasSize(2).allSatisfy((trainee) -> assertThat(trainee.has("email")).isTrue());
		assertThat(asTrainingStaff).isEqualTo(asStaff);
	}

	@Test
	void theSchoolsTrainingStaffRunACohortFromOpeningToCompletion() {
		String staff = TestTokens.trainingStaff();
		String cohortId = openOneDayCohort(1, staff);
		String seated = applied(cohortId, "seated");
		String waiting = applied(cohortId, "in-line");
		String cohort = "/api/training/cohorts/" + cohortId;

		JsonNode bigger = this.api.body(TrainingApi
			.expect(this.api.call(HttpMethod.PUT, cohort + "/capacity", staff, Map.of("capacity", 2)), 200));
		JsonNode offered = this.api.body(TrainingApi.expect(this.api.call(HttpMethod.POST,
				"/api/training/enrollments/" + waiting + "/enroll", staff, Map.of("reason", "Runs in May")), 200));
		TrainingApi.expect(this.api.call(HttpMethod.PUT, cohort + "/sessions/1/attendance", staff,
				Map.of("present", List.of(seated))), 200);
		JsonNode completion = this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.POST, cohort + "/completion", staff, Map.of()), 200));

		assertThat(bigger.get("capacity").asInt()).isEqualTo(2);
		assertThat(offered.get("status").asString()).isEqualTo("ENROLLED");
		assertThat(offered.get("overrideReason").asString()).isEqualTo("Runs in May");
		assertThat(completion.get("completed").values()).extracting(JsonNode::asString).containsExactly(seated);
		assertThat(completion.get("didNotComplete").values()).extracting(JsonNode::asString).containsExactly(waiting);
		assertThat(this.events.awaitEvents(cohortId, "TraineeGraduated", 1)).singleElement()
			.satisfies((event) -> assertThat(event.data().get("enrollmentId").asString()).isEqualTo(seated));
	}

	@Test
	void aTraineeErasesTheirDataWithTheirTokenAndTheirSeatGoesToTheFirstInLine() {
		String cohortId = openOneDayCohort(1);
		JsonNode seated = this.api.applied(this.events, cohortId, unique("erase-me"));
		String seatedId = seated.get("id").asString();
		String waiting = applied(cohortId, "next");
		String manageToken = seated.get("manageToken").asString();

		TrainingApi.expect(this.api.call(HttpMethod.DELETE, "/api/training/enrollments/" + seatedId, null, null,
				"not-" + manageToken), 404);
		TrainingApi.expect(
				this.api.call(HttpMethod.DELETE, "/api/training/enrollments/" + seatedId, null, null, manageToken),
				204);

		JsonNode erased = this.api.enrollment(seatedId);
		assertThat(erased.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(erased.has("erasedAt")).isTrue();
		assertThat(erased.has("name")).isFalse();
		assertThat(erased.has("email")).isFalse();
		assertThat(this.api.enrollment(waiting).get("status").asString()).isEqualTo("OFFERED");
		TrainingApi.expect(
				this.api.call(HttpMethod.GET, "/api/training/enrollments/" + seatedId, null, null, manageToken), 404);
		assertThat(this.events.awaitEvents(cohortId, "TraineeErased", 1)).singleElement()
			.satisfies((event) -> assertThat(event.data().get("enrollmentId").asString()).isEqualTo(seatedId));
	}

	@Test
	void theLineAndTheOpenOffersOfRunningCohortsAreGauged() {
		double waitingBefore = gauge(CohortMetrics.WAITLIST);
		double offersBefore = gauge(CohortMetrics.OPEN_OFFERS);
		String cohortId = openOneDayCohort(1);
		JsonNode seated = this.api.applied(this.events, cohortId, unique("gauged"));
		applied(cohortId, "gauged-second");
		applied(cohortId, "gauged-third");
		assertThat(gauge(CohortMetrics.WAITLIST) - waitingBefore).isEqualTo(2);

		TrainingApi.expect(this.api.call(HttpMethod.POST,
				"/api/training/enrollments/" + seated.get("id").asString() + "/withdraw", TestTokens.staff(), null),
				200);
		assertThat(gauge(CohortMetrics.WAITLIST) - waitingBefore).isEqualTo(1);
		assertThat(gauge(CohortMetrics.OPEN_OFFERS) - offersBefore).isEqualTo(1);

		TrainingApi.expect(this.api.call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/completion",
				TestTokens.staff(), Map.of("graduates", List.of())), 200);
		assertThat(gauge(CohortMetrics.WAITLIST) - waitingBefore).isZero();
		assertThat(gauge(CohortMetrics.OPEN_OFFERS) - offersBefore).isZero();
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	/** A cohort whose only session is today, taking applications until today. */
	private String openOneDayCohort(int capacity) {
		return openOneDayCohort(capacity, TestTokens.staff());
	}

	/** The same, opened by the holder of this token. */
	private String openOneDayCohort(int capacity, String token) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Object> body = TrainingApi.cohort(capacity);
		body.put("sessions", List.of(today.toString()));
		body.put("applicationDeadline", today.toString());
		return this.api
			.body(TrainingApi.expect(this.api.call(HttpMethod.POST, "/api/training/cohorts", token, body), 201))
			.get("id")
			.asString();
	}

	/** A chapter volunteer-service announced, once the school has heard of it. */
	private String registeredChapter() {
		try (VolunteerTopic volunteers = new VolunteerTopic()) {
			String chapterId = volunteers.registerChapter("MO");
			await().atMost(Duration.ofSeconds(30)).until(() -> this.chapters.isRegistered(chapterId));
			return chapterId;
		}
	}

	private String applied(String cohortId, String who) {
		return applied(cohortId, who, null);
	}

	private String applied(String cohortId, String who, String chapterId) {
		Map<String, Object> body = TrainingApi.application(unique(who));
		if (chapterId != null) {
			body.put("chapterId", chapterId);
		}
		return this.api.applied(this.events, cohortId, body).get("id").asString();
	}

	private static String unique(String who) {
		return who + "-" + UUID.randomUUID() + "@example.org";
	}

	private static List<String> fields(JsonNode problem) {
		return problem.get("errors").values().stream().map((error) -> error.get("field").asString()).toList();
	}

}
