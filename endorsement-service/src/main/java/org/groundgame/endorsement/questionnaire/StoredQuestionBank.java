package org.groundgame.endorsement.questionnaire;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The question bank read from the store at each call, so that a questionnaire shows the
 * bank as staff last revised it, whichever instance served the revision.
 */
@Component
class StoredQuestionBank implements QuestionBank {

	private final QuestionnaireRepository repository;

	StoredQuestionBank(QuestionnaireRepository repository) {
		this.repository = repository;
	}

	@Override
	public List<BankQuestion> questions(int cycle) {
		return this.repository.findById(cycle)
			.map((document) -> document.toQuestionnaire().questions())
			.orElse(List.of());
	}

}
