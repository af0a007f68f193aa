package org.groundgame.endorsement.nomination.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.groundgame.endorsement.common.domain.Text;

/**
 * The candidate questionnaire a nominated candidate was invited to answer, and the
 * answers once given. Only the SHA-256 of the invitation's capability token is kept: the
 * token itself travels only in the e-mail to the candidate.
 *
 * @param email where the invitation went; private
 * @param tokenHash the hex SHA-256 of the capability token
 * @param answers the answers with the questions as they were asked; empty until completed
 * @param completedAt when the candidate answered, or {@code null}
 */
public record Questionnaire(String email, String tokenHash, Instant issuedAt, Instant expiresAt, List<Answer> answers,
		Instant completedAt) {

	public Questionnaire {
		email = Text.required(email, "email");
		tokenHash = Text.required(tokenHash, "tokenHash");
		Text.required(issuedAt, "issuedAt");
		Text.required(expiresAt, "expiresAt");
		answers = (answers != null) ? List.copyOf(answers) : List.of();
	}

	public boolean isCompleted() {
		return this.completedAt != null;
	}

	public boolean hasExpired(Clock clock) {
		return !clock.instant().isBefore(this.expiresAt);
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
