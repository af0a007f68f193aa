package org.groundgame.endorsement.nomination.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.geography.UsState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NominationTests {

	static final Instant NOW = Instant.parse("2026-03-02T15:30:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final LocalDate ELECTION_DAY = LocalDate.of(2026, 11, 3);

	static final EndorsementHistory NO_HISTORY = (state, cycle) -> List.of();

	static Candidate candidate() {
		return new Candidate("Maria Gonzalez", "maria@example.org", "https://maria.example.org");
	}

	static Race race() {
		return new Race("State Representative", RaceLevel.STATE, UsState.MO, "79", null, ELECTION_DAY);
	}

	static Nomination submitted() {
		return Nomination
			.submit(candidate(), race(), new Nominator("Sam Lee", "sam@example.org", "chapter-stl"), "Organizer.",
					CLOCK)
			.nomination();
	}

	static Nomination underReview() {
		Nomination nomination = submitted();
		nomination.startReview("Dana Staff", "staff-client", CLOCK);
		return nomination;
	}

	static Nomination endorsed() {
		Nomination nomination = submitted();
		nomination.endorse(null, NO_HISTORY, CLOCK);
		return nomination;
	}

	static Nomination declined() {
		Nomination nomination = submitted();
		nomination.decline("Not this cycle", CLOCK);
		return nomination;
	}

	static Nomination in(NominationStatus status) {
		return switch (status) {
			case SUBMITTED -> submitted();
			case UNDER_REVIEW -> underReview();
			case ENDORSED -> endorsed();
			case DECLINED -> declined();
			case ON_HOLD -> {
				Nomination nomination = underReview();
				nomination.hold("Waiting for the chapter's form", "staff-client", CLOCK);
				yield nomination;
			}
			case WITHDRAWN -> {
				Nomination nomination = submitted();
				nomination.withdraw("The candidate dropped out", "chapter-client", CLOCK);
				yield nomination;
			}
			case EXPIRED -> {
				Nomination nomination = submitted();
				nomination.expire(
						Clock.fixed(ELECTION_DAY.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
				yield nomination;
			}
		};
	}

	@Nested
	class Submitting {

		@Test
		void newNominationIsSubmittedInTheCycleOfItsElectionYear() {
			Nomination nomination = submitted();

			assertThat(nomination.id()).isNotBlank();
			assertThat(nomination.status()).isEqualTo(NominationStatus.SUBMITTED);
			assertThat(nomination.race().cycle()).isEqualTo(2026);
			assertThat(nomination.submittedAt()).isEqualTo(NOW);
			assertThat(nomination.review()).isNull();
			assertThat(nomination.decision()).isNull();
			assertThat(nomination.endorsement()).isNull();
		}

		@Test
		void submittingAnnouncesTheNominationWithTheCandidatesNameButNoContactDetails() {
			Nomination.Submission submission = Nomination.submit(candidate(), race(),
					new Nominator("Sam Lee", "sam@example.org", "chapter-stl"), null, CLOCK);

			NominationSubmitted event = submission.event();
			assertThat(event.eventId()).isNotBlank();
			assertThat(event.occurredAt()).isEqualTo(NOW);
			assertThat(event.nominationId()).isEqualTo(submission.nomination().id());
			assertThat(event.aggregateId()).isEqualTo(submission.nomination().id());
			assertThat(event.candidateName()).isEqualTo("Maria Gonzalez");
			assertThat(event.chapterId()).isEqualTo("chapter-stl");
			assertThat(event.race()).isEqualTo(new RaceSummary("State Representative", "STATE", "MO", "79", null,
					ELECTION_DAY, null, "ocd-division/country:us/state:mo", "GENERAL", 2026, false));
			assertThat(event.toString()).doesNotContain("@example.org");
		}

		@Test
		void submittingCarriesTheCandidatesAddressOnlyAsAMatchKey() {
			Nomination.Submission submission = Nomination.submit(candidate(), race(),
					new Nominator("Sam Lee", "sam@example.org", "chapter-stl"), null, CLOCK);

			assertThat(submission.event().candidateEmailKey()).isEqualTo(EmailKeys.of(candidate().email()))
				.hasSize(64)
				.doesNotContain("@");
		}

		@Test
		void nominationByNobodyInParticularHasNoNominatorAndNoChapter() {
			Nomination.Submission submission = Nomination.submit(candidate(), race(), new Nominator(" ", null, ""),
					null, CLOCK);

			assertThat(submission.nomination().nominatedBy()).isNull();
			assertThat(submission.event().chapterId()).isNull();
		}

		@Test
		void electionThatIsOverCannotBeNominatedFor() {
			Race lastYear = new Race("Mayor", RaceLevel.LOCAL, UsState.MO, null, "St. Louis", LocalDate.of(2025, 4, 8));

			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> Nomination.submit(candidate(), lastYear, null, null, CLOCK))
				.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
						new InvalidInputException.FieldError("race.electionDate", "must not be in the past")));
		}

		@Test
		void electionTodayCanBeNominatedForUntilTheDayIsOverEverywhere() {
			Race today = new Race("Mayor", RaceLevel.LOCAL, UsState.GU, null, "Hagåtña", LocalDate.of(2026, 3, 2));
			Clock lateOnElectionDayInGuam = Clock.fixed(Instant.parse("2026-03-02T13:00:00Z"), ZoneOffset.UTC);
			Clock nextDayEverywhere = Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC);

			assertThat(Nomination.submit(candidate(), today, null, null, lateOnElectionDayInGuam).nomination().status())
				.isEqualTo(NominationStatus.SUBMITTED);
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> Nomination.submit(candidate(), today, null, null, nextDayEverywhere));
		}

		@Test
		void candidateNeedsAName() {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new Candidate("  ", "maria@example.org", null))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("candidate.name"));
		}

		@Test
		void raceNeedsOfficeLevelStateAndElectionDate() {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new Race(" ", RaceLevel.STATE, UsState.MO, null, null, ELECTION_DAY));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new Race("Mayor", null, UsState.MO, null, null, ELECTION_DAY));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new Race("Mayor", RaceLevel.LOCAL, null, null, null, ELECTION_DAY));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new Race("Mayor", RaceLevel.LOCAL, UsState.MO, null, null, null));
		}

		@Test
		void surroundingBlanksAreDroppedAndBlankOptionalTextIsNone() {
			Candidate candidate = new Candidate("  Maria Gonzalez ", " ", "\thttps://maria.example.org ");
			Race race = new Race(" Mayor ", RaceLevel.LOCAL, UsState.MO, "", " St. Louis ", ELECTION_DAY);

			assertThat(candidate).isEqualTo(new Candidate("Maria Gonzalez", null, "https://maria.example.org"));
			assertThat(race.office()).isEqualTo("Mayor");
			assertThat(race.district()).isNull();
			assertThat(race.jurisdiction()).isEqualTo("St. Louis");
		}

	}

	@Nested
	class Reviewing {

		@Test
		void submittedNominationGoesUnderReviewByTheReviewerAndTheirToken() {
			Nomination nomination = submitted();

			nomination.startReview("Dana Staff", "staff-client", CLOCK);

			assertThat(nomination.status()).isEqualTo(NominationStatus.UNDER_REVIEW);
			assertThat(nomination.review()).isEqualTo(new Review("Dana Staff", "staff-client", NOW));
		}

		@Test
		void reviewNeedsAReviewer() {
			Nomination nomination = submitted();

			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> nomination.startReview(" ", "staff-client", CLOCK));
			assertThat(nomination.status()).isEqualTo(NominationStatus.SUBMITTED);
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "UNDER_REVIEW", "ENDORSED", "DECLINED" })
		void onlySubmittedNominationCanBeTakenUpForReview(NominationStatus status) {
			Nomination nomination = in(status);

			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.startReview("Someone Else", "staff-client", CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(status.name()));
			assertThat(nomination.status()).isEqualTo(status);
		}

	}

	@Nested
	class Endorsing {

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "SUBMITTED", "UNDER_REVIEW" })
		void pendingNominationIsEndorsedWithAnActiveEndorsement(NominationStatus status) {
			Nomination nomination = in(status);

			EndorsementGranted event = nomination.endorse("Strong record", NO_HISTORY, CLOCK);

			assertThat(nomination.status()).isEqualTo(NominationStatus.ENDORSED);
			assertThat(nomination.decision()).isEqualTo(new StaffDecision(Decision.ENDORSE, "Strong record", NOW));
			Endorsement endorsement = nomination.endorsement();
			assertThat(endorsement.id()).isNotBlank().isNotEqualTo(nomination.id());
			assertThat(endorsement.status()).isEqualTo(EndorsementStatus.ACTIVE);
			assertThat(endorsement.outcome()).isNull();
			assertThat(endorsement.reEndorsement()).isFalse();
			assertThat(endorsement.endorsedAt()).isEqualTo(NOW);
			assertThat(event.endorsementId()).isEqualTo(endorsement.id());
			assertThat(event.aggregateId()).isEqualTo(endorsement.id());
			assertThat(event.nominationId()).isEqualTo(nomination.id());
			assertThat(event.candidateName()).isEqualTo("Maria Gonzalez");
			assertThat(event.race().state()).isEqualTo("MO");
			assertThat(event.nominatingChapterId()).isEqualTo("chapter-stl");
			assertThat(event.reEndorsement()).isFalse();
			assertThat(event.occurredAt()).isEqualTo(NOW);
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED" })
		void decidedNominationCannotBeEndorsed(NominationStatus status) {
			Nomination nomination = in(status);
			Endorsement before = nomination.endorsement();

			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.endorse(null, NO_HISTORY, CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(status.name()));
			assertThat(nomination.status()).isEqualTo(status);
			assertThat(nomination.endorsement()).isEqualTo(before);
		}

	}

	@Nested
	class Declining {

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "SUBMITTED", "UNDER_REVIEW" })
		void pendingNominationIsDeclinedWithoutAnEndorsement(NominationStatus status) {
			Nomination nomination = in(status);

			nomination.decline("Not aligned", CLOCK);

			assertThat(nomination.status()).isEqualTo(NominationStatus.DECLINED);
			assertThat(nomination.decision()).isEqualTo(new StaffDecision(Decision.DECLINE, "Not aligned", NOW));
			assertThat(nomination.endorsement()).isNull();
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "ENDORSED", "DECLINED" })
		void decidedNominationCannotBeDeclined(NominationStatus status) {
			Nomination nomination = in(status);
			StaffDecision before = nomination.decision();

			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> nomination.decline("Changed our mind", CLOCK))
				.withMessageContaining(status.name())
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(status.name()));
			assertThat(nomination.status()).isEqualTo(status);
			assertThat(nomination.decision()).isEqualTo(before);
		}

	}

	@Nested
	class RecordingOutcomes {

		@Test
		void anActiveEndorsementsOutcomeIsRecordedAndAnnounced() {
			Nomination nomination = endorsed();
			ElectionOutcomeRecorded recorded = nomination.recordOutcome(ElectionOutcome.WON, CLOCK);
			assertThat(nomination.endorsement().outcome()).isEqualTo(ElectionOutcome.WON);
			assertThat(recorded.result()).isEqualTo("WON");
			assertThat(recorded.endorsementId()).isEqualTo(nomination.endorsement().id());
			assertThat(recorded.aggregateId()).isEqualTo(nomination.endorsement().id());
			assertThat(recorded.nominationId()).isEqualTo(nomination.id());
			assertThat(recorded.candidateName()).isEqualTo(nomination.candidate().name());
			assertThat(recorded.race()).isEqualTo(nomination.race().summary());
			assertThat(recorded.nominatingChapterId()).isEqualTo("chapter-stl");
			assertThat(recorded.occurredAt()).isEqualTo(CLOCK.instant());
		}

		@Test
		void aCandidateWhoAdvancedMayThenWin() {
			Nomination nomination = endorsed();
			nomination.recordOutcome(ElectionOutcome.ADVANCED, CLOCK);
			nomination.recordOutcome(ElectionOutcome.WON, CLOCK);
			assertThat(nomination.endorsement().outcome()).isEqualTo(ElectionOutcome.WON);
			assertThat(nomination.endorsement().status()).isEqualTo(EndorsementStatus.ACTIVE);
		}

		@ParameterizedTest
		@EnumSource(value = NominationStatus.class, names = { "SUBMITTED", "UNDER_REVIEW", "DECLINED" })
		void onlyAnEndorsedNominationHasAnOutcome(NominationStatus status) {
			assertThatExceptionOfType(IllegalStateChangeException.class)
				.isThrownBy(() -> in(status).recordOutcome(ElectionOutcome.WON, CLOCK))
				.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(status.name()));
		}

	}

	@Nested
	class ReEndorsing {

		static PastEndorsement past(String name, String email, String office, UsState state, int cycle) {
			return new PastEndorsement(name, email, office, state, cycle);
		}

		static boolean endorseWith(Candidate candidate, PastEndorsement... history) {
			Nomination nomination = Nomination.submit(candidate, race(), null, null, CLOCK).nomination();
			return nomination.endorse(null, (state, cycle) -> List.of(history), CLOCK).reEndorsement();
		}

		@Test
		void candidateEndorsedForTheSameOfficeInAnEarlierCycleIsReEndorsed() {
			assertThat(endorseWith(candidate(),
					past("Maria Gonzalez", "MARIA@example.org", "state representative", UsState.MO, 2024)))
				.isTrue();
		}

		@Test
		void candidatesAreMatchedByNameWhenEitherHasNoEmail() {
			Candidate withoutEmail = new Candidate("Maria  González", null, null);

			assertThat(endorseWith(withoutEmail,
					past("maria gonzalez", "maria@example.org", "State Representative", UsState.MO, 2024)))
				.isTrue();
		}

		@Test
		void candidatesWithDifferentEmailsAreDifferentPeopleWhateverTheirNames() {
			assertThat(endorseWith(candidate(),
					past("Maria Gonzalez", "another.maria@example.org", "State Representative", UsState.MO, 2024)))
				.isFalse();
		}

		@Test
		void endorsementForAnotherOfficeOrStateOrTheSameCycleIsNoPrecedent() {
			assertThat(endorseWith(candidate(),
					past("Maria Gonzalez", "maria@example.org", "State Senator", UsState.MO, 2024),
					past("Maria Gonzalez", "maria@example.org", "State Representative", UsState.KS, 2024),
					past("Maria Gonzalez", "maria@example.org", "State Representative", UsState.MO, 2026)))
				.isFalse();
		}

		@Test
		void historyIsAskedForTheRacesStateBeforeItsCycle() {
			Nomination nomination = submitted();
			List<Object> asked = new java.util.ArrayList<>();

			nomination.endorse(null, (state, cycle) -> {
				asked.add(state);
				asked.add(cycle);
				return List.of();
			}, CLOCK);

			assertThat(asked).containsExactly(UsState.MO, 2026);
		}

	}

}
