package org.groundgame.endorsement.questionbank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.groundgame.support.domain.InvalidInputException;

/**
 * A cycle's question bank as staff keep it: the questions every candidate of that cycle
 * is asked. Staff replace the whole list at once; a question they keep keeps its id (so
 * that answers already given still name it), a new one gets an id here.
 *
 * @param cycle the election year
 * @param version how many times the bank was revised: {@code 0} for a cycle that has none
 * yet
 * @param questions in the order staff put them
 * @param revisedAt when it was last revised, {@code null} if never
 * @param revisedBy the token subject of who revised it last, {@code null} if never
 */
record CycleQuestionBank(int cycle, long version, List<BankQuestion> questions, Instant revisedAt, String revisedBy) {

	static final int FIRST_CYCLE = 2000;

	static final int LAST_CYCLE = 2100;

	static final int MAX_QUESTIONS = 100;

	static final int MAX_TEXT = 2000;

	static final int MAX_ID = 100;

	CycleQuestionBank {
		requireCycle(cycle);
		questions = List.copyOf(questions);
	}

	/** The bank of a cycle that staff have not set: no questions. */
	static CycleQuestionBank none(int cycle) {
		return new CycleQuestionBank(cycle, 0, List.of(), null, null);
	}

	/**
	 * Refuses an election year outside what the platform plans for.
	 * @throws InvalidInputException naming {@code cycle}
	 */
	static void requireCycle(int cycle) {
		if (cycle < FIRST_CYCLE || cycle > LAST_CYCLE) {
			throw new InvalidInputException("cycle", "must be between " + FIRST_CYCLE + " and " + LAST_CYCLE);
		}
	}

	/**
	 * The bank with these questions instead of the current ones. A draft with an id
	 * revises that question; one without becomes a new question. An empty list is
	 * allowed: the cycle's candidates are then asked nothing.
	 * @param drafts the questions, in order
	 * @param newId gives the id of each new question
	 * @param revisedBy the token subject of who revises
	 * @param clock the time of the revision
	 * @return the next version of the bank
	 * @throws InvalidInputException naming every question at fault (blank or oversize
	 * text, a missing kind, an id that is not one of this bank's or is used twice) or
	 * {@code questions} when there are too many
	 */
	CycleQuestionBank revise(List<Draft> drafts, Supplier<String> newId, String revisedBy, Clock clock) {
		if (drafts == null) {
			throw new InvalidInputException("questions", "must not be null");
		}
		if (drafts.size() > MAX_QUESTIONS) {
			throw new InvalidInputException("questions", "must hold at most " + MAX_QUESTIONS + " questions");
		}
		Set<String> known = new HashSet<>();
		this.questions.forEach((question) -> known.add(question.id()));
		Map<String, Integer> firstUse = new HashMap<>();
		List<FieldError> errors = new ArrayList<>();
		List<BankQuestion> revised = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			String field = "questions[" + i + "]";
			Draft draft = drafts.get(i);
			if (draft == null) {
				errors.add(new FieldError(field, "must not be null"));
				continue;
			}
			String id = stripped(draft.id());
			String text = stripped(draft.text());
			if (id != null) {
				Integer earlier = firstUse.putIfAbsent(id, i);
				if (id.length() > MAX_ID) {
					errors.add(new FieldError(field + ".id", "must be at most " + MAX_ID + " characters"));
				}
				else if (earlier != null) {
					errors.add(new FieldError(field + ".id", "is also the id of questions[" + earlier + "]"));
				}
				else if (!known.contains(id)) {
					errors.add(new FieldError(field + ".id", "is not a question of the " + this.cycle
							+ " bank; leave the id out to add a new question"));
				}
			}
			if (text == null) {
				errors.add(new FieldError(field + ".text", "must not be blank"));
			}
			else if (text.length() > MAX_TEXT) {
				errors.add(new FieldError(field + ".text", "must be at most " + MAX_TEXT + " characters"));
			}
			if (draft.kind() == null) {
				errors.add(new FieldError(field + ".kind", "must not be null"));
			}
			revised.add(new BankQuestion(id, text, draft.kind()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<BankQuestion> withIds = revised.stream()
			.map((question) -> (question.id() != null) ? question
					: new BankQuestion(newId.get(), question.text(), question.kind()))
			.toList();
		return new CycleQuestionBank(this.cycle, this.version + 1, withIds, clock.instant(), revisedBy);
	}

	private static String stripped(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * A question as staff send it.
	 *
	 * @param id the question it revises, or {@code null} for a new one
	 */
	record Draft(String id, String text, AnswerKind kind) {

	}

}
