package org.groundgame.endorsement.questionnaire;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/questionnaires/{cycle}}: the whole list of questions, and
 * optionally the version it was made from. The domain checks what needs the stored bank
 * (ids that are its own, none twice).
 */
record ReviseQuestionnaireRequest(@NotNull @Size(max = Questionnaire.MAX_QUESTIONS, message = "must hold at most "
		+ Questionnaire.MAX_QUESTIONS + " questions") List<@NotNull @Valid QuestionFields> questions,
		@PositiveOrZero Long version) {

	List<Questionnaire.Draft> toDrafts() {
		return this.questions.stream()
			.map((question) -> new Questionnaire.Draft(question.id(), question.text(), question.kind()))
			.toList();
	}

	/** A question: without an id it is a new one. */
	record QuestionFields(@Size(max = Questionnaire.MAX_ID) String id,
			@NotBlank @Size(max = Questionnaire.MAX_TEXT) String text, @NotNull AnswerKind kind) {
	}

}
