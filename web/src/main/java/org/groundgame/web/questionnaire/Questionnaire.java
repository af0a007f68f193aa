package org.groundgame.web.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A candidate's questionnaire as endorsement-service shows it to the holder of its link.
 *
 * @param nominationId the nomination it belongs to
 * @param candidateName the candidate's name
 * @param race the race
 * @param questions the questions
 * @param answers the answers given so far
 * @param completedAt when it was sent, or none
 * @param expiresAt when the link stops working
 */
public record Questionnaire(String nominationId, String candidateName, Race race, List<Question> questions,
		List<Answer> answers, Instant completedAt, Instant expiresAt) {

	/** The agreement scale, from one end to the other. */
	public static final List<String> AGREEMENTS = List.of("STRONGLY_AGREE", "AGREE", "NEUTRAL", "DISAGREE",
			"STRONGLY_DISAGREE");

	public Questionnaire {
		questions = (questions != null) ? questions : List.of();
		answers = (answers != null) ? answers : List.of();
	}

	public boolean completed() {
		return this.completedAt != null;
	}

	/** The answer given to a question, if any. */
	public Optional<Answer> answerTo(String questionId) {
		return this.answers.stream().filter((answer) -> questionId.equals(answer.questionId())).findFirst();
	}

	public String agreementOf(String questionId) {
		return answerTo(questionId).map(Answer::agreement).orElse(null);
	}

	public String textOf(String questionId) {
		return answerTo(questionId).map(Answer::text).orElse(null);
	}

	/**
	 * @param office the office
	 * @param state the state
	 * @param district the district
	 * @param electionDate the election's date
	 */
	public record Race(String office, String state, String district, java.time.LocalDate electionDate) {

	}

	/**
	 * @param id the question's id
	 * @param text what is asked
	 * @param kind {@code AGREE_SCALE} or {@code FREE_TEXT}
	 */
	public record Question(String id, String text, String kind) {

		public boolean scale() {
			return "AGREE_SCALE".equals(this.kind);
		}

	}

	/**
	 * @param questionId the question's id
	 * @param questionText what was asked
	 * @param kind how it is answered
	 * @param agreement the agreement chosen
	 * @param text the answer in the candidate's words
	 */
	public record Answer(String questionId, String questionText, String kind, String agreement, String text) {

	}

}
