package org.groundgame.notification.rule;

import org.groundgame.events.training.TraineeWaitlisted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.CohortFixtures.EMAIL;
import static org.groundgame.notification.rule.CohortFixtures.EVERY_STATE;
import static org.groundgame.notification.rule.CohortFixtures.NAME;

class TraineeWaitlistedRuleTests {

	private final NotificationRule<TraineeWaitlisted> rule = NotificationRules.standard().of(TraineeWaitlisted.class);

	@Test
	void theTraineeAloneIsWrittenToAtTheEventsAddressKeyedByTheirEnrollment() {
		TraineeWaitlisted waitlisted = waitlisted(3);

		assertThat(this.rule.addressees(waitlisted)).containsExactly(new Addressee("enrollment-7", EMAIL, NAME));
		assertThat(this.rule.audience(waitlisted, EVERY_STATE)).isEmpty();
		assertThat(this.rule.notifiesStaff(waitlisted)).isFalse();
	}

	@Test
	void theTraineeIsToldTheirPlaceInLineAndWhenTheCohortStarts() {
		Notice notice = this.rule.personalTemplate(waitlisted(3));

		assertThat(notice.title()).isEqualTo("You're #3 on the waitlist for Spring 2027 Candidate Cohort");
		assertThat(notice.body()).contains("you are on its waitlist, number 3 in line.")
			.contains("It starts on Saturday, January 9, 2027, in person at 1 Loockerman St, Dover.")
			.contains("first come, first served");
	}

	@Test
	void anUnknownPlaceInLineIsNotMadeUp() {
		Notice notice = this.rule.template(waitlisted(0));

		assertThat(notice.title()).isEqualTo("You're on the waitlist for Spring 2027 Candidate Cohort");
		assertThat(notice.body()).contains("in line for a seat").doesNotContain("#0").doesNotContain("number 0");
	}

	@Test
	void neitherTheNameNorTheAddressIsInTheText() {
		Notice notice = this.rule.template(waitlisted(3));

		assertThat(notice.title() + notice.body()).doesNotContain(NAME).doesNotContain(EMAIL);
	}

	private static TraineeWaitlisted waitlisted(int position) {
		return new TraineeWaitlisted("event-7", CohortFixtures.NOW, "cohort-1", "enrollment-7", null, NAME, EMAIL,
				position, CohortFixtures.doverCandidates());
	}

}
