package org.groundgame.notification.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.events.volunteer.VolunteerErased;
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

	private final PersonalData inbox = (personId) -> this.steps.add("inbox erased " + personId);

	private final PersonalData deliveries = (personId) -> this.steps.add("deliveries erased " + personId);

	@Test
	void everyHolderOfPersonalDataErasesThePersonAfterTheTombstoneIsWritten() {
		new PersonErasure(this.tombstones, List.of(this.inbox, this.deliveries))
			.volunteerErased(new VolunteerErased("event-1", NOON, "volunteer-1"));

		assertThat(this.steps).containsExactly("tombstone volunteer-1", "inbox erased volunteer-1",
				"deliveries erased volunteer-1");
		assertThat(this.tombstones.erasedAt("volunteer-1")).contains(NOON);
	}

	@Test
	void erasingTwiceKeepsTheLaterErasureAndAsksEveryHolderAgain() {
		PersonErasure erasure = new PersonErasure(this.tombstones, List.of(this.inbox, this.deliveries));
		erasure.erase("volunteer-1", NOON.plusSeconds(60));
		erasure.erase("volunteer-1", NOON);

		assertThat(this.tombstones.erasedAt("volunteer-1")).contains(NOON.plusSeconds(60));
		assertThat(this.steps).filteredOn((step) -> step.startsWith("inbox")).hasSize(2);
		assertThat(this.steps).filteredOn((step) -> step.startsWith("deliveries")).hasSize(2);
	}

	@Test
	void aHolderThatFailsFailsTheErasureSoThatItRunsAgain() {
		PersonalData failing = (personId) -> {
			throw new IllegalStateException("store unavailable");
		};
		PersonErasure erasure = new PersonErasure(this.tombstones, List.of(failing, this.deliveries));

		assertThatIllegalStateException().isThrownBy(() -> erasure.erase("volunteer-1", NOON));
		assertThat(this.tombstones.erasedAt("volunteer-1")).contains(NOON);
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
