package org.groundgame.web.console.school;

import java.util.List;

import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.web.console.SignedInTokens;
import org.groundgame.web.console.StubApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The school's console pages against a stand-in for campaign-training-service (an HTTP
 * server answering as its API does, recording what it is asked): what each page shows of
 * the answers, what each form sends, with the person's own token, and what a refusal
 * looks like. The whole journey, with the real services, is in end-to-end-tests.
 */
@SpringBootTest(properties = { "groundgame.web.console.client-secret=console-secret-of-the-tests",
		"groundgame.web.console.issuer=https://organizers.example.org" })
@AutoConfigureMockMvc
@Import({ InfrastructureTestConfiguration.class, SignedInTokens.class })
class SchoolConsolePagesTests {

	private static final StubApi training = StubApi.start();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@DynamicPropertySource
	static void trainingIsTheStandIn(DynamicPropertyRegistry registry) {
		registry.add("groundgame.web.services.campaign-training", training::uri);
	}

	@AfterAll
	static void stop() {
		training.close();
	}

	@BeforeEach
	void answers() {
		training.reset();
		training.json("GET /api/training/cohorts", 200, """
				{"content":[%s],"page":{"number":0,"size":20,"totalElements":1,"totalPages":1}}""".formatted(COHORT));
		training.json("GET /api/training/cohorts/c-1", 200, COHORT);
		training.json("GET /api/training/cohorts/c-1/enrollments", 200, ROSTER);
		training.json("GET /api/training/pipeline", 200, PIPELINE);
		training.json("GET /api/training/pipeline/graduates", 200, GRADUATES);
	}

	@Test
	void theSchoolsStaffSeeTheCohortsWithTheirSeatsAndLineAsTheirOwnTokenReadsThem() throws Exception {
		String page = page(get("/console/cohorts").with(trainingStaff()));

		assertThat(page).contains("Spring Candidate School")
			.contains("3 of 20 left")
			.contains("href=\"/console/cohorts/c-1\"")
			.contains("href=\"/console/pipeline\"");
		assertThat(training.requestLines()).singleElement()
			.satisfies((request) -> assertThat(request)
				.startsWith("GET /api/training/cohorts?page=0&size=20 Bearer token-of-tess@example.org"));
	}

	@Test
	void aCohortsPageShowsWhoHoldsASeatTheOpenOffersWithTheirDeadlineAndTheLineInOrder() throws Exception {
		String page = page(get("/console/cohorts/c-1").with(trainingStaff()));

		assertThat(page).containsSubsequence("Holding a seat or offered one (2)", "Ada First", "Enrolled", "Bea Second",
				"Seat offered", "until ", "The line, in order (2)", "1", "Cy Third", "2", "Dee Fourth",
				"No longer in the running, or finished (1)", "Eve Fifth", "Withdrew");
		assertThat(page).contains("Take attendance, session 1").contains("Take attendance, session 2");
		// An online cohort's place is not said twice.
		assertThat(page).doesNotContain("> · Online<");
		// Nobody's address is on the roster's page: it is on their application's.
		assertThat(page).doesNotContain("ada@example.org");
	}

