package org.groundgame.web.console.shifts;

import java.nio.charset.StandardCharsets;
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
 * The console's opportunities, shifts and check-in pages against a stand-in for
 * volunteer-service (an HTTP server answering as its API does, recording what it is
 * asked): what the pages show, what each form sends with the person's own token, the
 * confirmation step that says who will be told, check-in with and without htmx, the CSV
 * roster with formulas neutralised, and the refusals. The whole journey, with the real
 * services, is {@code BrowserShiftsConsoleJourneyTests} in end-to-end-tests.
 */
@SpringBootTest(properties = { "groundgame.web.console.client-secret=console-secret-of-the-tests",
		"groundgame.web.console.issuer=https://organizers.example.org" })
@AutoConfigureMockMvc
@Import({ InfrastructureTestConfiguration.class, SignedInTokens.class })
class ShiftsConsolePagesTests {

	private static final StubApi volunteer = StubApi.start();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@DynamicPropertySource
	static void volunteerIsTheStandIn(DynamicPropertyRegistry registry) {
		registry.add("groundgame.web.services.volunteer", volunteer::uri);
	}

	@AfterAll
	static void stop() {
		volunteer.close();
	}

	@BeforeEach
	void answers() {
		volunteer.reset();
		volunteer.json("GET /api/opportunities", 200, """
				{"content":[%s],"page":{"number":0,"size":50,"totalElements":1,"totalPages":1}}""".formatted(TEAM));
		volunteer.json("GET /api/opportunities/o-1", 200, OPPORTUNITY);
		volunteer.json("GET /api/shifts/s-1", 200, SHIFT);
		volunteer.json("GET /api/shifts/s-1/signups", 200, ROSTER);
	}

	@Test
	void theChaptersOpportunitiesShowTheTeamOfAnEndorsedRaceFirstReadyToFill() throws Exception {
		String page = page(get("/console/opportunities").with(organizer()));

		assertThat(page).containsSubsequence("Volunteer teams for endorsed races", "Volunteers for Rivera",
				"Ready to fill with shifts");
		assertThat(page).contains("href=\"/console/opportunities\"");
		assertThat(volunteer.requestLines()).contains(
				"GET /api/opportunities?status=DRAFT&page=0&size=50&chapterId=chapter-1 Bearer token-of-orla@example.org",
				"GET /api/opportunities?status=OPEN&page=0&size=50&chapterId=chapter-1 Bearer token-of-orla@example.org");
	}

	@Test
	void cancellingAShiftSaysFirstWhoWillBeToldThenSendsTheReason() throws Exception {
		String confirm = page(get("/console/shifts/s-1/cancel").with(organizer()));
		assertThat(confirm)
			.contains("3 volunteers on the roster and waitlist will be e-mailed and the chapter&#39;s inbox notified.");
		assertThat(volunteer.bodies()).isEmpty();

		String refused = page(post("/console/shifts/s-1/cancel").param("reason", " ").with(organizer()).with(csrf()));
		assertThat(refused).contains("Give the reason: it is told to the volunteers.");
		assertThat(volunteer.requestLines()).noneMatch((request) -> request.startsWith("POST"));

		volunteer.json("POST /api/shifts/s-1/cancel", 200, SHIFT);
		MvcResult result = this.mvc.perform(
				post("/console/shifts/s-1/cancel").param("reason", "The hall flooded.").with(organizer()).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl())
			.isEqualTo("/console/opportunities/o-1?changed=shift-cancelled");
		assertThat(volunteer.bodies()).containsEntry("POST /api/shifts/s-1/cancel",
				"{\"reason\":\"The hall flooded.\"}");
	}

	@Test
	void aShiftOfAnotherChapterIsNotYoursToSee() throws Exception {
		volunteer.json("POST /api/shifts/s-1/cancel", 403, "{\"title\":\"Forbidden\",\"status\":403}");

		MvcResult result = this.mvc
			.perform(post("/console/shifts/s-1/cancel").param("reason", "Forged.").with(organizer()).with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getContentAsString()).contains("Not yours to see");
	}

