package org.groundgame.web.console.impact;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The race impact pages against stand-ins of endorsement- and volunteer-service (real
 * HTTP servers on 127.0.0.1, recording what they are asked): national staff see the
 * research, every chapter's effort by type and the result side by side; a chapter
 * organizer sees their own chapter's part (what volunteer-service answers their token)
 * and the result, and the research is never asked for on their behalf; whoever else is
 * refused before any call. The whole journey, with the real services, is
 * {@code BrowserImpactConsoleJourneyTests} in end-to-end-tests.
 */
@SpringBootTest(properties = "groundgame.web.console.client-secret=console-secret-of-the-tests")
@AutoConfigureMockMvc
@Import({ InfrastructureTestConfiguration.class, SignedInTokens.class })
class ImpactConsolePagesTests {

	private static final StubApi endorsement = StubApi.start();

	private static final StubApi volunteer = StubApi.start();

	private static final String STAFF = "sam@example.org";

	private static final String ORGANIZER = "orla@example.org";

	private static final String ENDORSEMENT = """
			{"id":"e-1","nominationId":"n-1","candidate":{"name":"Rosa Rivera"},
			 "race":{"office":"State Representative","level":"STATE","state":"MO","district":"44",
			         "jurisdiction":"Missouri House","electionDate":"2026-11-03","stage":"GENERAL"},
			 "cycle":2026,"status":"ACTIVE","outcome":"WON","reEndorsement":false,
			 "endorsedAt":"2026-05-01T15:00:00Z",
			 "outcomes":[{"stage":"PRIMARY","result":"ADVANCED","recordedAt":"2026-08-05T03:00:00Z"},
			             {"stage":"GENERAL","result":"WON","recordedAt":"2026-11-04T04:00:00Z"}]}""";

	private static final String NOMINATION = """
			{"id":"n-1","status":"ENDORSED","candidate":{"name":"Rosa Rivera"},"cycle":2026,"complete":true,
			 "research":{"incumbency":"OPEN_SEAT","winNumber":4200,
			             "polling":[{"pollster":"Remington","date":"2026-09-01","numbers":"48-44"}],
			             "fundraising":{"amount":125000,"asOf":"2026-09-30","source":"MEC"},
			             "opponents":[{"name":"Bob Barr","party":"R","incumbent":false}],
			             "updatedBy":"sam","updatedAt":"2026-10-01T12:00:00Z"}}""";

	private static final String EVERY_CHAPTER = """
			{"endorsementId":"e-1",
			 "totals":{"shifts":4,"seats":27,"seatsFilled":9,"attended":6,"noShows":1,"volunteers":3,"hours":9.8},
			 "byType":[{"type":"CANVASS","shifts":1,"seats":8,"seatsFilled":1,"attended":0,"noShows":0,"volunteers":0,"hours":0},
			           {"type":"PHONE_BANK","shifts":3,"seats":19,"seatsFilled":8,"attended":6,"noShows":1,"volunteers":3,"hours":9.8}],
			 "chapters":[
			   {"chapterId":"ch-a","name":"Mobilize Missouri","state":"MO",
			    "totals":{"shifts":3,"seats":23,"seatsFilled":7,"attended":4,"noShows":1,"volunteers":2,"hours":5.8},
			    "byType":[{"type":"CANVASS","shifts":1,"seats":8,"seatsFilled":1,"attended":0,"noShows":0,"volunteers":0,"hours":0},
			              {"type":"PHONE_BANK","shifts":2,"seats":15,"seatsFilled":6,"attended":4,"noShows":1,"volunteers":2,"hours":5.8}]},
			   {"chapterId":"ch-b","name":"Columbia Chapter","state":"MO",
			    "totals":{"shifts":1,"seats":4,"seatsFilled":2,"attended":2,"noShows":0,"volunteers":2,"hours":4.0},
			    "byType":[{"type":"PHONE_BANK","shifts":1,"seats":4,"seatsFilled":2,"attended":2,"noShows":0,"volunteers":2,"hours":4.0}]}]}""";

