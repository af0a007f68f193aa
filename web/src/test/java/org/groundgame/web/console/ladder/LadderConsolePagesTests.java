package org.groundgame.web.console.ladder;

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
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The leadership ladder's console page against stand-ins for campaign-training-service
 * and volunteer-service (HTTP servers answering as their APIs do, recording what they are
 * asked): what the page shows of the answers, what it asks with whose token, and who may
 * look a person up. The whole journey, with the real services, is in end-to-end-tests.
 */
@SpringBootTest(properties = { "groundgame.web.console.client-secret=console-secret-of-the-tests",
		"groundgame.web.console.issuer=https://organizers.example.org" })
@AutoConfigureMockMvc
@Import({ InfrastructureTestConfiguration.class, SignedInTokens.class })
class LadderConsolePagesTests {

	private static final StubApi training = StubApi.start();

	private static final StubApi volunteer = StubApi.start();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@DynamicPropertySource
	static void theServicesAreStandIns(DynamicPropertyRegistry registry) {
		registry.add("groundgame.web.services.campaign-training", training::uri);
		registry.add("groundgame.web.services.volunteer", volunteer::uri);
	}

	@AfterAll
	static void stop() {
		training.close();
		volunteer.close();
	}

	@BeforeEach
	void answers() {
		training.reset();
		volunteer.reset();
		training.json("GET /api/training/ladder", 200, LADDER);
		training.json("GET /api/training/ladder/people", 200, PATH);
		volunteer.json("GET /api/chapters", 200, """
				{"content":[{"id":"ch-1","name":"Mobilize Missouri","state":"MO","city":"St. Louis"}],
				 "page":{"number":0,"size":100,"totalElements":1,"totalPages":1}}""");
	}

	@Test
	void staffSeeEveryChapterAsBarsAndATableWithTheirOwnTokenAndAFormToLookAPersonUp() throws Exception {
		String page = page(get("/console/ladder").with(as("TRAINING_STAFF", null)));

		assertThat(page).contains("The leadership ladder")
			.contains("<svg")
			.contains("class=\"bar volunteered\"")
			.contains("class=\"bar won\"")
			.containsSubsequence("Mobilize Missouri", "5", "3", "2", "1", "1")
			.containsSubsequence("No chapter", "2", "0", "0", "0", "0")
			.contains("action=\"/console/ladder/people#look-up\"")
			.contains("href=\"/console/ladder\"");
		// Nothing drawn with an inline style (the Content-Security-Policy forbids it).
		assertThat(page).doesNotContain("style=");
		assertThat(training.requestLines()).singleElement()
			.isEqualTo("GET /api/training/ladder?page=0&size=20 Bearer token-of-tess@example.org");
	}

	@Test
	void staffNarrowTheTableToOneChapterByItsLink() throws Exception {
		String all = page(get("/console/ladder").with(as("STAFF", null)));
		assertThat(all).contains("href=\"/console/ladder?chapterId=ch-1\"");

		String one = page(get("/console/ladder?chapterId=ch-1").with(as("STAFF", null)));

		assertThat(one).contains("href=\"/console/ladder\">Every chapter</a>");
		assertThat(training.requestLines())
			.contains("GET /api/training/ladder?page=0&size=20&chapterId=ch-1 Bearer token-of-tess@example.org");
	}

