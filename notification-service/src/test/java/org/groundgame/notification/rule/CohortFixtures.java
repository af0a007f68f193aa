package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.training.CohortSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/** Cohorts as campaign-training-service describes them, for the rules' tests. */
final class CohortFixtures {

	static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

	static final String NAME = "Ada Trainee";

	static final String EMAIL = "ada.trainee@trainees.example";

	/** Every chapter of every state: none of them may hear of a trainee's own news. */
	static final ChapterDirectory EVERY_STATE = (state) -> Set.of("mobilize-missouri", "columbia");

	private CohortFixtures() {
	}

	/** Meets in person in Dover from Saturday, January 9, 2027. */
	static CohortSummary doverCandidates() {
		return new CohortSummary("cohort-1", "Spring 2027 Candidate Cohort", "CANDIDATE", LocalDate.of(2027, 1, 9),
				"IN_PERSON", "1 Loockerman St, Dover");
	}

	/** Meets online from Saturday, January 30, 2027. */
	static CohortSummary onlineOrganizers() {
		return new CohortSummary("cohort-2", "Winter Organizer Cohort", "ORGANIZER", LocalDate.of(2027, 1, 30),
				"ONLINE", "Online");
	}

}
