package org.groundgame.notification.people.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose personal data an event carries is read from its contract's {@code @PersonalData}
 * marks, and an event that happened before its person's erasure is too late to pass on.
 */
class EventPersonalDataTests {

	private static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");

	private static final RaceSummary RACE = new RaceSummary("State Senator", "STATE", "MO", "4", null,
			LocalDate.of(2026, 11, 3));

	private static final CohortSummary COHORT = new CohortSummary("cohort-1", "Spring 2027 Candidate Cohort",
			"CANDIDATE", LocalDate.of(2027, 3, 1), "ONLINE", null);

	@Test
	void aVolunteersSignUpCarriesTheVolunteersData() {
		VolunteerSignedUp signedUp = new VolunteerSignedUp("event-1", NOON, "volunteer-1", "chapter-1", "Ada Example",
				"ada@people.example", "MO", new Consent(true, false), true);

		assertThat(EventPersonalData.subjectOf(signedUp)).contains("volunteer-1");
	}

	@Test
	void aCandidatesDataBelongsToTheirNominationNotTheEndorsement() {
		EndorsementGranted granted = new EndorsementGranted("event-1", NOON, "endorsement-1", "nomination-1",
				"Jane Example", RACE, null, false);

		assertThat(EventPersonalData.subjectOf(granted)).contains("nomination-1");
	}

	@Test
	void aTraineesDataBelongsToTheirEnrollmentNotTheCohort() {
		TraineeEnrolled enrolled = new TraineeEnrolled("event-1", NOON, "cohort-1", "enrollment-1", null,
				"Tina Trainee", "tina@people.example", COHORT);

		assertThat(EventPersonalData.subjectOf(enrolled)).contains("enrollment-1");
	}

	@Test
	void anEventWhoseMarkedFieldsAreEmptyOrThatHasNoneCarriesNobodysData() {
		EndorsementGranted ballotMeasure = new EndorsementGranted("event-1", NOON, "endorsement-1", "nomination-1", " ",
				RACE, null, false);
		CohortOpened opened = new CohortOpened("event-2", NOON, "cohort-1", COHORT, 20, null, List.of(), 48);

		assertThat(EventPersonalData.subjectOf(ballotMeasure)).isEmpty();
		assertThat(EventPersonalData.subjectOf(opened)).isEmpty();
	}

	@Test
	void anEventCarryingTheDataOfSomeoneErasedSinceItHappenedIsOutlivedButNotOneAfterTheErasure() {
		InMemoryTombstones tombstones = new InMemoryTombstones();
		tombstones.erased("nomination-1", NOON);
		EndorsementGranted before = new EndorsementGranted("event-1", NOON.minusSeconds(1), "endorsement-1",
				"nomination-1", "Jane Example", RACE, null, false);
		EndorsementGranted atTheSameMoment = new EndorsementGranted("event-2", NOON.plusNanos(500), "endorsement-1",
				"nomination-1", "Jane Example", RACE, null, false);
		EndorsementGranted after = new EndorsementGranted("event-3", NOON.plusMillis(1), "endorsement-1",
				"nomination-1", "Jane Example", RACE, null, false);
		EndorsementGranted someoneElse = new EndorsementGranted("event-4", NOON.minusSeconds(1), "endorsement-2",
				"nomination-2", "John Example", RACE, null, false);

		assertThat(tombstones.outlived(before)).isTrue();
		assertThat(tombstones.outlived(atTheSameMoment)).isTrue();
		assertThat(tombstones.outlived(after)).isFalse();
		assertThat(tombstones.outlived(someoneElse)).isFalse();
	}

	private static final class InMemoryTombstones implements Tombstones {

		private final Map<String, Instant> erased = new HashMap<>();

		@Override
		public void erased(String personId, Instant erasedAt) {
			this.erased.put(personId, erasedAt);
		}

		@Override
		public Optional<Instant> erasedAt(String personId) {
			return Optional.ofNullable(this.erased.get(personId));
		}

	}

}
