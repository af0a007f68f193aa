package org.groundgame.endorsement.questionnaire.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Agreement;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Answer;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Kind;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Question;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Reply;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The questionnaire as a value, without the nomination that holds it: issued, opened
 * while its link works, answered once with every question.
 */
class AnsweringTheQuestionnaireTests {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final List<Question> QUESTIONS = List.of(new Question("q1", "Housing is a right.", Kind.AGREE_SCALE),
			new Question("q2", "Why are you running?", Kind.FREE_TEXT));

	static CandidateQuestionnaire issued() {
		return CandidateQuestionnaire.issued("c@example.org", "hash", NOW.plus(Duration.ofDays(14)), CLOCK);
	}

	@Test
	void anIssuedQuestionnaireIsUnansweredAndOpensUntilItsLinkExpires() {
		CandidateQuestionnaire questionnaire = issued();

		assertThat(questionnaire.issuedAt()).isEqualTo(NOW);
		assertThat(questionnaire.isCompleted()).isFalse();
		assertThat(questionnaire.answers()).isEmpty();
		assertThat(questionnaire.questionsAsked()).isEmpty();
		assertThat(questionnaire.open(CLOCK)).isSameAs(questionnaire);
		assertThatExceptionOfType(CandidateQuestionnaire.ExpiredException.class)
			.isThrownBy(() -> questionnaire.open(Clock.offset(CLOCK, Duration.ofDays(14))));
	}

	@Test
	void answeredItKeepsTheQuestionsAsAskedAndStillOpensAfterItsLinkExpired() {
		CandidateQuestionnaire answered = issued().answeredWith(List.of(new Reply("q2", null, " For my neighbors "),
				new Reply("q1", Agreement.AGREE, "With a comment")), QUESTIONS, CLOCK);

		assertThat(answered.completedAt()).isEqualTo(NOW);
		assertThat(answered.answers()).containsExactly(
				new Answer("q1", "Housing is a right.", Kind.AGREE_SCALE, Agreement.AGREE, "With a comment"),
				new Answer("q2", "Why are you running?", Kind.FREE_TEXT, null, "For my neighbors"));
		assertThat(answered.questionsAsked()).isEqualTo(QUESTIONS);
		assertThat(answered.open(Clock.offset(CLOCK, Duration.ofDays(30)))).isSameAs(answered);
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> answered.answeredWith(List.of(), List.of(), CLOCK));
	}

	@Test
	void everyAnswerAtFaultIsNamedAtOnce() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> issued().answeredWith(List.of(new Reply("q1", null, "no scale"),
					new Reply("nope", Agreement.AGREE, null), new Reply("q1", Agreement.AGREE, null)), QUESTIONS,
					CLOCK))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("answers[0].agreement", "answers[1].questionId", "answers[2].questionId", "answers"));
	}

}
