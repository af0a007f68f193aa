package org.groundgame.events.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingEventsTests {

	private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

	private static final CohortSummary COHORT = new CohortSummary("spring-2026", "Spring 2026", "CANDIDATE",
			LocalDate.of(2026, 3, 7), "ONLINE", "Online");

	@Test
	void eventsThatCarryATraineesNameAndAddressLeaveThemOutOfTheirText() {
		List<Object> events = List.of(
				new TraineeEnrolled("e1", NOW, "spring-2026", "en-1", null, "Ada Lovelace", "ada@example.org", COHORT),
				new TraineeWaitlisted("e2", NOW, "spring-2026", "en-1", null, "Ada Lovelace", "ada@example.org", 3,
						COHORT),
				new SeatOffered("e3", NOW, "spring-2026", "en-1", null, "Ada Lovelace", "ada@example.org", NOW,
						"https://groundgame.example/training/enrollments/en-1#token=secret", COHORT),
				new OfferExpired("e4", NOW, "spring-2026", "en-1", null, "Ada Lovelace", "ada@example.org", COHORT));

		assertThat(events).allSatisfy((event) -> assertThat(event.toString()).contains("en-1")
			.doesNotContain("Ada")
			.doesNotContain("ada@example.org")
			.doesNotContain("secret"));
	}

	@Test
	void cohortAlertsLeaveTheAddressNameAndLinkOutOfTheirTextAndAreKeyedByTheAlert() {
		List<org.groundgame.events.DomainEvent> events = List.of(
				new CohortAlertRequested("e1", NOW, "alert-1", "CANDIDATE", "es", "Ada Lovelace", "ada@example.org",
						"https://groundgame.example/training/alerts#token=secret", false),
				new CohortAlertDue("e2", NOW, "alert-1", "CANDIDATE", "es", "Ada Lovelace", "ada@example.org", COHORT,
						LocalDate.of(2026, 2, 20), List.of(LocalDate.of(2026, 3, 7)),
						"https://groundgame.example/training/cohorts/spring-2026"));

		assertThat(events).allSatisfy((event) -> {
			assertThat(event.toString()).contains("alert-1")
				.contains("es")
				.doesNotContain("Ada")
				.doesNotContain("ada@example.org")
				.doesNotContain("secret");
			assertThat(event.aggregateId()).isEqualTo("alert-1");
			assertThat(event.personalDataSubject()).isEqualTo("alert-1");
		});
	}

	@Test
	void theOldConstructorsLeaveTheLanguageAbsent() {
		assertThat(new TraineeEnrolled("e1", NOW, "spring-2026", "en-1", null, "Ada", "ada@example.org", COHORT)
			.language()).isNull();
		assertThat(new SeatOffered("e3", NOW, "spring-2026", "en-1", null, "Ada", "ada@example.org", NOW,
				"https://groundgame.example/x", COHORT, "es")
			.language()).isEqualTo("es");
	}

	@Test
	void everyTrainingEventIsKeyedByItsCohort() {
		assertThat(new OfferDeclined("e1", NOW, "spring-2026", "en-1", null, COHORT).aggregateId())
			.isEqualTo("spring-2026");
		assertThat(new CohortOpened("e2", NOW, "spring-2026", COHORT, 20, LocalDate.of(2026, 2, 20),
				List.of(LocalDate.of(2026, 3, 7)), 48)
			.aggregateId()).isEqualTo("spring-2026");
	}

}
