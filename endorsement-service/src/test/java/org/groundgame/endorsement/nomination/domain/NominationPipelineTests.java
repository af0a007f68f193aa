package org.groundgame.endorsement.nomination.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Agreement;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Kind;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Question;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire.Reply;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.events.endorsement.QuestionnaireCompleted;
import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.geography.UsState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.groundgame.endorsement.nomination.domain.NominationTests.CLOCK;
import static org.groundgame.endorsement.nomination.domain.NominationTests.ELECTION_DAY;
import static org.groundgame.endorsement.nomination.domain.NominationTests.NOW;
import static org.groundgame.endorsement.nomination.domain.NominationTests.NO_HISTORY;
import static org.groundgame.endorsement.nomination.domain.NominationTests.endorsed;
import static org.groundgame.endorsement.nomination.domain.NominationTests.in;
import static org.groundgame.endorsement.nomination.domain.NominationTests.submitted;
import static org.groundgame.endorsement.nomination.domain.NominationTests.underReview;

/**
 * The endorsement process beyond submitting and deciding: races and their divisions,
 * ballot measures, holds, research, recommendations, withdrawal, expiry, rescinding,
 * outcomes per stage, the chapter's form and the candidate's questionnaire. Every
 * transition, legal and illegal.
 */
class NominationPipelineTests {

	static final Clock AFTER_THE_ELECTION = Clock
		.fixed(ELECTION_DAY.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

	static void assertRefused(NominationStatus status, Runnable command) {
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(command::run)
			.withMessageContaining(status.name())
			.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(status.name()));
	}

	static Race measureRace() {
		return new Race("ignored", RaceLevel.STATE, UsState.MO, null, null, ELECTION_DAY, null, null, false, "race-1")
			.asBallotMeasure("Amendment 3");
	}

	static Nomination measure() {
		return Nomination
			.submit(Nomination.Nominee.position(new BallotPosition("Amendment 3", BallotPosition.Position.YES)),
					measureRace(), Nominator.chapter("chapter-stl"), null, null, CLOCK)
			.nomination();
	}

	@Nested
	class Races {

		@Test
		void raceWithoutADivisionIsInItsStatesAndInTheGeneralElection() {
			Race race = new Race("Mayor", RaceLevel.LOCAL, UsState.MO, null, "St. Louis", ELECTION_DAY);

			assertThat(race.ocdDivisionId()).isEqualTo("ocd-division/country:us/state:mo");
			assertThat(race.stage()).isEqualTo(RaceStage.GENERAL);
			assertThat(new Race("Mayor", RaceLevel.LOCAL, UsState.DC, null, null, ELECTION_DAY).ocdDivisionId())
				.isEqualTo("ocd-division/country:us/district:dc");
			assertThat(new Race("Governor", RaceLevel.STATE, UsState.PR, null, null, ELECTION_DAY).ocdDivisionId())
				.isEqualTo("ocd-division/country:us/territory:pr");
		}

		@Test
		void divisionMustBeAnOcdIdWithinTheRacesState() {
			for (String malformed : List.of("ocd-division/country:ca/province:on", "state:mo",
					"ocd-division/country:us", "ocd-division/country:us/state:mo/place",
					"ocd-division/country:us/state:mo/place:st louis")) {
				assertThatExceptionOfType(InvalidInputException.class)
					.isThrownBy(() -> new Race("Mayor", RaceLevel.LOCAL, UsState.MO, null, null, ELECTION_DAY,
							malformed, null, false, null))
					.satisfies((ex) -> assertThat(ex.errors()).singleElement()
						.satisfies((error) -> assertThat(error.field()).isEqualTo("race.ocdDivisionId")));
			}
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new Race("Mayor", RaceLevel.LOCAL, UsState.KS, null, null, ELECTION_DAY,
						"ocd-division/country:us/state:mo/place:st_louis", null, false, null))
				.withMessageContaining("race.ocdDivisionId");
		}

