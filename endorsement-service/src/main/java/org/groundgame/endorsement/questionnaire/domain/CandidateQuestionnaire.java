package org.groundgame.endorsement.questionnaire.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.groundgame.endorsement.common.domain.Text;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;

/**
 * The candidate questionnaire a nominated candidate was invited to answer, and the
 * answers once given. Only the SHA-256 of the invitation's capability token is kept: the
 * token itself travels only in the e-mail to the candidate.
 * <p>
 * A value: issuing and answering give a new questionnaire; the nomination that holds it
 * decides whether it may be issued or answered at all (pending, of a candidate) and
 * announces the change.
 *
 * @param email where the invitation went; private
 * @param tokenHash the hex SHA-256 of the capability token
 * @param answers the answers with the questions as they were asked; empty until completed
 * @param completedAt when the candidate answered, or {@code null}
 */
public record CandidateQuestionnaire(String email, String tokenHash, Instant issuedAt, Instant expiresAt,
		List<Answer> answers, Instant completedAt) {

	public CandidateQuestionnaire {
		email = Text.required(email, "email");
		tokenHash = Text.required(tokenHash, "tokenHash");
		Text.required(issuedAt, "issuedAt");
		Text.required(expiresAt, "expiresAt");
		answers = (answers != null) ? List.copyOf(answers) : List.of();
	}

	/**
	 * A questionnaire sent now, not yet answered.
	 * @param tokenHash the hash of the token in the private link sent to {@code email}
	 */
	public static CandidateQuestionnaire issued(String email, String tokenHash, Instant expiresAt, Clock clock) {
		return new CandidateQuestionnaire(email, tokenHash, clock.instant(), expiresAt, List.of(), null);
	}

	public boolean isCompleted() {
		return this.completedAt != null;
	}

	public boolean hasExpired(Clock clock) {
		return !clock.instant().isBefore(this.expiresAt);
	}

	/**
	 * Checks that the questionnaire may still be read through its link: not expired,
	 * unless answered (an answered questionnaire stays readable).
	 * @throws ExpiredException when its link has expired
	 */
	public CandidateQuestionnaire open(Clock clock) {
		if (hasExpired(clock) && !isCompleted()) {
			throw new ExpiredException();
		}
		return this;
	}

	/**
	 * @throws IllegalStateChangeException when the candidate answered it already
	 */
	public void requireUnanswered() {
		if (isCompleted()) {
			throw new IllegalStateChangeException("The questionnaire has been answered already",
					"QUESTIONNAIRE_COMPLETED");
		}
	}

	/**
	 * The questionnaire answered: every question of the bank, on the agreement scale or
	 * in words, as each question asks; kept with the questions as they were asked.
	 * @param questions the bank's questions for the race's cycle
	 * @throws InvalidInputException naming {@code answers[i].…} for each answer at fault
	 * @throws IllegalStateChangeException when it was answered already
	 */
	public CandidateQuestionnaire answeredWith(List<Reply> replies, List<Question> questions, Clock clock) {
		requireUnanswered();
		return new CandidateQuestionnaire(this.email, this.tokenHash, this.issuedAt, this.expiresAt,
				answersTo(replies, questions), clock.instant());
	}

	/** The questions as they were asked, in order; empty until answered. */
	public List<Question> questionsAsked() {
		return this.answers.stream()
			.map((answer) -> new Question(answer.questionId(), answer.questionText(), answer.kind()))
			.toList();
	}

	private static List<Answer> answersTo(List<Reply> replies, List<Question> questions) {
		Map<String, Question> byId = new HashMap<>();
		questions.forEach((question) -> byId.put(question.id(), question));
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Map<String, Answer> answers = new HashMap<>();
		Set<String> seen = new HashSet<>();
		List<Reply> given = (replies != null) ? replies : List.of();
		for (int i = 0; i < given.size(); i++) {
			Reply reply = given.get(i);
			String field = "answers[" + i + "]";
			Question question = (reply != null) ? byId.get(reply.questionId()) : null;
			if (question == null) {
				errors.add(new InvalidInputException.FieldError(field + ".questionId", "is not a question asked"));
				continue;
			}
			if (!seen.add(question.id())) {
				errors.add(new InvalidInputException.FieldError(field + ".questionId", "is answered twice"));
				continue;
			}
			String text = Text.optional(reply.text());
			if (question.kind() == Kind.AGREE_SCALE && reply.agreement() == null) {
				errors.add(new InvalidInputException.FieldError(field + ".agreement",
						"must say how much you agree with the statement"));
				continue;
			}
			if (question.kind() == Kind.FREE_TEXT && text == null) {
				errors.add(new InvalidInputException.FieldError(field + ".text", "must not be blank"));
				continue;
			}
			answers.put(question.id(), new Answer(question.id(), question.text(), question.kind(),
					(question.kind() == Kind.AGREE_SCALE) ? reply.agreement() : null, text));
		}
		List<String> unanswered = questions.stream()
			.map(Question::id)
			.filter((questionId) -> !seen.contains(questionId))
			.toList();
		if (!unanswered.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("answers",
					"every question must be answered; missing: " + String.join(", ", unanswered)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return questions.stream().map((question) -> answers.get(question.id())).toList();
	}

	/** A question as the bank asks it. */
	public record Question(String id, String text, Kind kind) {

	}

	/**
	 * How a question is answered: on the agreement scale, or in the candidate's words.
	 */
	public enum Kind {

		AGREE_SCALE, FREE_TEXT

	}

	/** How much the candidate agrees with a statement. */
	public enum Agreement {

		STRONGLY_DISAGREE, DISAGREE, NEUTRAL, AGREE, STRONGLY_AGREE

	}

	/**
	 * An answer, kept with the question's text and kind as asked (the bank may change
	 * later).
	 */
	public record Answer(String questionId, String questionText, Kind kind, Agreement agreement, String text) {

	}

	/** What the candidate sends for one question. */
	public record Reply(String questionId, Agreement agreement, String text) {

	}

	/** The link has expired; the candidate must ask staff for a new one. */
	public static class ExpiredException extends RuntimeException {

		public ExpiredException() {
			super("This questionnaire link has expired; ask the organization for a new one.");
		}

	}

}
