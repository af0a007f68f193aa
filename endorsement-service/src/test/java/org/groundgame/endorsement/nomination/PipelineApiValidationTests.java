package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.groundgame.endorsement.SecurityConfiguration;
import org.groundgame.endorsement.endorsement.EndorsementController;
import org.groundgame.endorsement.publicview.PublicViews;
import org.groundgame.endorsement.publicview.RaceController;
import org.groundgame.endorsement.slate.SlateController;
import org.groundgame.endorsement.slate.SlateService;
import org.groundgame.security.ApiSecurityAutoConfiguration;
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
import static org.groundgame.endorsement.nomination.NominationApiValidationTests.validNomination;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP edge of what issue 5 added: ballot measures, races named by id or OCD
 * division, slates, the pipeline's commands, endorsements' commands and public races (the
 * candidate's questionnaire: {@code CandidateQuestionnaireApiValidationTests}). Bad input
 * is a {@code 400} naming every field at fault, and reaches no application service.
 */
@WebMvcTest({ NominationController.class, EndorsementController.class, SlateController.class, RaceController.class })
@Import({ PipelineApiValidationTests.FixedClock.class, SecurityConfiguration.class, TestIssuerConfiguration.class })
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class PipelineApiValidationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String STAFF = "Bearer " + TestTokens.staff();

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	NominationService nominations;

	@MockitoBean
	PublicViews views;

	@MockitoBean
	SlateService slates;

	MvcTestResult post(String uri, Object body) {
		return this.mvc.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))
			.exchange();
	}

	MvcTestResult put(String uri, Object body) {
		return this.mvc.put()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))
			.exchange();
	}

	void assertNothingCalled() {
		verifyNoInteractions(this.nominations, this.views, this.slates);
	}

	static Map<String, Object> measure() {
		Map<String, Object> body = validNomination();
		body.remove("candidate");
		body.put("ballotMeasure", new LinkedHashMap<>(Map.of("title", "Amendment 3", "position", "YES")));
		part(body, "race").remove("office");
		return body;
	}

	@Test
	void nomineeIsACandidateOrAMeasurePositionNeverBothNorNeither() {
		Map<String, Object> both = validNomination();
		both.put("ballotMeasure", Map.of("title", "Amendment 3", "position", "YES"));
		Map<String, Object> neither = validNomination();
		neither.remove("candidate");
		Map<String, Object> badPosition = measure();
		part(badPosition, "ballotMeasure").put("position", "MAYBE");
		Map<String, Object> noTitle = measure();
		part(noTitle, "ballotMeasure").put("title", " ");

		assertInvalid(post("/api/nominations", both), "ballotMeasure");
		assertInvalid(post("/api/nominations", neither), "candidate");
		assertInvalid(post("/api/nominations", badPosition), "ballotMeasure.position");
		assertInvalid(post("/api/nominations", noTitle), "ballotMeasure.title");
		assertNothingCalled();
	}

	@Test
	void measuresRaceNeedsNoOfficeButACandidatesDoes() {
		Map<String, Object> candidate = validNomination();
		part(candidate, "race").remove("office");

		assertInvalid(post("/api/nominations", candidate), "race.office");
		assertThat(post("/api/nominations", measure()).getResponse().getStatus()).isNotEqualTo(400);
	}

	@Test
	void raceIsDescribedOrNamedByIdNotBothNorNeither() {
		Map<String, Object> both = validNomination();
		both.put("raceId", "race-1");
		Map<String, Object> neither = validNomination();
		neither.remove("race");
		Map<String, Object> longId = validNomination();
		longId.remove("race");
		longId.put("raceId", "r".repeat(101));

		assertInvalid(post("/api/nominations", both), "raceId");
		assertInvalid(post("/api/nominations", neither), "race");
		assertInvalid(post("/api/nominations", longId), "raceId");
		assertNothingCalled();
	}

	@Test
	void malformedOcdDivisionOrUnknownStageIsNamed() {
		Map<String, Object> malformed = validNomination();
		part(malformed, "race").put("ocdDivisionId", "ocd-division/country:ca/province:on");
		Map<String, Object> otherState = validNomination();
		part(otherState, "race").put("ocdDivisionId", "ocd-division/country:us/state:ks/place:wichita");
		Map<String, Object> stage = validNomination();
		part(stage, "race").put("stage", "CAUCUS");

		assertInvalid(post("/api/nominations", malformed), "race.ocdDivisionId");
		assertInvalid(post("/api/nominations", otherState), "race.ocdDivisionId");
		assertInvalid(post("/api/nominations", stage), "race.stage");
		assertNothingCalled();
	}

	@Test
	void chapterFormsFieldsAreChecked() {
		Map<String, Object> withForm = validNomination();
		withForm.put("chapterForm", Map.of("statement", " ", "votesFor", -1));
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("statement", "s".repeat(5001));
		form.put("meetingDate", "yesterday");

		assertInvalid(post("/api/nominations", withForm), "chapterForm.statement", "chapterForm.meetingDate",
				"chapterForm.votesFor", "chapterForm.votesAgainst");
		// A date the JSON reader cannot parse is refused as the body (service-support's
		// reading of it).
		assertThat(post("/api/nominations/n-1/chapter-form", form)).hasStatus(HttpStatus.BAD_REQUEST);
		assertInvalid(post("/api/nominations/n-1/chapter-form", Map.of("statement", "s".repeat(5001))), "statement",
				"meetingDate", "votesFor", "votesAgainst");
		assertNothingCalled();
	}

	static Map<String, Object> entry(Map<String, Object> nomination) {
		Map<String, Object> entry = new LinkedHashMap<>(nomination);
		entry.remove("nominatedBy");
		entry.remove("statement");
		return entry;
	}

	@Test
	void slateEntriesAreCheckedEachUnderItsIndex() {
		Map<String, Object> unknownState = entry(validNomination());
		part(unknownState, "race").put("state", "ZZ");
		Map<String, Object> pastElection = entry(validNomination());
		part(pastElection, "race").put("electionDate", "2025-11-04");
		Map<String, Object> noNominee = entry(validNomination());
		noNominee.remove("candidate");
		Map<String, Object> slate = Map.of("name", "Slate", "nominations",
				List.of(entry(validNomination()), unknownState, pastElection, noNominee));

		assertInvalid(post("/api/slates", slate), "nominations[1].race.state", "nominations[2].race.electionDate",
				"nominations[3].candidate");
		assertNothingCalled();
	}

	@Test
	void slateNeedsANameAndOneToFiftyNominations() {
		List<Object> tooMany = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			tooMany.add(entry(validNomination()));
		}

		assertInvalid(post("/api/slates", Map.of("name", " ", "nominations", List.of())), "name", "nominations");
		assertInvalid(post("/api/slates", Map.of("name", "Slate")), "nominations");
		assertInvalid(post("/api/slates", Map.of("name", "Slate", "nominations", tooMany)), "nominations");
		assertNothingCalled();
	}

	@Test
	void researchAndRecommendationAreChecked() {
		Map<String, Object> research = new LinkedHashMap<>();
		research.put("incumbency", "EMPEROR");
		assertInvalid(put("/api/nominations/n-1/research", research), "incumbency");
		assertInvalid(
				put("/api/nominations/n-1/research",
						Map.of("opponents", List.of(Map.of("party", "R")), "polling",
								List.of(Map.of("source", "ftp://polls.example.org")), "fundraising",
								Map.of("amount", -5), "winNumber", -1, "notes", "n".repeat(10_001))),
				"opponents[0].name", "polling[0].source", "fundraising.amount", "winNumber", "notes");
		assertInvalid(put("/api/nominations/n-1/recommendation", Map.of("tier", "TIER_9")), "tier");
		assertInvalid(put("/api/nominations/n-1/recommendation", Map.of("rationale", "Why")), "recommendation");
		assertNothingCalled();
	}

	@Test
	void endorsementsCommandsAreChecked() {
		assertInvalid(post("/api/endorsements/e-1/rescind", Map.of("reason", " ")), "reason");
		assertInvalid(post("/api/endorsements/e-1/rescind", Map.of("reason", "r".repeat(5001))), "reason");
		assertInvalid(post("/api/endorsements/e-1/outcome", Map.of("result", "WON", "stage", "CAUCUS")), "stage");
		assertInvalid(post("/api/nominations/n-1/hold", Map.of("reason", "r".repeat(5001))), "reason");
		assertInvalid(post("/api/nominations/n-1/withdraw", Map.of("reason", "r".repeat(5001))), "reason");
		assertNothingCalled();
	}

	@Test
	void publicListsFiltersAreChecked() {
		assertInvalid(this.mvc.get().uri("/api/races?state=XX").exchange(), "state");
		assertInvalid(this.mvc.get().uri("/api/races?level=GALACTIC").exchange(), "level");
		assertInvalid(this.mvc.get().uri("/api/races?size=500").exchange(), "size");
		assertInvalid(this.mvc.get().uri("/api/endorsements?status=LOST").exchange(), "status");
		assertInvalid(this.mvc.get().uri("/api/endorsements/results?cycle=soon").exchange(), "cycle");
		assertNothingCalled();
	}

	@Test
	void pipelineCommandsAreStaffsButWithdrawingAndTheFormAreAlsoTheChaptersToTry() {
		String chapter = "Bearer " + TestTokens.chapter("chapter-stl");
		for (String uri : List.of("/api/nominations/n-1/hold", "/api/nominations/n-1/resume",
				"/api/nominations/n-1/questionnaire", "/api/endorsements/e-1/rescind")) {
			assertThat(this.mvc.post()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, chapter)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.exchange()).as(uri).hasStatus(HttpStatus.FORBIDDEN);
		}
		for (String uri : List.of("/api/nominations/n-1/research", "/api/nominations/n-1/recommendation")) {
			assertThat(this.mvc.put()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, chapter)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.exchange()).as(uri).hasStatus(HttpStatus.FORBIDDEN);
		}
		given(this.nominations.withdraw(any(), any(), any())).willReturn(NominationApiValidationTests.nomination());
		assertThat(this.mvc.post()
			.uri("/api/nominations/n-1/withdraw")
			.header(HttpHeaders.AUTHORIZATION, chapter)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange()).hasStatus(HttpStatus.OK);
		assertThat(this.mvc.post()
			.uri("/api/nominations/n-1/withdraw")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NominationApiValidationTests.NOW, ZoneOffset.UTC);
		}

	}

}