	@Test
	void lookingAPersonUpShowsEveryRungOfTheirPathAndSendsTheAddressOnlyToTheService() throws Exception {
		String page = page(post("/console/ladder/people").param("email", "amara+ladder@example.org")
			.with(as("STAFF", null))
			.with(csrf()));

		assertThat(page).contains("Their path")
			.containsSubsequence("Volunteered", "Reached", "12.5 hours at 4 shifts · Mobilize Missouri", "Trained",
					"Reached", "Spring Candidate School", "Graduated", "Ran", "Reached", "State Representative · MO",
					"Endorsed", "Reached", "Won", "Reached");
		assertThat(training.requests()).anySatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/api/training/ladder/people");
			assertThat(request.query()).isEqualTo("email=amara%2Bladder%40example.org");
			assertThat(request.authorization()).isEqualTo("Bearer token-of-tess@example.org");
		});
	}

	@Test
	void anAddressTheServiceRefusesIsShownNextToTheField() throws Exception {
		training.json("GET /api/training/ladder/people", 400, """
				{"title":"Invalid input","status":400,"detail":"Invalid input",
				 "errors":[{"field":"email","message":"must be an e-mail address"}]}""");

		String page = page(
				post("/console/ladder/people").param("email", "not-an-address").with(as("STAFF", null)).with(csrf()));

		assertThat(page).contains("must be an e-mail address")
			.contains("aria-invalid=\"true\"")
			.doesNotContain("Their path");
	}

	@Test
	void aChapterOrganizerSeesTheirRowWithoutTheLookUpAndIsRefusedItWithoutAnyCall() throws Exception {
		training.json("GET /api/training/ladder", 200, """
				{"total":{"volunteered":5,"trained":3,"ran":2,"endorsed":1,"won":1},
				 "content":[{"chapterId":"ch-1","counts":{"volunteered":5,"trained":3,"ran":2,"endorsed":1,"won":1}}],
				 "page":{"number":0,"size":20,"totalElements":1,"totalPages":1}}""");

		String page = page(get("/console/ladder").with(as("CHAPTER", "ch-1")));
		assertThat(page).contains("Mobilize Missouri").doesNotContain("/console/ladder/people");

		training.reset();
		MvcResult refused = this.mvc
			.perform(post("/console/ladder/people").param("email", "amara@example.org")
				.with(as("CHAPTER", "ch-1"))
				.with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("Not yours to see");
		assertThat(training.requestLines()).isEmpty();
	}

	@Test
	void theLookUpNeedsTheFormsToken() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/console/ladder/people").param("email", "amara@example.org").with(as("STAFF", null)))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(training.requestLines()).isEmpty();
	}

	@Test
	void theSpanishPageSaysItInSpanish() throws Exception {
		String page = page(get("/console/ladder").header("Accept-Language", "es").with(as("STAFF", null)));

		assertThat(page).contains("La escalera de liderazgo").contains("Por capítulo").contains("Sin capítulo");
	}

	private String page(RequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private OidcLoginRequestPostProcessor as(String role, String chapterId) {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("console")).idToken((token) -> {
			token.subject("tess@example.org").claim("roles", List.of(role)).claim("name", "Tess");
			if (chapterId != null) {
				token.claim("chapter_id", chapterId);
			}
		});
	}

	private static final String LADDER = """
			{"total":{"volunteered":7,"trained":3,"ran":2,"endorsed":1,"won":1},
			 "content":[{"chapterId":"ch-1","counts":{"volunteered":5,"trained":3,"ran":2,"endorsed":1,"won":1}},
			            {"chapterId":null,"counts":{"volunteered":2,"trained":0,"ran":0,"endorsed":0,"won":0}}],
			 "page":{"number":0,"size":20,"totalElements":2,"totalPages":1}}""";

	private static final String PATH = """
			{"reached":{"volunteered":true,"trained":true,"ran":true,"endorsed":true,"won":true},
			 "volunteering":[{"volunteerId":"v-1","chapterId":"ch-1","hours":12.5,"shifts":4}],
			 "enrollments":[{"enrollmentId":"e-1","cohortId":"c-1","cohortName":"Spring Candidate School",
			   "track":"CANDIDATE","startsOn":"2031-03-07","status":"COMPLETED","chapterId":"ch-1"}],
			 "candidacies":[{"nominationId":"n-1","linked":true,"race":{"office":"State Representative","level":"STATE",
			   "state":"MO","district":"78","jurisdiction":null,"electionDate":"2031-11-04"},
			   "endorsed":true,"rescinded":false,"outcome":"WON"}]}""";

}