	private static final String OWN_PART = """
			{"endorsementId":"e-1",
			 "totals":{"shifts":1,"seats":4,"seatsFilled":2,"attended":2,"noShows":0,"volunteers":2,"hours":4.0},
			 "byType":[{"type":"PHONE_BANK","shifts":1,"seats":4,"seatsFilled":2,"attended":2,"noShows":0,"volunteers":2,"hours":4.0}],
			 "chapters":[
			   {"chapterId":"ch-b","name":"Columbia Chapter","state":"MO",
			    "totals":{"shifts":1,"seats":4,"seatsFilled":2,"attended":2,"noShows":0,"volunteers":2,"hours":4.0},
			    "byType":[{"type":"PHONE_BANK","shifts":1,"seats":4,"seatsFilled":2,"attended":2,"noShows":0,"volunteers":2,"hours":4.0}]}]}""";

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("groundgame.web.services.endorsement", endorsement::uri);
		registry.add("groundgame.web.services.volunteer", volunteer::uri);
	}

	@AfterAll
	static void stop() {
		endorsement.close();
		volunteer.close();
	}

	@BeforeEach
	void answers() {
		endorsement.reset();
		volunteer.reset();
		endorsement.json("GET /api/endorsements", 200, """
				{"content":[%s,{"id":"e-2","nominationId":"n-2","candidate":{"name":"Lee Lu"},
				  "race":{"office":"City Council","level":"LOCAL","state":"MO","jurisdiction":"Columbia"},
				  "cycle":2026,"status":"ACTIVE","reEndorsement":false,"outcomes":[]}],
				 "page":{"number":0,"size":20,"totalElements":2,"totalPages":1}}""".formatted(ENDORSEMENT));
		endorsement.json("GET /api/endorsements/e-1", 200, ENDORSEMENT);
		endorsement.json("GET /api/nominations/n-1", 200, NOMINATION);
		// As volunteer-service does: staff get every chapter's part, a chapter its own.
		volunteer.on("GET /api/opportunities/effort", (request, exchange) -> StubApi.send(exchange, 200,
				"application/json", request.authorization().endsWith(STAFF) ? EVERY_CHAPTER : OWN_PART));
		volunteer.on("GET /api/opportunities/effort/endorsements", (request, exchange) -> StubApi.send(exchange, 200,
				"application/json",
				"{\"endorsements\":[{\"endorsementId\":\"e-1\",\"totals\":" + (request.authorization().endsWith(STAFF)
						? "{\"shifts\":4,\"seats\":27,\"seatsFilled\":9,\"attended\":6,\"noShows\":1,\"volunteers\":3,\"hours\":9.8}"
						: "{\"shifts\":1,\"seats\":4,\"seatsFilled\":2,\"attended\":2,\"noShows\":0,\"volunteers\":2,\"hours\":4.0}")
						+ "}]}"));
	}

	@Test
	void staffListEveryEndorsedRaceWithItsResultAndEveryChaptersEffort() throws Exception {
		String page = page(get("/console/impact").with(staff()));

		assertThat(page).contains("Race impact", "the effort of every chapter")
			.containsSubsequence("Rosa Rivera", "Won", "<td>4</td>", "<td>9</td>", "<td>9.8</td>", "Lee Lu", "Not yet",
					"No shifts yet")
			.contains("href=\"/console/impact/e-1\"");
		assertThat(endorsement.requestLines())
			.containsExactly("GET /api/endorsements?status=ACTIVE&page=0&size=20 Bearer token-of-" + STAFF);
		assertThat(volunteer.requestLines()).containsExactly(
				"GET /api/opportunities/effort/endorsements?endorsementId=e-1&endorsementId=e-2 Bearer token-of-"
						+ STAFF);
	}

	@Test
	void staffSeeTheResearchEveryChaptersEffortByTypeAndTheResultSideBySide() throws Exception {
		String page = page(get("/console/impact/e-1").with(staff()));

		assertThat(page).containsSubsequence("Rosa Rivera", "Side by side", "4,200", "votes to win", "9.8",
				"hours volunteered, every chapter", "4 shifts · 9 seats filled · 3 volunteers", "Won",
				"the result (General election)");
		assertThat(page).containsSubsequence("The research", "Win number", "4,200", "Open seat", "Polling", "Remington",
				"48-44", "Fundraising", "$125,000", "MEC", "Opponents", "Bob Barr (R)");
		assertThat(page).containsSubsequence("The volunteer effort of every chapter", "By chapter",
				"Mobilize Missouri (MO)", "7 of 23", "5.8", "Columbia Chapter (MO)", "2 of 4", "4", "Total", "9 of 27",
				"9.8", "By type of work", "Canvass", "1 of 8", "Phone bank", "8 of 19", "Each chapter, by type of work",
				"Mobilize Missouri", "Canvass", "Mobilize Missouri", "Phone bank", "6 of 15", "Columbia Chapter",
				"Phone bank", "2 of 4");
		assertThat(page).containsSubsequence("The result", "Primary", "Advanced", "General election", "Won");
		assertThat(endorsement.requestLines()).containsExactly("GET /api/endorsements/e-1 Bearer token-of-" + STAFF,
				"GET /api/nominations/n-1 Bearer token-of-" + STAFF);
		assertThat(volunteer.requestLines())
			.containsExactly("GET /api/opportunities/effort?endorsementId=e-1 Bearer token-of-" + STAFF);
	}

	@Test
	void aChapterOrganizerSeesTheirOwnPartAndTheResultButNeverTheResearchNorAnotherChapter() throws Exception {
		String list = page(get("/console/impact").with(organizerOf("ch-b")));
		String race = page(get("/console/impact/e-1?chapter=ch-a").with(organizerOf("ch-b")));

		assertThat(list).contains("with your chapter’s effort")
			.containsSubsequence("Rosa Rivera", "Won", "<td>1</td>", "<td>2</td>", "<td>4</td>", "Lee Lu");
		assertThat(race).containsSubsequence("Rosa Rivera", "Side by side", "4", "hours your chapter volunteered",
				"Your chapter’s volunteer effort", "Columbia Chapter (MO)", "2 of 4", "The result", "Won");
		assertThat(race).doesNotContain("The research", "4,200", "votes to win", "Remington", "125,000",
				"Mobilize Missouri", "Each chapter, by type of work", "Total");
		// The research is never asked for, and the chapter named in the address is not
		// passed on: volunteer-service answers the organizer's token with their own part.
		assertThat(endorsement.requestLines()).noneMatch((line) -> line.contains("/api/nominations"))
			.allMatch((line) -> line.endsWith("Bearer token-of-" + ORGANIZER));
		assertThat(volunteer.requestLines())
			.contains("GET /api/opportunities/effort?endorsementId=e-1 Bearer token-of-" + ORGANIZER)
			.noneMatch((line) -> line.contains("ch-a"));
	}

	@Test
	void theSchoolsStaffAndPeopleWithoutARoleAreRefusedBeforeAnyCall() throws Exception {
		for (OidcLoginRequestPostProcessor who : List.of(person("tess@example.org", "TRAINING_STAFF", null),
				person("nobody@example.org", "VOLUNTEER", null))) {
			for (String path : List.of("/console/impact", "/console/impact/e-1")) {
				MvcResult refused = this.mvc.perform(get(path).with(who)).andReturn();
				assertThat(refused.getResponse().getStatus()).isEqualTo(403);
				assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
					.contains("Not yours to see")
					.doesNotContain("Rosa Rivera");
			}
		}
		assertThat(endorsement.requests()).isEmpty();
		assertThat(volunteer.requests()).isEmpty();
	}

	@Test
	void theNavigationLeadsStaffAndOrganizersToRaceImpactOnly() throws Exception {
		String link = "<a href=\"/console/impact\">Race impact</a>";
		assertThat(page(get("/console/impact").with(staff()))).contains(link);
		assertThat(page(get("/console/impact").with(organizerOf("ch-b")))).contains(link);
		MvcResult school = this.mvc
			.perform(get("/console/impact").with(person("tess@example.org", "TRAINING_STAFF", null)))
			.andReturn();
		assertThat(school.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Not yours to see")
			.doesNotContain("/console/impact");
	}

	@Test
	void anUnknownRaceIsNotFoundAndAMalformedStateIsRefusedWithoutACall() throws Exception {
		endorsement.json("GET /api/endorsements/e-404", 404, "{\"status\":404,\"title\":\"Not Found\"}");

		assertThat(this.mvc.perform(get("/console/impact/e-404").with(staff())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/console/impact/bad.id").with(staff())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/console/impact?state=Missouri").with(staff()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(volunteer.requests()).isEmpty();
		assertThat(endorsement.requestLines()).containsExactly("GET /api/endorsements/e-404 Bearer token-of-" + STAFF);
	}

	@Test
	void theRacesPageSpeaksSpanish() throws Exception {
		String page = page(get("/console/impact/e-1").locale(Locale.forLanguageTag("es")).with(staff()));

		assertThat(page).contains("Impacto por contienda", "Lado a lado", "votos para ganar", "La investigación",
				"El esfuerzo voluntario de cada capítulo", "Por tipo de trabajo", "El resultado", "8 de 19");
	}

	private String page(RequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static OidcLoginRequestPostProcessor staff() {
		return person(STAFF, "STAFF", null);
	}

	private static OidcLoginRequestPostProcessor organizerOf(String chapterId) {
		return person(ORGANIZER, "CHAPTER", chapterId);
	}

	private static OidcLoginRequestPostProcessor person(String subject, String role, String chapterId) {
		return oidcLogin().idToken((token) -> {
			token.subject(subject).claim("name", "Pat Person").claim("roles", List.of(role));
			if (chapterId != null) {
				token.claim("chapter_id", chapterId);
			}
		});
	}

}
