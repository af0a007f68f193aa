package org.groundgame.endorsement.questionbank;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CycleQuestionBankTests {

	static final Instant NOW = Instant.parse("2026-03-02T15:30:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static Supplier<String> ids() {
		AtomicInteger next = new AtomicInteger();
		return () -> "q" + next.incrementAndGet();
	}

	static CycleQuestionBank.Draft newQuestion(String text, AnswerKind kind) {
		return new CycleQuestionBank.Draft(null, text, kind);
	}

	static CycleQuestionBank twoQuestions() {
		return CycleQuestionBank.none(2026)
			.revise(List.of(newQuestion("Do you support Medicare for All?", AnswerKind.AGREE_SCALE),
					newQuestion("Why are you running?", AnswerKind.FREE_TEXT)), ids(), "staff-client", CLOCK);
	}

	static List<FieldError> errorsOf(Runnable revision) {
		return assertThatExceptionOfType(InvalidInputException.class).isThrownBy(revision::run).actual().errors();
	}

	@Test
	void aCycleWithoutABankHasNoQuestionsAndIsAtVersionZero() {
		CycleQuestionBank none = CycleQuestionBank.none(2026);

		assertThat(none.questions()).isEmpty();
		assertThat(none.version()).isZero();
		assertThat(none.revisedAt()).isNull();
	}

	@Test
	void newQuestionsGetIdsKeepTheirOrderAndTheRevisionIsRecorded() {
		CycleQuestionBank bank = twoQuestions();

		assertThat(bank.questions()).containsExactly(
				new BankQuestion("q1", "Do you support Medicare for All?", AnswerKind.AGREE_SCALE),
				new BankQuestion("q2", "Why are you running?", AnswerKind.FREE_TEXT));
		assertThat(bank.version()).isEqualTo(1);
		assertThat(bank.revisedAt()).isEqualTo(NOW);
		assertThat(bank.revisedBy()).isEqualTo("staff-client");
	}

	@Test
	void aKeptQuestionKeepsItsIdWhenReworded() {
		CycleQuestionBank bank = twoQuestions();

		CycleQuestionBank revised = bank.revise(
				List.of(newQuestion("Will you refuse corporate PAC money?", AnswerKind.AGREE_SCALE),
						new CycleQuestionBank.Draft("q2", "Why are you running, and why now?", AnswerKind.FREE_TEXT)),
				() -> "fresh", "other-staff", CLOCK);

		assertThat(revised.questions()).containsExactly(
				new BankQuestion("fresh", "Will you refuse corporate PAC money?", AnswerKind.AGREE_SCALE),
				new BankQuestion("q2", "Why are you running, and why now?", AnswerKind.FREE_TEXT));
		assertThat(revised.version()).isEqualTo(2);
		assertThat(revised.revisedBy()).isEqualTo("other-staff");
	}

	@Test
	void questionsLeftOutAreRemovedAndAnEmptyBankIsAllowed() {
		CycleQuestionBank emptied = twoQuestions().revise(List.of(), ids(), "staff-client", CLOCK);

		assertThat(emptied.questions()).isEmpty();
		assertThat(emptied.version()).isEqualTo(2);
	}

	@Test
	void surroundingBlanksDoNotCount() {
		CycleQuestionBank bank = twoQuestions().revise(
				List.of(new CycleQuestionBank.Draft("  q1 ", "  Do you support a Green New Deal?\n",
						AnswerKind.AGREE_SCALE),
						new CycleQuestionBank.Draft("  ", "New question", AnswerKind.FREE_TEXT)),
				() -> "fresh", "staff-client", CLOCK);

		assertThat(bank.questions()).containsExactly(
				new BankQuestion("q1", "Do you support a Green New Deal?", AnswerKind.AGREE_SCALE),
				new BankQuestion("fresh", "New question", AnswerKind.FREE_TEXT));
	}

	@Test
	void everyQuestionAtFaultIsNamedAtOnce() {
		CycleQuestionBank bank = twoQuestions();
		List<CycleQuestionBank.Draft> drafts = new ArrayList<>();
		drafts.add(new CycleQuestionBank.Draft("q1", "Fine", AnswerKind.AGREE_SCALE));
		drafts.add(new CycleQuestionBank.Draft(null, " ", AnswerKind.AGREE_SCALE));
		drafts.add(new CycleQuestionBank.Draft(null, "x".repeat(CycleQuestionBank.MAX_TEXT + 1), null));
		drafts.add(null);

		List<FieldError> errors = errorsOf(() -> bank.revise(drafts, ids(), "staff-client", CLOCK));

		assertThat(errors).extracting(FieldError::field)
			.containsExactly("questions[1].text", "questions[2].text", "questions[2].kind", "questions[3]");
		assertThat(errors.get(1).message()).isEqualTo("must be at most 2000 characters");
	}

	@Test
	void textOfExactlyTheLimitIsAccepted() {
		String longest = "x".repeat(CycleQuestionBank.MAX_TEXT);

		CycleQuestionBank bank = CycleQuestionBank.none(2026)
			.revise(List.of(newQuestion(longest, AnswerKind.FREE_TEXT)), ids(), "staff-client", CLOCK);

		assertThat(bank.questions()).singleElement().extracting(BankQuestion::text).isEqualTo(longest);
	}

	@Test
	void anIdUsedTwiceIsRefusedNamingTheFirstUse() {
		CycleQuestionBank bank = twoQuestions();

		List<FieldError> errors = errorsOf(
				() -> bank.revise(
						List.of(new CycleQuestionBank.Draft("q1", "A", AnswerKind.AGREE_SCALE),
								new CycleQuestionBank.Draft("q2", "B", AnswerKind.FREE_TEXT),
								new CycleQuestionBank.Draft("q1", "C", AnswerKind.FREE_TEXT)),
						ids(), "staff-client", CLOCK));

		assertThat(errors).containsExactly(new FieldError("questions[2].id", "is also the id of questions[0]"));
	}

	@Test
	void anIdThatIsNotOneOfTheBanksQuestionsIsRefused() {
		CycleQuestionBank bank = twoQuestions();

		List<FieldError> errors = errorsOf(() -> bank.revise(
				List.of(new CycleQuestionBank.Draft("made-up", "A", AnswerKind.AGREE_SCALE)), ids(), "staff", CLOCK));

		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("questions[0].id");
			assertThat(error.message()).contains("not a question of the 2026 bank");
		});
	}

	@Test
	void anOversizeIdIsRefused() {
		List<FieldError> errors = errorsOf(() -> twoQuestions().revise(List
			.of(new CycleQuestionBank.Draft("i".repeat(CycleQuestionBank.MAX_ID + 1), "A", AnswerKind.AGREE_SCALE)),
				ids(), "staff", CLOCK));

		assertThat(errors).containsExactly(new FieldError("questions[0].id", "must be at most 100 characters"));
	}

	@Test
	void aHundredQuestionsAreAllowedButNotMore() {
		List<CycleQuestionBank.Draft> hundred = Collections.nCopies(CycleQuestionBank.MAX_QUESTIONS,
				newQuestion("Same text is fine", AnswerKind.AGREE_SCALE));
		List<CycleQuestionBank.Draft> tooMany = new ArrayList<>(hundred);
		tooMany.add(newQuestion("One more", AnswerKind.FREE_TEXT));

		CycleQuestionBank full = CycleQuestionBank.none(2026).revise(hundred, ids(), "staff", CLOCK);
		List<FieldError> errors = errorsOf(() -> CycleQuestionBank.none(2026).revise(tooMany, ids(), "staff", CLOCK));

		assertThat(full.questions()).hasSize(100).extracting(BankQuestion::id).doesNotHaveDuplicates();
		assertThat(errors).containsExactly(new FieldError("questions", "must hold at most 100 questions"));
	}

	@Test
	void aMissingListIsRefused() {
		assertThat(errorsOf(() -> CycleQuestionBank.none(2026).revise(null, ids(), "staff", CLOCK)))
			.containsExactly(new FieldError("questions", "must not be null"));
	}

	@Test
	void aRefusedRevisionChangesNothing() {
		CycleQuestionBank bank = twoQuestions();
		List<BankQuestion> before = bank.questions();

		errorsOf(() -> bank.revise(List.of(newQuestion("", AnswerKind.FREE_TEXT)), ids(), "staff", CLOCK));

		assertThat(bank.questions()).isEqualTo(before);
		assertThat(bank.version()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1999, 2101, 0, -2026 })
	void cyclesOutsideTheRangeAreRefused(int cycle) {
		assertThat(errorsOf(() -> CycleQuestionBank.none(cycle)))
			.containsExactly(new FieldError("cycle", "must be between 2000 and 2100"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2000, 2026, 2100 })
	void cyclesInsideTheRangeAreAccepted(int cycle) {
		assertThat(CycleQuestionBank.none(cycle).cycle()).isEqualTo(cycle);
	}

}
