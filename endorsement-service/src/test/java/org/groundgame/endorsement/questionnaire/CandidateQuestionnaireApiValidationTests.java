package org.groundgame.endorsement.questionnaire;

import org.groundgame.endorsement.SecurityConfiguration;
import org.groundgame.security.ApiSecurityAutoConfiguration;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.groundgame.endorsement.InvalidRequests.assertInvalid;
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

	@Test
	void candidatesAnswersAreChecked() {
		assertInvalid(answer("{}"), "answers");
		assertInvalid(answer("{\"answers\":[{\"questionId\":\"q1\",\"agreement\":\"YES\"}]}"), "answers[0].agreement");
		verifyNoInteractions(this.questionnaires);
	}

}
