package org.groundgame.endorsement.questionnaire;

import org.groundgame.endorsement.SecurityConfiguration;
import org.groundgame.security.ApiSecurityAutoConfiguration;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP edge of the candidate's questionnaire: answers of the wrong shape are a
 * {@code 400} naming every field at fault, and reach no application service.
 */
@WebMvcTest(CandidateQuestionnaireController.class)
@Import({ SecurityConfiguration.class, TestIssuerConfiguration.class })
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class CandidateQuestionnaireApiValidationTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	CandidateQuestionnaires questionnaires;

	MvcTestResult answer(String body) {
		return this.mvc.put()
			.uri("/api/questionnaire")
			.header(CandidateQuestionnaireController.TOKEN, "t")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	static void assertInvalid(MvcTestResult result, String... fields) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder((Object[]) fields);
	}

	@Test
	void candidatesAnswersAreChecked() {
		assertInvalid(answer("{}"), "answers");
		assertInvalid(answer("{\"answers\":[{\"questionId\":\"q1\",\"agreement\":\"YES\"}]}"), "answers[0].agreement");
		verifyNoInteractions(this.questionnaires);
	}

}
