package org.groundgame.endorsement.questionbank;

import java.time.Instant;
import java.util.List;

/**
 * A cycle's question bank as staff see it. {@code version} is what a revision may send
 * back to say which bank it replaces.
 */
record QuestionBankView(int cycle, long version, List<QuestionView> questions, Instant revisedAt, String revisedBy) {

	static QuestionBankView of(CycleQuestionBank questionnaire) {
		return new QuestionBankView(questionnaire.cycle(), questionnaire.version(),
				questionnaire.questions()
					.stream()
					.map((question) -> new QuestionView(question.id(), question.text(), question.kind()))
					.toList(),
				questionnaire.revisedAt(), questionnaire.revisedBy());
	}

	record QuestionView(String id, String text, AnswerKind kind) {
	}

}