		@Test
		void divisionIsAcceptedInAnyCaseAndKeptInLowerCase() {
			Race race = new Race("Mayor", RaceLevel.LOCAL, UsState.MO, null, null, ELECTION_DAY,
					"OCD-Division/country:us/state:MO/place:st_louis", RaceStage.PRIMARY, false, null);

			assertThat(race.ocdDivisionId()).isEqualTo("ocd-division/country:us/state:mo/place:st_louis");
			assertThat(race.summary().stage()).isEqualTo("PRIMARY");
			assertThat(race.summary().ocdDivisionId()).isEqualTo(race.ocdDivisionId());
		}

		@Test
		void theSameRaceIsKnownWhateverTheCaseAccentsOrBlanksOfItsOffice() {
			Race one = new Race("State Representative", RaceLevel.STATE, UsState.MO, "79", null, ELECTION_DAY);
			Race same = new Race("  state  representative ", RaceLevel.STATE, UsState.MO, " 79", null, ELECTION_DAY);
			Race otherDistrict = new Race("State Representative", RaceLevel.STATE, UsState.MO, "80", null,
					ELECTION_DAY);
			Race primary = new Race("State Representative", RaceLevel.STATE, UsState.MO, "79", null, ELECTION_DAY, null,
					RaceStage.PRIMARY, false, null);

			assertThat(same.naturalKey()).isEqualTo(one.naturalKey());
			assertThat(otherDistrict.naturalKey()).isNotEqualTo(one.naturalKey());
			assertThat(primary.naturalKey()).isNotEqualTo(one.naturalKey());
			assertThat(one.withId("race-1").naturalKey()).isEqualTo(one.naturalKey());
		}

	}

	@Nested
	class BallotMeasures {

		@Test
		void positionOnAMeasureIsNominatedAndAnnouncedByItsName() {
			Nomination.Submission submission = Nomination.submit(
					Nomination.Nominee.position(new BallotPosition("Amendment 3", BallotPosition.Position.NO)),
					measureRace(), null, null, "slate-1", CLOCK);

			NominationSubmitted event = submission.event();
			assertThat(submission.nomination().nomineeName()).isEqualTo("NO on Amendment 3");
			assertThat(submission.nomination().candidate()).isNull();
			assertThat(event.candidateName()).isEqualTo("NO on Amendment 3");
			assertThat(event.candidateId()).isNull();
			assertThat(event.slateId()).isEqualTo("slate-1");
			assertThat(event.race().ballotMeasure()).isTrue();
			assertThat(event.race().office()).isEqualTo("Amendment 3");
			assertThat(event.race().raceId()).isEqualTo("race-1");
		}

		@Test
		void candidateAndMeasureEachNeedTheirKindOfRace() {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> Nomination.submit(NominationTests.candidate(), measureRace(), null, null, CLOCK))
				.withMessageContaining("candidate");
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Nomination.submit(
					Nomination.Nominee.position(new BallotPosition("Amendment 3", BallotPosition.Position.YES)),
					NominationTests.race(), null, null, null, CLOCK))
				.withMessageContaining("ballotMeasure");
		}

		@Test
		void measureNeedsNoQuestionnaireAndIsSentNone() {
			Nomination nomination = measure();

			assertThat(nomination.missing()).containsExactly(MissingPiece.CHAPTER_FORM);
			assertRefused(NominationStatus.SUBMITTED, () -> nomination.issueQuestionnaire("a@example.org", "hash",
					"http://x/questionnaire/#token=t", NOW.plus(Duration.ofDays(1)), CLOCK));
		}

		@Test
		void endorsedMeasureIsNeverAReEndorsement() {
			Nomination nomination = measure();

			assertThat(nomination.endorse(null, "staff", NO_HISTORY, CLOCK).candidateName())
				.isEqualTo("YES on Amendment 3");
			assertThat(nomination.endorsement().reEndorsement()).isFalse();
		}

	}

	@Nested
	class Reviewing {

		@Test
		void takingUpAReviewIsAnnouncedWithoutTheReviewer() {
			Nomination nomination = submitted();

			NominationReviewStarted event = nomination.startReview("Dana Staff", "dana", CLOCK);

			assertThat(event.nominationId()).isEqualTo(nomination.id());
			assertThat(event.nominatingChapterId()).isEqualTo("chapter-stl");
			assertThat(event.toString()).doesNotContain("Dana", "dana");
		}

		@Test
		void reviewUnderWayIsPutOnHoldAndResumed() {
			Nomination nomination = underReview();

			nomination.hold("Waiting for the interview", "dana", CLOCK);
			assertThat(nomination.status()).isEqualTo(NominationStatus.ON_HOLD);
			assertThat(nomination.hold()).isEqualTo(new Hold("Waiting for the interview", "dana", NOW));

			nomination.resume(CLOCK);
			assertThat(nomination.status()).isEqualTo(NominationStatus.UNDER_REVIEW);
			assertThat(nomination.hold()).isNull();
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = "UNDER_REVIEW", mode = EnumSource.Mode.EXCLUDE)
		void onlyAReviewUnderWayIsPutOnHold(NominationStatus status) {
			Nomination nomination = in(status);

			assertRefused(status, () -> nomination.hold("Why not", "dana", CLOCK));
			assertThat(nomination.status()).isEqualTo(status);
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = "ON_HOLD", mode = EnumSource.Mode.EXCLUDE)
		void onlyAHeldReviewIsResumed(NominationStatus status) {
			Nomination nomination = in(status);

			assertRefused(status, () -> nomination.resume(CLOCK));
			assertThat(nomination.status()).isEqualTo(status);
		}

		@Test
		void heldNominationCannotBeDecided() {
			Nomination nomination = in(NominationStatus.ON_HOLD);

			assertRefused(NominationStatus.ON_HOLD, () -> nomination.endorse(null, "dana", NO_HISTORY, CLOCK));
			assertRefused(NominationStatus.ON_HOLD, () -> nomination.decline(null, "dana", CLOCK));
			assertThat(nomination.decision()).isNull();
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "SUBMITTED", "UNDER_REVIEW", "ON_HOLD" })
		void pendingNominationIsResearched(NominationStatus status) {
			Nomination nomination = in(status);
			Research research = new Research(Research.Incumbency.CHALLENGER,
					List.of(new Research.Opponent("Pat Smith", "R", true)),
					List.of(new Research.Poll("PPP", LocalDate.of(2026, 2, 1), "Gonzalez 48, Smith 44", null)), null,
					5200L, "Strong field team", "dana", NOW);

			nomination.recordResearch(research);

			assertThat(nomination.research()).isEqualTo(research);
			assertThat(nomination.status()).isEqualTo(status);
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED", "WITHDRAWN", "EXPIRED" })
		void closedNominationIsNotResearched(NominationStatus status) {
			assertRefused(status, () -> in(status)
				.recordResearch(new Research(null, null, null, null, null, "Too late", "dana", NOW)));
		}

		@Test
		void reviewerRecommends() {
			Nomination nomination = underReview();
			Recommendation recommendation = new Recommendation(Decision.ENDORSE, Recommendation.Tier.TIER_1, "Can win",
					"dana", NOW);

			nomination.recommend(recommendation);

			assertThat(nomination.recommendation()).isEqualTo(recommendation);
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = "UNDER_REVIEW", mode = EnumSource.Mode.EXCLUDE)
		void onlyAReviewUnderWayGetsARecommendation(NominationStatus status) {
			assertRefused(status,
					() -> in(status).recommend(new Recommendation(Decision.DECLINE, null, null, "dana", NOW)));
		}

	}

	@Nested
	class Deciding {

		@Test
		void decisionRecordsWhoDecidedAndDecliningIsAnnouncedWithTheReason() {
			Nomination nomination = underReview();

			EndorsementDeclined event = nomination.decline("Not aligned on housing", "dana", CLOCK);

			assertThat(nomination.decision())
				.isEqualTo(new StaffDecision(Decision.DECLINE, "Not aligned on housing", NOW, "dana"));
			assertThat(event.reason()).isEqualTo("Not aligned on housing");
			assertThat(event.nominationId()).isEqualTo(nomination.id());
			assertThat(event.aggregateId()).isEqualTo(nomination.id());
			assertThat(event.nominatingChapterId()).isEqualTo("chapter-stl");
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED", "WITHDRAWN", "EXPIRED" })
		void closedNominationCannotBeDecided(NominationStatus status) {
			assertRefused(status, () -> in(status).endorse(null, "dana", NO_HISTORY, CLOCK));
			assertRefused(status, () -> in(status).decline(null, "dana", CLOCK));
		}

	}

	@Nested
	class WithdrawingAndExpiring {

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "SUBMITTED", "UNDER_REVIEW", "ON_HOLD" })
		void pendingNominationIsWithdrawnWithItsReason(NominationStatus status) {
			Nomination nomination = in(status);

			NominationWithdrawn event = nomination.withdraw("The candidate dropped out", "chapter-client", CLOCK);

			assertThat(nomination.status()).isEqualTo(NominationStatus.WITHDRAWN);
			assertThat(nomination.closure()).isEqualTo(new Closure("The candidate dropped out", "chapter-client", NOW));
			assertThat(event.reason()).isEqualTo("The candidate dropped out");
			assertThat(event.aggregateId()).isEqualTo(nomination.id());
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED", "WITHDRAWN", "EXPIRED" })
		void closedNominationCannotBeWithdrawn(NominationStatus status) {
			assertRefused(status, () -> in(status).withdraw(null, "chapter-client", CLOCK));
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "SUBMITTED", "UNDER_REVIEW", "ON_HOLD" })
		void pendingNominationExpiresOnceItsElectionIsOverEverywhere(NominationStatus status) {
			Nomination nomination = in(status);
			Clock electionNight = Clock.fixed(ELECTION_DAY.plusDays(1).atTime(11, 0).toInstant(ZoneOffset.UTC),
					ZoneOffset.UTC);

			assertThat(nomination.isOverdue(CLOCK)).isFalse();
			assertThat(nomination.isOverdue(electionNight)).isFalse();
			assertRefused(status, () -> nomination.expire(electionNight));
			assertThat(nomination.isOverdue(AFTER_THE_ELECTION)).isTrue();

			NominationExpired event = nomination.expire(AFTER_THE_ELECTION);

			assertThat(nomination.status()).isEqualTo(NominationStatus.EXPIRED);
			assertThat(event.nominationId()).isEqualTo(nomination.id());
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED", "WITHDRAWN", "EXPIRED" })
		void closedNominationNeverExpires(NominationStatus status) {
			Nomination nomination = in(status);

			assertThat(nomination.isOverdue(AFTER_THE_ELECTION)).isFalse();
			assertRefused(status, () -> nomination.expire(AFTER_THE_ELECTION));
		}

	}

	@Nested
	class Endorsements {

		@Test
		void activeEndorsementIsRescindedWithAPublicReasonAndAnnounced() {
			Nomination nomination = in(NominationStatus.ENDORSED);

			EndorsementRescinded event = nomination.rescind("Broke the pledge", "dana", CLOCK);

			assertThat(nomination.endorsement().status()).isEqualTo(EndorsementStatus.RESCINDED);
			assertThat(nomination.endorsement().rescission())
				.isEqualTo(new Rescission("Broke the pledge", "dana", NOW));
			assertThat(nomination.status()).isEqualTo(NominationStatus.ENDORSED);
			assertThat(event.endorsementId()).isEqualTo(nomination.endorsement().id());
			assertThat(event.aggregateId()).isEqualTo(nomination.endorsement().id());
			assertThat(event.reason()).isEqualTo("Broke the pledge");
		}

		@Test
		void rescindingNeedsAReason() {
			Nomination nomination = in(NominationStatus.ENDORSED);

			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> nomination.rescind(" ", "dana", CLOCK))
				.withMessageContaining("reason");
			assertThat(nomination.endorsement().isActive()).isTrue();
		}

		@Test
		void rescindedEndorsementCannotBeRescindedAgainNorGetAnOutcome() {
			Nomination nomination = in(NominationStatus.ENDORSED);
			nomination.rescind("Broke the pledge", "dana", CLOCK);

			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.rescind("Again", "dana", CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo("RESCINDED"));
			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.recordOutcome(ElectionOutcome.WON, null, CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo("RESCINDED"));
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = "ENDORSED", mode = EnumSource.Mode.EXCLUDE)
		void onlyAnEndorsementIsRescinded(NominationStatus status) {
			assertRefused(status, () -> in(status).rescind("Why", "dana", CLOCK));
		}

		@Test
		void outcomesAreKeptPerStageAndTheLastRecordedIsTheOutcome() {
			Nomination nomination = in(NominationStatus.ENDORSED);

			ElectionOutcomeRecorded primary = nomination.recordOutcome(ElectionOutcome.ADVANCED, RaceStage.PRIMARY,
					CLOCK);
			ElectionOutcomeRecorded general = nomination.recordOutcome(ElectionOutcome.WON, null, CLOCK);

			assertThat(primary.stage()).isEqualTo("PRIMARY");
			assertThat(general.stage()).isEqualTo("GENERAL");
			assertThat(nomination.endorsement().outcomes()).extracting(StageOutcome::stage, StageOutcome::result)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(RaceStage.PRIMARY, ElectionOutcome.ADVANCED),
						org.assertj.core.groups.Tuple.tuple(RaceStage.GENERAL, ElectionOutcome.WON));
			assertThat(nomination.endorsement().outcome()).isEqualTo(ElectionOutcome.WON);
		}

		@Test
		void recordingAStageAgainReplacesItsOutcome() {
			Nomination nomination = in(NominationStatus.ENDORSED);
			nomination.recordOutcome(ElectionOutcome.LOST, RaceStage.GENERAL, CLOCK);
			nomination.recordOutcome(ElectionOutcome.ADVANCED, RaceStage.PRIMARY, CLOCK);

			nomination.recordOutcome(ElectionOutcome.WON, RaceStage.GENERAL, CLOCK);

			assertThat(nomination.endorsement().outcomes()).hasSize(2);
			assertThat(nomination.endorsement().outcomeOf(RaceStage.GENERAL).result()).isEqualTo(ElectionOutcome.WON);
			assertThat(nomination.endorsement().outcome()).isEqualTo(ElectionOutcome.WON);
		}

	}

	@Nested
	class ChapterForms {

		static ChapterForm form(String chapterId) {
			return new ChapterForm("Voted at our March meeting", LocalDate.of(2026, 3, 1), 31, 2, chapterId, NOW);
		}

		@Test
		void formIsFiledAndNoLongerMissing() {
			Nomination nomination = submitted();
			assertThat(nomination.missing()).containsExactly(MissingPiece.CHAPTER_FORM, MissingPiece.QUESTIONNAIRE);

			nomination.fileChapterForm(form("chapter-stl"));

			assertThat(nomination.chapterForm()).isEqualTo(form("chapter-stl"));
			assertThat(nomination.missing()).containsExactly(MissingPiece.QUESTIONNAIRE);
		}

		@Test
		void formOfAChapterAttributesANominationOfNoChapterToIt() {
			Nomination nomination = Nomination
				.submit(NominationTests.candidate(), NominationTests.race(), new Nominator("Sam", null, null), null,
						CLOCK)
				.nomination();

			nomination.fileChapterForm(form("chapter-kc"));

			assertThat(nomination.nominatingChapterId()).isEqualTo("chapter-kc");
			assertThat(nomination.nominatedBy().name()).isEqualTo("Sam");
		}

		@Test
		void formOfAnotherChapterIsRefused() {
			Nomination nomination = submitted();

			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> nomination.fileChapterForm(form("chapter-kc")));
			assertThat(nomination.chapterForm()).isNull();
			assertThat(nomination.nominatingChapterId()).isEqualTo("chapter-stl");
		}

		@Test
		void votesCannotBeNegative() {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new ChapterForm("Yes", LocalDate.of(2026, 3, 1), -1, 0, null, NOW))
				.withMessageContaining("votesFor");
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED", "WITHDRAWN", "EXPIRED" })
		void closedNominationTakesNoForm(NominationStatus status) {
			assertRefused(status, () -> in(status).fileChapterForm(form("chapter-stl")));
		}

	}

	@Nested
	class VictoryAnnouncements {

		static void refused(String state, Runnable command) {
			assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(command::run)
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(state));
		}

		@Test
		void aWinIsAnnouncedOnceWithTheRaceAndTheWordsOfStaff() {
			Nomination nomination = endorsed();
			refused("NOT_WON", () -> nomination.announceVictory("We won", "Thanks", "dana", CLOCK));
			nomination.recordOutcome(ElectionOutcome.LOST, CLOCK);
			refused("NOT_WON", () -> nomination.announceVictory("We won", "Thanks", "dana", CLOCK));
			nomination.recordOutcome(ElectionOutcome.WON, RaceStage.PRIMARY, CLOCK);

			VictoryAnnounced event = nomination.announceVictory(" Maria wins the primary ", "Thank you, volunteers.",
					"dana", CLOCK);

			assertThat(event.endorsementId()).isEqualTo(nomination.endorsement().id());
			assertThat(event.nominationId()).isEqualTo(nomination.id());
			assertThat(event.headline()).isEqualTo("Maria wins the primary");
			assertThat(event.race()).isEqualTo(nomination.race().summary());
			assertThat(nomination.endorsement().announcement())
				.isEqualTo(new Announcement("Maria wins the primary", "Thank you, volunteers.", NOW, "dana"));
			refused("ANNOUNCED", () -> nomination.announceVictory("Again", "Again", "dana", CLOCK));
		}

		@Test
		void theWordsAreCheckedAndEachFaultIsNamed() {
			Nomination nomination = endorsed();
			nomination.recordOutcome(ElectionOutcome.WON, CLOCK);

			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> nomination.announceVictory("Two\nlines", " ", "dana", CLOCK))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("headline", "message"));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> nomination.announceVictory("x".repeat(121), "y".repeat(2001), "dana", CLOCK))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("headline", "message"));
			assertThat(nomination.endorsement().announcement()).isNull();
		}

		@Test
		void aRescindedEndorsementIsNotAnnounced() {
			Nomination nomination = endorsed();
			nomination.recordOutcome(ElectionOutcome.WON, CLOCK);
			nomination.rescind("Broke the pledge", "dana", CLOCK);

			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.announceVictory("We won", "Thanks", "dana", CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo("RESCINDED"));
		}

	}

	@Nested
	class Questionnaires {

		static final List<Question> QUESTIONS = List.of(new Question("q1", "Housing is a right.", Kind.AGREE_SCALE),
				new Question("q2", "Why are you running?", Kind.FREE_TEXT));

		static Nomination invited() {
			Nomination nomination = submitted();
			nomination.issueQuestionnaire("maria@example.org", "hash-1", "http://x/questionnaire/#token=t1",
					NOW.plus(Duration.ofDays(30)), CLOCK);
			return nomination;
		}

		@Test
		void candidateIsInvitedWithAPrivateLinkAndOnlyItsHashIsKept() {
			Nomination nomination = submitted();

			QuestionnaireIssued event = nomination.issueQuestionnaire("maria@example.org", "hash-1",
					"http://x/questionnaire/#token=t1", NOW.plus(Duration.ofDays(30)), CLOCK);

			assertThat(event.candidateEmail()).isEqualTo("maria@example.org");
			assertThat(event.questionnaireUrl()).isEqualTo("http://x/questionnaire/#token=t1");
			assertThat(event.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
			assertThat(nomination.questionnaire().tokenHash()).isEqualTo("hash-1");
			assertThat(nomination.questionnaire().toString()).doesNotContain("t1");
		}

		@Test
		void reissuingReplacesTheLink() {
			Nomination nomination = invited();

			nomination.issueQuestionnaire("maria@campaign.example.org", "hash-2", "http://x/questionnaire/#token=t2",
					NOW.plus(Duration.ofDays(30)), CLOCK);

			assertThat(nomination.questionnaire().tokenHash()).isEqualTo("hash-2");
			assertThat(nomination.questionnaire().email()).isEqualTo("maria@campaign.example.org");
		}

		@Test
		void everyQuestionAnsweredCompletesTheQuestionnaireWithTheQuestionsAsAsked() {
			Nomination nomination = invited();

			QuestionnaireCompleted event = nomination.completeQuestionnaire(List
				.of(new Reply("q2", null, " For my neighbors "), new Reply("q1", Agreement.STRONGLY_AGREE, null)),
					QUESTIONS, CLOCK);

			assertThat(event.nominationId()).isEqualTo(nomination.id());
			assertThat(nomination.questionnaire().completedAt()).isEqualTo(NOW);
			assertThat(nomination.questionnaire().answers()).containsExactly(
					new CandidateQuestionnaire.Answer("q1", "Housing is a right.", Kind.AGREE_SCALE,
							Agreement.STRONGLY_AGREE, null),
					new CandidateQuestionnaire.Answer("q2", "Why are you running?", Kind.FREE_TEXT, null,
							"For my neighbors"));
			assertThat(nomination.missing()).containsExactly(MissingPiece.CHAPTER_FORM);
		}

		@Test
		void answersAreCheckedAgainstTheQuestionsAndEachFaultIsNamed() {
			Nomination nomination = invited();

			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> nomination.completeQuestionnaire(List.of(new Reply("q1", null, "Yes"),
						new Reply("q9", Agreement.AGREE, null), new Reply("q2", null, "  ")), QUESTIONS, CLOCK))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("answers[0].agreement", "answers[1].questionId", "answers[2].text"));
			assertThat(nomination.questionnaire().isCompleted()).isFalse();
		}

		@Test
		void everyQuestionMustBeAnswered() {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> invited().completeQuestionnaire(List.of(new Reply("q1", Agreement.AGREE, null)),
						QUESTIONS, CLOCK))
				.satisfies((ex) -> assertThat(ex.errors()).singleElement().satisfies((error) -> {
					assertThat(error.field()).isEqualTo("answers");
					assertThat(error.message()).contains("q2");
				}));
		}

		@Test
		void questionAnsweredTwiceIsRefused() {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> invited().completeQuestionnaire(List.of(new Reply("q1", Agreement.AGREE, null),
						new Reply("q1", Agreement.AGREE, null), new Reply("q2", null, "Because")), QUESTIONS, CLOCK))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("answers[1].questionId"));
		}

		@Test
		void expiredLinkCannotBeUsed() {
			Nomination nomination = invited();
			Clock later = Clock.offset(CLOCK, Duration.ofDays(30));

			assertThatExceptionOfType(CandidateQuestionnaire.ExpiredException.class)
				.isThrownBy(() -> nomination.openQuestionnaire(later));
			assertThatExceptionOfType(CandidateQuestionnaire.ExpiredException.class)
				.isThrownBy(() -> nomination.completeQuestionnaire(List.of(new Reply("q1", Agreement.AGREE, null)),
						QUESTIONS.subList(0, 1), later));
		}

		@Test
		void answeredQuestionnaireCannotBeAnsweredOrReissuedAgain() {
			Nomination nomination = invited();
			nomination.completeQuestionnaire(List.of(new Reply("q1", Agreement.AGREE, null)), QUESTIONS.subList(0, 1),
					CLOCK);

			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.completeQuestionnaire(List.of(new Reply("q1", Agreement.AGREE, null)),
						QUESTIONS.subList(0, 1), CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo("QUESTIONNAIRE_COMPLETED"));
			assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> nomination
				.issueQuestionnaire("maria@example.org", "hash-3", "http://x", NOW.plus(Duration.ofDays(1)), CLOCK));
		}

		@Test
		void closedNominationsQuestionnaireCannotBeAnswered() {
			Nomination nomination = invited();
			nomination.withdraw(null, "chapter-client", CLOCK);

			assertRefused(NominationStatus.WITHDRAWN,
					() -> nomination.completeQuestionnaire(List.of(new Reply("q1", Agreement.AGREE, null)),
							QUESTIONS.subList(0, 1), CLOCK));
		}

		@Test
		void emptyBankIsCompletedWithNoAnswers() {
			Nomination nomination = invited();

			nomination.completeQuestionnaire(List.of(), List.of(), CLOCK);

			assertThat(nomination.questionnaire().isCompleted()).isTrue();
		}

	}

}
