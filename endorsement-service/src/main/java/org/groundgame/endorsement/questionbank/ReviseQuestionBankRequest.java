package org.groundgame.endorsement.questionbank;

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
record ReviseQuestionBankRequest(
		@NotNull @Size(max = CycleQuestionBank.MAX_QUESTIONS, message = "must hold at most "
				+ CycleQuestionBank.MAX_QUESTIONS + " questions") List<@NotNull @Valid QuestionFields> questions,
		@PositiveOrZero Long version) {

	List<CycleQuestionBank.Draft> toDrafts() {
		return this.questions.stream()
			.map((question) -> new CycleQuestionBank.Draft(question.id(), question.text(), question.kind()))
			.toList();
	}

	/** A question: without an id it is a new one. */
	record QuestionFields(@Size(max = CycleQuestionBank.MAX_ID) String id,
			@NotBlank @Size(max = CycleQuestionBank.MAX_TEXT) String text, @NotNull AnswerKind kind) {
	}

}
