package org.groundgame.notification.rule;

import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.CohortFixtures.EVERY_STATE;

class TraineeGraduatedRuleTests {

	private final NotificationRule<TraineeGraduated> rule = NotificationRules.standard().of(TraineeGraduated.class);

	@Test
	void theChapterTheTraineeNamedHearsOfItUnderTraining() {
		TraineeGraduated graduated = graduated("mobilize-missouri");

		assertThat(this.rule.audience(graduated, EVERY_STATE)).containsExactly("mobilize-missouri");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.TRAINING);
		assertThat(this.rule.addressees(graduated)).isEmpty();
		assertThat(this.rule.notifiesStaff(graduated)).isFalse();
	}

	@Test
	void aTraineeWhoNamedNoChapterConcernsNone() {
		assertThat(this.rule.audience(graduated(null), EVERY_STATE)).isEmpty();
		assertThat(this.rule.audience(graduated(" "), EVERY_STATE)).isEmpty();
	}

	@Test
	void theChapterIsToldAMemberCompletedTheCohortWithoutWho() {
		Notice notice = this.rule.template(graduated("mobilize-missouri"));

		assertThat(notice.title()).isEqualTo("A member of your chapter completed Spring 2027 Candidate Cohort");
		assertThat(notice.body())
			.startsWith("A member of your chapter attended every session of Spring 2027 "
					+ "Candidate Cohort of the Campaign Leadership School and completed it.")
			.doesNotContain("enrollment-4");
	}

	private static TraineeGraduated graduated(String chapterId) {
		return new TraineeGraduated("event-4", CohortFixtures.NOW, "cohort-1", "enrollment-4", chapterId,
				CohortFixtures.doverCandidates());
	}

}
