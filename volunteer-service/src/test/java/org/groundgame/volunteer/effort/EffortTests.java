package org.groundgame.volunteer.effort;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EffortTests {

	@Test
	void effortsAddUpAndAVolunteerInBothCountsOnce() {
		Effort phones = Effort.shifts(2, 15).plus(Effort.attended(3, 5.5, Set.of("ann", "cy"))).plus(Effort.noShows(1));
		Effort canvass = Effort.shifts(1, 8).plus(Effort.seated(2)).plus(Effort.attended(1, 2.0, Set.of("ann")));

		Effort both = phones.plus(canvass);

		assertThat(both.shifts()).isEqualTo(3);
		assertThat(both.seats()).isEqualTo(23);
		assertThat(both.seatsFilled()).as("seated, attended and no-shows all hold a seat").isEqualTo(7);
		assertThat(both.attended()).isEqualTo(4);
		assertThat(both.noShows()).isEqualTo(1);
		assertThat(both.hours()).isEqualTo(7.5);
		assertThat(both.volunteers()).containsExactlyInAnyOrder("ann", "cy");
	}

	@Test
	void noEffortChangesNothing() {
		Effort phones = Effort.shifts(1, 4).plus(Effort.attended(1, 2.0, Set.of("ann")));

		assertThat(Effort.NONE.plus(phones)).isEqualTo(phones);
		assertThat(phones.plus(Effort.NONE)).isEqualTo(phones);
	}

	@Test
	void itsDescriptionNamesNoVolunteer() {
		assertThat(Effort.attended(1, 2.0, Set.of("volunteer-ann")).toString()).doesNotContain("volunteer-ann");
	}

}
