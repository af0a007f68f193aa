package org.groundgame.notification.rule;

import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.TraineeEnrolled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.CohortFixtures.EMAIL;
import static org.groundgame.notification.rule.CohortFixtures.EVERY_STATE;
import static org.groundgame.notification.rule.CohortFixtures.NAME;

class TraineeEnrolledRuleTests {

	private final NotificationRule<TraineeEnrolled> rule = NotificationRules.standard().of(TraineeEnrolled.class);

	@Test
	void theTraineeAloneIsWrittenToAtTheEventsAddressKeyedByTheirEnrollment() {
		TraineeEnrolled enrolled = enrolled(EMAIL, CohortFixtures.doverCandidates());

		assertThat(this.rule.addressees(enrolled)).containsExactly(new Addressee("enrollment-1", EMAIL, NAME));
		assertThat(this.rule.audience(enrolled, EVERY_STATE)).isEmpty();
		assertThat(this.rule.people(enrolled)).isEmpty();
		assertThat(this.rule.notifiesStaff(enrolled)).isFalse();
	}

	@Test
	void withoutAnAddressThereIsNothingToSend() {
		assertThat(this.rule.addressees(enrolled(null, CohortFixtures.doverCandidates()))).isEmpty();
		assertThat(this.rule.addressees(enrolled("  ", CohortFixtures.doverCandidates()))).isEmpty();
	}

	@Test
	void theTraineeIsToldTheyHaveASeatAndWhenAndWhereTheCohortMeets() {
		Notice notice = this.rule.personalTemplate(enrolled(EMAIL, CohortFixtures.doverCandidates()));

		assertThat(notice.title()).isEqualTo("You have a seat in Spring 2027 Candidate Cohort");
		assertThat(notice.body())
			.startsWith(
					"You are enrolled in Spring 2027 Candidate Cohort, the candidate track of the Campaign Leadership "
							+ "School. It starts on Saturday, January 9, 2027, in person at 1 Loockerman St, Dover.")
			.contains("attend every session");
		assertThat(notice.link()).isNull();
	}

	@Test
	void anOnlineCohortIsToldAsOnline() {
		Notice notice = this.rule.template(enrolled(EMAIL, CohortFixtures.onlineOrganizers()));

		assertThat(notice.body()).contains("the organizer track")
			.contains("It starts on Saturday, January 30, 2027, online.");
	}

	@Test
	void aCohortWithoutDetailsIsStillNamed() {
		Notice notice = this.rule
			.template(enrolled(EMAIL, new CohortSummary("cohort-3", null, null, null, null, null)));

		assertThat(notice.title()).isEqualTo("You have a seat in a cohort of the Campaign Leadership School");
		assertThat(notice.body()).doesNotContain("null").doesNotContain("It starts");
	}

	@Test
	void neitherTheNameNorTheAddressIsInTheTextOrPrinted() {
		TraineeEnrolled enrolled = enrolled(EMAIL, CohortFixtures.doverCandidates());
		Notice notice = this.rule.template(enrolled);

		assertThat(notice.title() + notice.body()).doesNotContain(NAME).doesNotContain(EMAIL);
		assertThat(this.rule.addressees(enrolled).toString()).doesNotContain(NAME).doesNotContain(EMAIL);
		assertThat(enrolled.toString()).doesNotContain(NAME).doesNotContain(EMAIL);
	}

	private static TraineeEnrolled enrolled(String email, CohortSummary cohort) {
		return new TraineeEnrolled("event-1", CohortFixtures.NOW, cohort.cohortId(), "enrollment-1",
				"mobilize-missouri", NAME, email, cohort);
	}

}