	@Test
	void changingTheCapacitySendsItAndComesBackToTheCohortSayingSo() throws Exception {
		training.json("PUT /api/training/cohorts/c-1/capacity", 200, COHORT);

		MvcResult result = this.mvc
			.perform(post("/console/cohorts/c-1/capacity").param("capacity", "22").with(trainingStaff()).with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/cohorts/c-1?changed=capacity");
		assertThat(training.bodies()).containsEntry("PUT /api/training/cohorts/c-1/capacity", "{\"capacity\":22}");
		assertThat(page(get("/console/cohorts/c-1?changed=capacity").with(trainingStaff())))
			.contains("The capacity is changed.");
	}

	@Test
	void aCapacityTheApiRefusesIsShownNextToTheField() throws Exception {
		training.json("PUT /api/training/cohorts/c-1/capacity", 400, """
				{"title":"Invalid input","status":400,"detail":"Invalid input",
				 "errors":[{"field":"capacity","message":"must be at least 1"}]}""");

		String page = page(
				post("/console/cohorts/c-1/capacity").param("capacity", "0").with(trainingStaff()).with(csrf()));

		assertThat(page).contains("must be at least 1").contains("aria-invalid=\"true\"");
	}

	@Test
	void attendanceIsSentAsTheTraineesTickedAndTheOthersAreAbsent() throws Exception {
		training.json("PUT /api/training/cohorts/c-1/sessions/1/attendance", 200, "{}");

		String form = page(get("/console/cohorts/c-1/sessions/1").with(trainingStaff()));
		assertThat(form).contains("Attendance, session 1").contains("Ada First").doesNotContain("Bea Second");

		MvcResult result = this.mvc
			.perform(post("/console/cohorts/c-1/sessions/1").param("present", "e-1").with(trainingStaff()).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/cohorts/c-1?changed=attendance");
		assertThat(training.bodies()).containsEntry("PUT /api/training/cohorts/c-1/sessions/1/attendance",
				"{\"present\":[\"e-1\"]}");
	}

	@Test
	void aCompletionRefusedForMissingAttendanceSaysWhatIsMissing() throws Exception {
		training.json("POST /api/training/cohorts/c-1/completion", 409, """
				{"title":"Illegal state change","status":409,
				 "detail":"Attendance is not recorded for session(s) [2]; record it, or list the graduates"}""");

		String page = page(post("/console/cohorts/c-1/completion").with(trainingStaff()).with(csrf()));

		assertThat(page).contains("Attendance is not recorded for session(s) [2]");
	}

	@Test
	void theStaffOverrideNeedsAReasonAndSendsIt() throws Exception {
		String missing = page(post("/console/cohorts/c-1/trainees/e-3/enroll").param("reason", " ")
			.with(trainingStaff())
			.with(csrf()));
		assertThat(missing).contains("Please give the reason.");
		assertThat(training.requestLines()).noneMatch((request) -> request.startsWith("POST"));

		training.json("POST /api/training/enrollments/e-3/enroll", 200, "{}");
		MvcResult result = this.mvc
			.perform(post("/console/cohorts/c-1/trainees/e-3/enroll").param("reason", "Returning trainee")
				.with(trainingStaff())
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/cohorts/c-1?changed=enrolled");
		assertThat(training.bodies()).containsEntry("POST /api/training/enrollments/e-3/enroll",
				"{\"reason\":\"Returning trainee\"}");
	}

	@Test
	void anEnrollmentOfAnotherCohortIsNotFoundThroughThisOne() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/console/cohorts/c-1/trainees/e-of-another-cohort/enroll").param("reason", "Because")
				.with(trainingStaff())
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(training.requestLines()).noneMatch((request) -> request.startsWith("POST"));
	}

	@Test
	void openingACohortSendsTheLinesAsListsAndGoesToItsPage() throws Exception {
		training.json("POST /api/training/cohorts", 201, COHORT);

		MvcResult result = this.mvc
			.perform(post("/console/cohorts").param("name", "Spring Candidate School")
				.param("track", "CANDIDATE")
				.param("format", "ONLINE")
				.param("sessions", "2031-03-07\r\n\r\n 2031-03-14 ")
				.param("applicationDeadline", "2031-03-01")
				.param("capacity", "20")
				.param("offerHours", "48")
				.param("reflectionQuestions", "Why run?\nWho with?")
				.with(trainingStaff())
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/cohorts/c-1?changed=opened");
		assertThat(training.bodies().get("POST /api/training/cohorts"))
			.contains("\"sessions\":[\"2031-03-07\",\"2031-03-14\"]")
			.contains("\"capacity\":20")
			.contains("\"reflectionQuestions\":[\"Why run?\",\"Who with?\"]");
	}

	@Test
	void aSessionDayThatIsNoDateIsRefusedWithoutAsking() throws Exception {
		String page = page(post("/console/cohorts").param("name", "X")
			.param("sessions", "next Tuesday")
			.param("capacity", "20")
			.param("offerHours", "48")
			.with(trainingStaff())
			.with(csrf()));

		assertThat(page).contains("Write each day as year-month-day");
		assertThat(training.requestLines()).isEmpty();
	}

	@Test
	void thePipelineIsDrawnAsBarsAndTablesWhoseNumbersOpenThePeopleBehindThem() throws Exception {
		String page = page(get("/console/pipeline").with(trainingStaff()));

		assertThat(page).contains("<svg").contains("class=\"bar trained\"").contains("class=\"bar won\"");
		// Nothing drawn with an inline style (the Content-Security-Policy forbids it).
		assertThat(page).doesNotContain("style=");
		assertThat(page).contains("href=\"/console/pipeline/graduates?cohortId=c-1&amp;stage=ran\"")
			.contains("href=\"/console/pipeline/graduates?track=CANDIDATE&amp;stage=won\"");

		String ran = page(get("/console/pipeline/graduates?cohortId=c-1&stage=ran").with(trainingStaff()));
		assertThat(ran).contains("Graduates who ran for office").contains("Ada First").doesNotContain("Bea Second");
		assertThat(training.requestLines()).anyMatch((request) -> request
			.equals("GET /api/training/pipeline/graduates?cohortId=c-1 Bearer token-of-tess@example.org"));
	}

	@Test
	void aChapterOrganizerIsShownTheRefusalWithoutAnyCall() throws Exception {
		MvcResult result = this.mvc.perform(get("/console/cohorts/c-1")
			.with(as("CHAPTER").idToken((token) -> token.claim("roles", List.of("CHAPTER"))
				.claim("chapter_id", "chapter-1")
				.claim("name", "Cleo Chapter"))))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getContentAsString()).contains("Not yours to see");
		assertThat(training.requestLines()).isEmpty();
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private OidcLoginRequestPostProcessor trainingStaff() {
		return as("TRAINING_STAFF");
	}

	private OidcLoginRequestPostProcessor as(String role) {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("console"))
			.idToken((token) -> token.subject("tess@example.org").claim("roles", List.of(role)).claim("name", "Tess"));
	}

	private static final String COHORT = """
			{"id":"c-1","name":"Spring Candidate School","track":"CANDIDATE","startsOn":"2031-03-07",
			 "endsOn":"2031-03-14","sessions":["2031-03-07","2031-03-14"],"applicationDeadline":"2031-03-01",
			 "capacity":20,"format":"ONLINE","location":"Online","offerHours":48,
			 "reflectionQuestions":["Why do you want to run?"],"seatsLeft":3,"waitlistLength":2,"open":true,
			 "completed":false}""";

	private static final String ROSTER = """
			[{"id":"e-1","cohortId":"c-1","status":"ENROLLED","name":"Ada First","email":"ada@example.org",
			  "plansToRun":true,"answers":["To fix the buses"],"appliedAt":"2031-02-01T10:00:00Z","attended":[1]},
			 {"id":"e-2","cohortId":"c-1","status":"OFFERED","offerExpiresAt":"2031-02-05T10:00:00Z",
			  "name":"Bea Second","email":"bea@example.org","plansToRun":false,"appliedAt":"2031-02-01T11:00:00Z",
			  "attended":[]},
			 {"id":"e-5","cohortId":"c-1","status":"WITHDRAWN","name":"Eve Fifth","plansToRun":false,
			  "appliedAt":"2031-02-01T11:30:00Z","attended":[]},
			 {"id":"e-4","cohortId":"c-1","status":"WAITLISTED","waitlistPosition":2,"name":"Dee Fourth",
			  "plansToRun":false,"appliedAt":"2031-02-01T13:00:00Z","attended":[]},
			 {"id":"e-3","cohortId":"c-1","status":"WAITLISTED","waitlistPosition":1,"name":"Cy Third",
			  "plansToRun":false,"appliedAt":"2031-02-01T12:00:00Z","attended":[]}]""";

	private static final String PIPELINE = """
			{"trained":2,"ran":1,"endorsed":1,"won":0,
			 "cohorts":[{"cohortId":"c-1","name":"Spring Candidate School","track":"CANDIDATE",
			   "startsOn":"2031-03-07","trained":2,"ran":1,"endorsed":1,"won":0}],
			 "tracks":[{"track":"CANDIDATE","trained":2,"ran":1,"endorsed":1,"won":0}]}""";

	private static final String GRADUATES = """
			{"graduates":[
			 {"enrollmentId":"e-1","cohortId":"c-1","cohortName":"Spring Candidate School","track":"CANDIDATE",
			  "startsOn":"2031-03-07","name":"Ada First","ran":true,"endorsed":true,"won":false},
			 {"enrollmentId":"e-2","cohortId":"c-1","cohortName":"Spring Candidate School","track":"CANDIDATE",
			  "startsOn":"2031-03-07","name":"Bea Second","ran":false,"endorsed":false,"won":false}]}""";

}
