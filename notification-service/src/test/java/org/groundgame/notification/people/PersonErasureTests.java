package org.groundgame.notification.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.notification.people.domain.Erasure;
import org.groundgame.notification.people.domain.ErasureNotices;
import org.groundgame.notification.people.domain.PersonalData;
import org.groundgame.notification.people.domain.Tombstones;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The erasure mechanism as a plain unit: every holder of personal data takes part. */
class PersonErasureTests {

	private static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");

	private final FakeTombstones tombstones = new FakeTombstones();

	private final List<String> steps = new ArrayList<>();

	private final List<Erasure> told = new ArrayList<>();

	private final PersonalData inbox = (personId) -> this.steps.add("inbox erased " + personId);

	private final PersonalData deliveries = (personId) -> this.steps.add("deliveries erased " + personId);

	private final ErasureNotices notices = (erasure) -> {
		this.steps.add("notices of " + erasure.personId());
		this.told.add(erasure);
	};

	private PersonErasure erasure(PersonalData... holders) {
		return new PersonErasure(this.tombstones, List.of(holders), List.of(this.notices));
	}

	@Test
	void everyHolderOfPersonalDataErasesThePersonAfterTheTombstoneIsWrittenAndBeforeReceiversAreTold() {
		erasure(this.inbox, this.deliveries).volunteerErased(new VolunteerErased("event-1", NOON, "volunteer-1"));

		assertThat(this.steps).containsExactly("tombstone volunteer-1", "inbox erased volunteer-1",
				"deliveries erased volunteer-1", "notices of volunteer-1");
		assertThat(this.tombstones.erasedAt("volunteer-1")).contains(NOON);
		assertThat(this.told).singleElement().satisfies((told) -> {
			assertThat(told.kind()).isEqualTo(Erasure.Kind.VOLUNTEER);
			assertThat(told.subjectIds()).containsExactly("volunteer-1");
			assertThat(told.eventId()).isEqualTo("event-1");
			assertThat(told.eventType()).isEqualTo("org.groundgame.volunteer.VolunteerErased.v1");
		});
	}

	@Test
	void aTraineeIsErasedByTheirEnrollmentNotTheCohort() {
		erasure(this.inbox).traineeErased(new TraineeErased("event-2", NOON, "cohort-1", "enrollment-1"));

		assertThat(this.steps).containsExactly("tombstone enrollment-1", "inbox erased enrollment-1",
				"notices of enrollment-1");
		assertThat(this.told).singleElement().satisfies((told) -> {
			assertThat(told.kind()).isEqualTo(Erasure.Kind.TRAINEE);
			assertThat(told.eventType()).isEqualTo("org.groundgame.training.TraineeErased.v1");
		});
		assertThat(this.tombstones.erasedAt("cohort-1")).isEmpty();
	}

	@Test
	void aCandidateIsErasedByEveryNominationThatNamedThem() {
		erasure(this.inbox).candidateErased(
				new CandidateErased("event-3", NOON, "candidate-1", List.of("nomination-1", "nomination-2")));

		assertThat(this.steps).containsExactly("tombstone nomination-1", "tombstone nomination-2",
				"inbox erased nomination-1", "inbox erased nomination-2", "notices of candidate-1");
		assertThat(this.told).singleElement().satisfies((told) -> {
			assertThat(told.kind()).isEqualTo(Erasure.Kind.CANDIDATE);
			assertThat(told.subjectIds()).containsExactly("nomination-1", "nomination-2");
		});
	}

	@Test
	void erasingTwiceKeepsTheLaterErasureAndAsksEveryHolderAgain() {
		PersonErasure erasure = erasure(this.inbox, this.deliveries);
		erasure.volunteerErased(new VolunteerErased("event-1", NOON.plusSeconds(60), "volunteer-1"));
		erasure.volunteerErased(new VolunteerErased("event-2", NOON, "volunteer-1"));

		assertThat(this.tombstones.erasedAt("volunteer-1")).contains(NOON.plusSeconds(60));
		assertThat(this.steps).filteredOn((step) -> step.startsWith("inbox")).hasSize(2);
		assertThat(this.steps).filteredOn((step) -> step.startsWith("deliveries")).hasSize(2);
	}

	@Test
	void aHolderThatFailsFailsTheErasureSoThatItRunsAgainAndNoReceiverIsToldYet() {
		PersonalData failing = (personId) -> {
			throw new IllegalStateException("store unavailable");
		};
		PersonErasure erasure = erasure(failing, this.deliveries);

		assertThatIllegalStateException()
			.isThrownBy(() -> erasure.volunteerErased(new VolunteerErased("event-1", NOON, "volunteer-1")));
		assertThat(this.tombstones.erasedAt("volunteer-1")).contains(NOON);
		assertThat(this.told).isEmpty();
	}

	private final class FakeTombstones implements Tombstones {

		private final Map<String, Instant> erased = new HashMap<>();

		@Override
		public void erased(String personId, Instant erasedAt) {
			PersonErasureTests.this.steps.add("tombstone " + personId);
			this.erased.merge(personId, erasedAt, (known, given) -> known.isAfter(given) ? known : given);
		}

		@Override
		public Optional<Instant> erasedAt(String personId) {
			return Optional.ofNullable(this.erased.get(personId));
		}

	}

}
