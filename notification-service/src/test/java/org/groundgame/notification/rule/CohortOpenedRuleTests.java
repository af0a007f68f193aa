package org.groundgame.notification.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.training.CohortOpened;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CohortOpenedRuleTests {

	/**
	 * Chapters in three states and a territory; "wilmington" also heard of as following
	 * Maryland.
	 */
	private final ChapterDirectory chapters = (state) -> Map
		.of("MO", Set.of("mobilize-missouri", "columbia"), "DE", Set.of("wilmington"), "MD", Set.of("wilmington"), "PR",
				Set.of("san-juan"))
		.getOrDefault(state, Set.of());

	private final NotificationRule<CohortOpened> rule = NotificationRules.standard().of(CohortOpened.class);

	@Test
	void everyChapterOfEveryStateAndTerritoryIsConcernedEachOnceUnderTraining() {
		CohortOpened opened = opened(List.of(LocalDate.of(2027, 1, 9), LocalDate.of(2027, 1, 16)));

		assertThat(this.rule.audience(opened, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri", "columbia",
				"wilmington", "san-juan");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.TRAINING);
		assertThat(this.rule.addressees(opened)).isEmpty();
		assertThat(this.rule.people(opened)).isEmpty();
		assertThat(this.rule.notifiesStaff(opened)).isFalse();
		assertThat(this.rule.subjectId(opened)).isEqualTo("cohort-1");
	}

	@Test
	void chaptersAreToldApplicationsAreOpenUntilWhenWithSeatsSessionsAndWhere() {
		Notice notice = this.rule.template(opened(List.of(LocalDate.of(2027, 1, 9), LocalDate.of(2027, 1, 16))));

		assertThat(notice.title()).isEqualTo("Applications open: Spring 2027 Candidate Cohort");
		assertThat(notice.body())
			.startsWith("The Campaign Leadership School is taking applications for Spring 2027 "
					+ "Candidate Cohort, the candidate track, until Tuesday, December 15, 2026. It has 24 seats and 2 "
					+ "sessions. It starts on Saturday, January 9, 2027, in person at 1 Loockerman St, Dover.")
			.contains("Encourage the members of your chapter");
		assertThat(notice.link()).isNull();
	}

	@Test
	void whatIsNotKnownIsLeftOut() {
		CohortOpened bare = new CohortOpened("event-1", CohortFixtures.NOW, "cohort-1", null, 0, null, null, 48);

		Notice notice = this.rule.template(bare);

		assertThat(notice.title()).isEqualTo("Applications open: a cohort of the Campaign Leadership School");
		assertThat(notice.body())
			.startsWith("The Campaign Leadership School is taking applications for a cohort of the Campaign "
					+ "Leadership School.\n\n")
			.doesNotContain("null")
			.doesNotContain("It has");
	}

	private static CohortOpened opened(List<LocalDate> sessions) {
		return new CohortOpened("event-1", CohortFixtures.NOW, "cohort-1", CohortFixtures.doverCandidates(), 24,
				LocalDate.of(2026, 12, 15), sessions, 48);
	}

}
