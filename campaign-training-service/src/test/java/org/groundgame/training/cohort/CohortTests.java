package org.groundgame.training.cohort;

import java.time.LocalDate;

import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CohortTests {

	private static final LocalDate MARCH_FIRST = LocalDate.of(2026, 3, 1);

	@Test
	void theSeatsLeftAreTheCapacityLessTheSeatsTaken() {
		assertThat(cohort(24, 0, 0).seatsLeft()).isEqualTo(24);
		assertThat(cohort(24, 17, 0).seatsLeft()).isEqualTo(7);
	}

	@Test
	void aFullCohortHasNoSeatLeftAndMayHaveAWaitlist() {
		Cohort full = cohort(24, 24, 5);
		assertThat(full.seatsLeft()).isZero();
		assertThat(full.waitlistLength()).isEqualTo(5);
	}

	@Test
	void aCohortHasAtLeastOneSeat() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> cohort(0, 0, 0))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("capacity"));
	}

	@Test
	void noMoreSeatsThanTheCapacityCanBeTaken() {
		assertThatIllegalArgumentException().isThrownBy(() -> cohort(24, 25, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> cohort(24, -1, 0));
	}

	@Test
	void aWaitlistIsNeverNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> cohort(24, 24, -1));
	}

	@Test
	void aCohortHasANameATrackAPlaceAStartAndAFormat() {
		assertRejected("name",
				() -> new Cohort("c", " ", "Candidate", MARCH_FIRST, 24, CohortFormat.ONLINE, "Online", 0, 0));
		assertRejected("track",
				() -> new Cohort("c", "Spring 2026", null, MARCH_FIRST, 24, CohortFormat.ONLINE, "Online", 0, 0));
		assertRejected("location",
				() -> new Cohort("c", "Spring 2026", "Candidate", MARCH_FIRST, 24, CohortFormat.ONLINE, "", 0, 0));
		assertRejected("startsOn",
				() -> new Cohort("c", "Spring 2026", "Candidate", null, 24, CohortFormat.ONLINE, "Online", 0, 0));
		assertRejected("format",
				() -> new Cohort("c", "Spring 2026", "Candidate", MARCH_FIRST, 24, null, "Online", 0, 0));
	}

	private static Cohort cohort(int capacity, int seatsTaken, int waitlistLength) {
		return new Cohort("cohort-1", "Spring 2026 Candidate Cohort", "Candidate", MARCH_FIRST, capacity,
				CohortFormat.HYBRID, "St. Louis, MO", seatsTaken, waitlistLength);
	}

	private static void assertRejected(String field, Runnable creation) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(creation::run)
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly(field));
	}

}
