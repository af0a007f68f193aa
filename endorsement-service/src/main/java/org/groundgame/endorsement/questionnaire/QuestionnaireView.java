package org.groundgame.endorsement.questionnaire;

import java.time.Instant;
import java.util.List;

/**
 * A cycle's question bank as staff see it. {@code version} is what a revision may send
 * back to say which bank it replaces.
 */
record QuestionnaireView(int cycle, long version, List<QuestionView> questions, Instant revisedAt, String revisedBy) {

	static QuestionnaireView of(Questionnaire questionnaire) {
		return new QuestionnaireView(questionnaire.cycle(), questionnaire.version(),
				questionnaire.questions()
					.stream()
					.map((question) -> new QuestionView(question.id(), question.text(), question.kind()))
					.toList(),
				questionnaire.revisedAt(), questionnaire.revisedBy());
	}

	record QuestionView(String id, String text, AnswerKind kind) {
	}

}