	@Test
	void reschedulingSendsTheNewTimesInThePlatformsZone() throws Exception {
		volunteer.json("POST /api/shifts/s-1/reschedule", 200, SHIFT);

		MvcResult result = this.mvc
			.perform(post("/console/shifts/s-1/reschedule").param("startsAt", "2031-03-08T10:00")
				.param("endsAt", "2031-03-08T12:30")
				.param("location", "")
				.with(organizer())
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/opportunities/o-1?changed=rescheduled");
		assertThat(volunteer.bodies()).containsEntry("POST /api/shifts/s-1/reschedule",
				"{\"startsAt\":\"2031-03-08T16:00:00Z\",\"endsAt\":\"2031-03-08T18:30:00Z\"}");
	}

	@Test
	void checkingSomeoneInWithoutJavaScriptComesBackToTheRosterAndWithHtmxAnswersTheirRowOnly() throws Exception {
		volunteer.json("POST /api/shifts/s-1/signups/g-1/attendance", 200, """
				{"id":"g-1","volunteerId":"v-1","name":"Ada First","status":"ATTENDED","hours":2.5}""");

		MvcResult plain = this.mvc
			.perform(post("/console/shifts/s-1/check-in/g-1").param("attended", "true")
				.param("hours", "2.5")
				.with(organizer())
				.with(csrf()))
			.andReturn();
		assertThat(plain.getResponse().getRedirectedUrl()).isEqualTo("/console/shifts/s-1/check-in#signup-g-1");
		assertThat(volunteer.bodies()).containsEntry("POST /api/shifts/s-1/signups/g-1/attendance",
				"{\"attended\":true,\"hours\":2.5}");

		String row = page(post("/console/shifts/s-1/check-in/g-1").param("attended", "true")
			.param("hours", "2.5")
			.header("HX-Request", "true")
			.with(organizer())
			.with(csrf()));
		assertThat(row.strip()).startsWith("<tr").contains("Ada First").contains("Attended").contains("2.5 h");
		assertThat(row).doesNotContain("<html").doesNotContain("Bea Second");

		volunteer.json("POST /api/shifts/s-1/signups/g-2/attendance", 200, """
				{"id":"g-2","volunteerId":"v-2","name":"Bea Second","status":"NO_SHOW"}""");
		this.mvc.perform(post("/console/shifts/s-1/check-in/g-2").param("attended", "false")
			.param("hours", "2")
			.with(organizer())
			.with(csrf()));
		// A no-show has no hours: none is sent.
		assertThat(volunteer.bodies()).containsEntry("POST /api/shifts/s-1/signups/g-2/attendance",
				"{\"attended\":false}");
	}

	@Test
	void aWalkInRefusedByTheApiIsShownByField() throws Exception {
		volunteer.json("POST /api/shifts/s-1/walk-ins", 400, """
				{"title":"Invalid input","status":400,"detail":"Invalid input",
				 "errors":[{"field":"email","message":"must be a well-formed email address"}]}""");

		String page = page(post("/console/shifts/s-1/walk-ins").param("name", "Wren")
			.param("email", "wren-at-example")
			.param("consentEmail", "true")
			.with(organizer())
			.with(csrf()));

		assertThat(page).contains("must be a well-formed email address").contains("value=\"wren-at-example\"");
		assertThat(volunteer.bodies().get("POST /api/shifts/s-1/walk-ins")).contains("\"consent\":{")
			.contains("\"email\":true")
			.contains("\"sms\":false");
	}

	@Test
	void theCsvRosterKeepsFormulasAsText() throws Exception {
		MvcResult result = this.mvc.perform(get("/console/shifts/s-1/roster.csv").with(organizer())).andReturn();

		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",WAITLISTED")
			.contains("Ada First,REGISTERED");
	}

	@Test
	void theSchoolsTrainingStaffAreShownTheRefusalWithoutAnyCall() throws Exception {
		MvcResult result = this.mvc.perform(get("/console/opportunities")
			.with(oidcLogin().clientRegistration(this.registrations.findByRegistrationId("console"))
				.idToken((token) -> token.subject("tess@example.org")
					.claim("roles", List.of("TRAINING_STAFF"))
					.claim("name", "Tess"))))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getContentAsString()).contains("Not yours to see");
		assertThat(volunteer.requestLines()).isEmpty();
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private OidcLoginRequestPostProcessor organizer() {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("console"))
			.idToken((token) -> token.subject("orla@example.org")
				.claim("roles", List.of("CHAPTER"))
				.claim("chapter_id", "chapter-1")
				.claim("name", "Orla"));
	}

	private static final String SHIFT = """
			{"id":"s-1","opportunityId":"o-1","title":"Phone bank","type":"PHONE_BANK","chapterId":"chapter-1",
			 "startsAt":"2031-03-07T16:00:00Z","endsAt":"2031-03-07T18:00:00Z","location":"Union Hall",
			 "capacity":2,"status":"SCHEDULED","seatsLeft":0,"waitlistLength":1}""";

	private static final String OPPORTUNITY = """
			{"id":"o-1","title":"Phone bank","type":"PHONE_BANK","status":"OPEN","state":"MO","chapterId":"chapter-1",
			 "location":"Union Hall","shifts":[%s]}""".formatted(SHIFT);

	private static final String TEAM = """
			{"id":"o-2","title":"Volunteers for Rivera","type":"CANVASS","status":"DRAFT","state":"MO",
			 "chapterId":"chapter-1","endorsementId":"e-1","raceId":"r-1","shifts":[]}""";

	private static final String ROSTER = """
			{"content":[
			 {"id":"g-1","volunteerId":"v-1","name":"Ada First","status":"REGISTERED","sequence":1},
			 {"id":"g-2","volunteerId":"v-2","name":"Bea Second","status":"CONFIRMED","sequence":2},
			 {"id":"g-3","volunteerId":"v-3","name":"=HYPERLINK(\\"http://evil.example\\",\\"x\\")","status":"WAITLISTED",
			  "waitlistPosition":1,"sequence":3},
			 {"id":"g-4","volunteerId":"v-4","name":"Cy Gone","status":"CANCELLED","sequence":4}],
			 "page":{"number":0,"size":1000,"totalElements":4,"totalPages":1}}""";

}
