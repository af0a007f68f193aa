package org.groundgame.endorsement.questionnaire;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.race.RaceView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate's side of the questionnaire, without an account: the capability token of
 * their private link, sent in the {@value #TOKEN} header (never in a URL, so no log or
 * referrer ever holds it), is all they need. A missing or unknown token is a {@code 401},
 * an expired link a {@code 410}, a questionnaire already answered (or a nomination no
 * longer pending) a {@code 409}.
 */
@RestController
@Tag(name = "Candidate questionnaire",
		description = "The candidate answering their nomination's questionnaire through the private link they were sent")
@RequestMapping("/api/questionnaire")
class CandidateQuestionnaireController {

	static final String TOKEN = "X-Questionnaire-Token";

	private final CandidateQuestionnaires questionnaires;

	CandidateQuestionnaireController(CandidateQuestionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@Operation(summary = "Open the questionnaire of the link's nomination (candidate, by link token)")
	@GetMapping
	QuestionnaireView questionnaire(@RequestHeader(name = TOKEN, required = false) String token) {
		return QuestionnaireView.of(this.questionnaires.open(token));
	}

	@Operation(summary = "Answer the questionnaire (candidate, by link token)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Every question answered",
							value = "{\"answers\":[{\"questionId\":\"q-housing\",\"agreement\":\"STRONGLY_AGREE\"},{\"questionId\":\"q-why\",\"text\":\"Because my neighbors are being priced out.\"}]}"))))
	@PutMapping
	QuestionnaireView answer(@RequestHeader(name = TOKEN, required = false) String token,
			@Valid @RequestBody AnswersRequest request) {
		return QuestionnaireView.of(this.questionnaires.answer(token, request.answers()
			.stream()
			.map((answer) -> new CandidateQuestionnaire.Reply(answer.questionId(), answer.agreement(), answer.text()))
			.toList()));
	}

	/** The body of {@code PUT /api/questionnaire}: one answer per question. */
	record AnswersRequest(@NotNull @Size(max = Limits.ANSWERS) List<@NotNull @Valid AnswerFields> answers) {
	}

	record AnswerFields(@Size(max = Limits.ID) String questionId, CandidateQuestionnaire.Agreement agreement,
			@Size(max = Limits.STATEMENT) String text) {
	}

	/**
	 * What the candidate sees: who and which race the questionnaire is for, the questions
	 * (as asked, once answered), their answers and when the link expires. No contact
	 * details.
	 */
	record QuestionnaireView(String nominationId, String candidateName, RaceView race, List<QuestionView> questions,
			List<CandidateQuestionnaire.Answer> answers, Instant completedAt, Instant expiresAt) {

		static QuestionnaireView of(CandidateQuestionnaires.Opened opened) {
			CandidateQuestionnaire questionnaire = opened.nomination().questionnaire();
			return new QuestionnaireView(opened.nomination().nominationId(), opened.nomination().nomineeName(),
					RaceView.of(opened.nomination().race()),
					opened.questions()
						.stream()
						.map((question) -> new QuestionView(question.id(), question.text(), question.kind()))
						.toList(),
					questionnaire.answers(), questionnaire.completedAt(), questionnaire.expiresAt());
		}

	}

	record QuestionView(String id, String text, CandidateQuestionnaire.Kind kind) {
	}

}
