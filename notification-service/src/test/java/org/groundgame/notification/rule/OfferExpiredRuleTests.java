package org.groundgame.notification.rule;

import org.groundgame.events.training.OfferExpired;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.CohortFixtures.EMAIL;
import static org.groundgame.notification.rule.CohortFixtures.EVERY_STATE;
import static org.groundgame.notification.rule.CohortFixtures.NAME;

class OfferExpiredRuleTests {

	private final NotificationRule<OfferExpired> rule = NotificationRules.standard().of(OfferExpired.class);

	@Test
	void theTraineeAloneIsWrittenToAtTheEventsAddressKeyedByTheirEnrollment() {
		OfferExpired expired = expired(EMAIL);

		assertThat(this.rule.addressees(expired)).containsExactly(new Addressee("enrollment-9", EMAIL, NAME));
		assertThat(this.rule.audience(expired, EVERY_STATE)).isEmpty();
		assertThat(this.rule.notifiesStaff(expired)).isFalse();
		assertThat(this.rule.addressees(expired(" "))).isEmpty();
	}

	@Test
	void theTraineeIsToldTheOfferExpiredAndTheSeatWentToTheNextInLine() {
		Notice notice = this.rule.personalTemplate(expired(EMAIL));

		assertThat(notice.title()).isEqualTo("Your seat offer for Spring 2027 Candidate Cohort has expired");
		assertThat(notice.body()).contains("was not accepted in time")
			.contains("the seat has gone to the next person in line");
		assertThat(notice.link()).isNull();
		assertThat(notice.title() + notice.body()).doesNotContain(NAME).doesNotContain(EMAIL);
	}

	private static OfferExpired expired(String email) {
		return new OfferExpired("event-10", CohortFixtures.NOW, "cohort-1", "enrollment-9", "mobilize-missouri", NAME,
				email, CohortFixtures.doverCandidates());
	}

}
