package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.groundgame.endorsement.SecurityConfiguration;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.endorsement.EndorsementController;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.publicview.PublicViews;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.security.ApiSecurityAutoConfiguration;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.endorsement.InvalidRequests.assertInvalid;
import static org.groundgame.endorsement.NominationApi.part;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP edge of nominations and endorsements: what is refused before any rule runs,
 * and how. The application service is stubbed; the integration tests run it for real. The
 * service's filter chain is on, and requests carry a staff token unless a test says
 * otherwise.
 */
@WebMvcTest({ NominationController.class, EndorsementController.class })
@Import({ NominationApiValidationTests.FixedClock.class, SecurityConfiguration.class, TestIssuerConfiguration.class })
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class NominationApiValidationTests {

	static final Instant NOW = Instant.parse("2026-03-02T15:30:00Z");

	static final JsonMapper json = JsonMapper.builder().build();

	static final String STAFF = "Bearer " + TestTokens.staff();

	@Autowired
	MockMvcTester mvc;

	MockMvcTester.MockMvcRequestBuilder post(String uri) {
		return this.mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, STAFF);
	}

	MockMvcTester.MockMvcRequestBuilder get(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, STAFF);
	}

	@MockitoBean
	NominationService nominations;

	@MockitoBean
	PublicViews views;

	static Map<String, Object> validNomination() {
		Map<String, Object> candidate = new LinkedHashMap<>();
		candidate.put("name", "Maria Gonzalez");
		candidate.put("email", "maria@example.org");
		candidate.put("website", "https://maria.example.org");
		Map<String, Object> race = new LinkedHashMap<>();
		race.put("office", "State Representative");
		race.put("level", "STATE");
		race.put("state", "MO");
		race.put("district", "79");
		race.put("electionDate", "2026-11-03");
		Map<String, Object> nominatedBy = new LinkedHashMap<>();
		nominatedBy.put("name", "Sam Lee");
		nominatedBy.put("email", "sam@example.org");
		nominatedBy.put("chapterId", "chapter-stl");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("candidate", candidate);
		body.put("race", race);
		body.put("nominatedBy", nominatedBy);
		body.put("statement", "A lifelong organizer.");
		return body;
	}

	MvcTestResult submit(Object body) {
		return post("/api/nominations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))
			.exchange();
	}

	static Nomination nomination() {
		return Nomination
			.submit(new Candidate("Maria Gonzalez", "maria@example.org", null),
					new Race("State Representative", RaceLevel.STATE, UsState.MO, null, null,
							LocalDate.of(2026, 11, 3)),
					Nominator.chapter("chapter-stl"), null, Clock.fixed(NOW, ZoneOffset.UTC))
			.nomination();
	}

	@Test
	void validNominationIsCreatedWithItsLocation() {
		Nomination created = nomination();
		given(this.nominations.submit(any(), any())).willReturn(created);

		MvcTestResult result = submit(validNomination());

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/nominations/" + created.id());
		assertThat(result).bodyJson().extractingPath("$.status").asString().isEqualTo("SUBMITTED");
		assertThat(result).bodyJson().extractingPath("$.cycle").asNumber().isEqualTo(2026);
	}

	@Test
	void stateCodeIsAcceptedInEitherCaseAndPassedOnAsTheState() {
		given(this.nominations.submit(any(), any())).willReturn(nomination());
		Map<String, Object> body = validNomination();
		part(body, "race").put("state", "mo");

		assertThat(submit(body)).hasStatus(HttpStatus.CREATED);
		verify(this.nominations)
			.submit(any(),
					argThat((
							draft) -> draft.race()
								.equals(new Race("State Representative", RaceLevel.STATE, UsState.MO, "79", null,
										LocalDate.of(2026, 11, 3)))
									&& draft.statement().equals("A lifelong organizer.")));
	}

	@Test
	void nominationWithoutItsRequiredFieldsNamesEachOne() {
		Map<String, Object> body = validNomination();
		part(body, "candidate").remove("name");
		part(body, "race").put("office", " ");
		part(body, "race").remove("level");
		part(body, "race").remove("state");
		part(body, "race").remove("electionDate");

		assertInvalid(submit(body), "candidate.name", "race.office", "race.level", "race.state", "race.electionDate");
		verifyNoInteractions(this.nominations);
	}

	@Test
	void nominationWithoutCandidateOrRaceNamesThem() {
		assertInvalid(submit(Map.of("statement", "Someone, somewhere")), "candidate", "race");
	}

	@Test
	void stateMustBeARealStateDistrictOrTerritoryCode() {
		Map<String, Object> body = validNomination();
		part(body, "race").put("state", "ZZ");

		assertInvalid(submit(body), "race.state");
	}

	@Test
	void electionDateInThePastIsRefusedByTheApplicationClock() {
		Map<String, Object> body = validNomination();
		part(body, "race").put("electionDate", "2026-02-28");

		assertInvalid(submit(body), "race.electionDate");
	}

	@Test
	void emailsMustBeWellFormedAndTheWebsiteAnHttpUrl() {
		Map<String, Object> body = validNomination();
		part(body, "candidate").put("email", "maria-at-example.org");
		part(body, "candidate").put("website", "ftp://maria.example.org");
		part(body, "nominatedBy").put("email", "sam@localhost");

		assertInvalid(submit(body), "candidate.email", "candidate.website", "nominatedBy.email");
	}

	@Test
	void textLongerThanItsLimitIsRefused() {
		Map<String, Object> body = validNomination();
		part(body, "candidate").put("name", "M".repeat(201));
		part(body, "nominatedBy").put("name", "S".repeat(201));
		part(body, "race").put("office", "O".repeat(201));
		body.put("statement", "s".repeat(5001));

		assertInvalid(submit(body), "candidate.name", "nominatedBy.name", "race.office", "statement");
	}

	@Test
	void unknownRaceLevelIsNamedWithTheLevelsThereAre() {
		Map<String, Object> body = validNomination();
		part(body, "race").put("level", "COUNTY");

		MvcTestResult result = submit(body);

		assertInvalid(result, "race.level");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.contains("FEDERAL", "STATE", "LOCAL");
	}

	@Test
	void bodyThatIsNotJsonIsRefused() {
		MvcTestResult result = post("/api/nominations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"candidate\":")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void reviewNeedsAReviewer() {
		MvcTestResult result = post("/api/nominations/n-1/review").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reviewer\":\"  \"}")
			.exchange();

		assertInvalid(result, "reviewer");
	}

	@Test
	void decisionMustBeEndorseOrDecline() {
		MvcTestResult missing = post("/api/nominations/n-1/decision").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Why not\"}")
			.exchange();
		MvcTestResult unknown = post("/api/nominations/n-1/decision").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"MAYBE\"}")
			.exchange();

		assertInvalid(missing, "decision");
		assertInvalid(unknown, "decision");
		verifyNoInteractions(this.nominations);
	}

	@Test
	void decisionOnADecidedNominationIsAConflictNamingItsState() {
		given(this.nominations.decide(any(), any(), any(), any()))
			.willThrow(new IllegalStateChangeException("Nomination n-1 is already ENDORSED", "ENDORSED"));

		MvcTestResult result = post("/api/nominations/n-1/decision").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"DECLINE\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.currentState").asString().isEqualTo("ENDORSED");
	}

	@Test
	void unknownNominationIsNotFound() {
		given(this.nominations.nomination(any(), eq("nope"))).willThrow(new NotFoundException("nomination", "nope"));

		assertThat(get("/api/nominations/nope").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listFiltersAndPagingAreValidated() {
		assertInvalid(get("/api/nominations?status=LOST").exchange(), "status");
		assertInvalid(get("/api/nominations?state=XX").exchange(), "state");
		assertInvalid(get("/api/nominations?size=500").exchange(), "size");
		assertInvalid(get("/api/nominations?cycle=soon").exchange(), "cycle");
		assertInvalid(get("/api/nominations?level=GALACTIC").exchange(), "level");
		assertInvalid(get("/api/nominations/counts?cycle=0").exchange(), "cycle");
		assertInvalid(get("/api/nominations/counts?state=XX").exchange(), "state");
		assertInvalid(get("/api/endorsements?level=GALACTIC").exchange(), "level");
		assertInvalid(get("/api/endorsements?page=-1").exchange(), "page");
		assertInvalid(get("/api/endorsements?cycle=soon").exchange(), "cycle");
		verifyNoInteractions(this.nominations);
	}

	@Test
	void staffOnlyCommandsAreRefusedToAChapterBeforeTheBodyIsRead() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/nominations/n-1/review")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter("chapter-stl"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reviewer\":\" \"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.nominations);
	}

	@Test
	void readingNominationsWithoutATokenIsUnauthorizedWithABearerChallenge() {
		MvcTestResult result = this.mvc.get().uri("/api/nominations").exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		verifyNoInteractions(this.nominations);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
