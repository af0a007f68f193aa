package org.groundgame.notification.rule;

import java.time.LocalDate;

import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.CohortFixtures.EVERY_STATE;

class GraduateRanForOfficeRuleTests {

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	private final NotificationRule<GraduateRanForOffice> rule = NotificationRules.standard()
		.of(GraduateRanForOffice.class);

	@Test
	void theChapterTheGraduateNamedHearsOfItUnderTraining() {
		GraduateRanForOffice ran = ran("columbia");

		assertThat(this.rule.audience(ran, EVERY_STATE)).containsExactly("columbia");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.TRAINING);
		assertThat(this.rule.addressees(ran)).isEmpty();
		assertThat(this.rule.audience(ran(null), EVERY_STATE)).isEmpty();
	}

	@Test
	void theChapterIsToldAGraduateRunsForTheRaceWithoutWho() {
		Notice notice = this.rule.template(ran("columbia"));

		assertThat(notice.title()).isEqualTo(
				"A graduate of Spring 2027 Candidate Cohort is running for State Representative (MO, District 80)");
		assertThat(notice.body()).startsWith("A member of your chapter who completed Spring 2027 Candidate Cohort")
			.contains("has been nominated for State Representative (MO, District 80)")
			.doesNotContain("nomination-5")
			.doesNotContain("enrollment-5");
	}

	private static GraduateRanForOffice ran(String chapterId) {
		return new GraduateRanForOffice("event-5", CohortFixtures.NOW, "cohort-1", "enrollment-5", chapterId,
				"nomination-5", STATE_HOUSE_MO_80, CohortFixtures.doverCandidates());
	}

}
