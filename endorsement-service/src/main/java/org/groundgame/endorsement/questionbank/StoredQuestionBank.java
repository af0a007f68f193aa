package org.groundgame.endorsement.questionbank;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The question bank read from the store at each call, so that a questionnaire shows the
 * bank as staff last revised it, whichever instance served the revision.
 */
@Component
class StoredQuestionBank implements QuestionBank {

	private final QuestionBankStore store;

	StoredQuestionBank(QuestionBankStore store) {
		this.store = store;
	}

	@Override
	public List<BankQuestion> questions(int cycle) {
		return this.store.find(cycle).map((document) -> document.toQuestionnaire().questions()).orElse(List.of());
	}

}
