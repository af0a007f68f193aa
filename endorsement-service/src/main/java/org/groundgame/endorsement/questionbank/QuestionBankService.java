package org.groundgame.endorsement.questionbank;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.groundgame.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * National staff keep a question bank per cycle. Only staff read or revise it: a
 * chapter's token is a {@code 403} here whatever the web's filter chain says.
 * <p>
 * A revision may say which version of the bank it was made from; if the bank has been
 * revised since, it is refused ({@code 409}) rather than undoing the other revision. Two
 * revisions made at the same time from the same reading collide on the stored version
 * (or, for a cycle's first bank, on its id) whether or not they say so: the later one is
 * a {@code 409} too.
 */
@Service
class QuestionBankService {

	private static final Logger log = LoggerFactory.getLogger(QuestionBankService.class);

	private final QuestionBankStore store;

	private final Clock clock;

	QuestionBankService(QuestionBankStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** The bank of a cycle, empty (version 0) when staff have set none. */
	CycleQuestionBank questionnaire(Caller caller, int cycle) {
		caller.requireStaff();
		CycleQuestionBank.requireCycle(cycle);
		return load(cycle).toQuestionnaire();
	}

	/**
	 * Replaces the questions of a cycle's bank.
	 * @param expectedVersion the version the caller read, or {@code null} to revise
	 * whatever is there
	 * @throws OptimisticLockingFailureException when the bank is no longer at the
	 * expected version
	 */
	CycleQuestionBank revise(Caller caller, int cycle, Long expectedVersion, List<CycleQuestionBank.Draft> questions) {
		caller.requireStaff();
		CycleQuestionBank.requireCycle(cycle);
		QuestionBankDocument document = load(cycle);
		CycleQuestionBank current = document.toQuestionnaire();
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new OptimisticLockingFailureException(
					"The " + cycle + " question bank is at version " + current.version() + ", not " + expectedVersion);
		}
		CycleQuestionBank revised = current.revise(questions, () -> UUID.randomUUID().toString(), caller.subject(),
				this.clock);
		this.store.write(document, document.revisedTo(revised));
		log.info("Question bank {} revised to version {} ({} questions) by {}", cycle, revised.version(),
				revised.questions().size(), caller);
		return revised;
	}

	private QuestionBankDocument load(int cycle) {
		return this.store.find(cycle).orElseGet(() -> QuestionBankDocument.none(cycle));
	}

}
