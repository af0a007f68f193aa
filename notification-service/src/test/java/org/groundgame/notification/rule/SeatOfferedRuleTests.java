package org.groundgame.notification.rule;

import java.time.Instant;

import org.groundgame.events.training.SeatOffered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.CohortFixtures.EMAIL;
import static org.groundgame.notification.rule.CohortFixtures.EVERY_STATE;
import static org.groundgame.notification.rule.CohortFixtures.NAME;

class SeatOfferedRuleTests {

	private static final String LINK = "https://groundgame.example/training/offer/enrollment-9#token=b2ZmZXItdG9rZW4tb2YtYWRh";

	private static final Instant EXPIRES = Instant.parse("2026-12-03T15:00:00Z");

	private final NotificationRule<SeatOffered> rule = NotificationRules.standard().of(SeatOffered.class);

	@Test
	void theTraineeAloneIsWrittenToAtTheEventsAddressKeyedByTheirEnrollment() {
		SeatOffered offered = offered(EMAIL, LINK, EXPIRES);

		assertThat(this.rule.addressees(offered)).containsExactly(new Addressee("enrollment-9", EMAIL, NAME));
		assertThat(this.rule.audience(offered, EVERY_STATE)).isEmpty();
		assertThat(this.rule.people(offered)).isEmpty();
		assertThat(this.rule.notifiesStaff(offered)).isFalse();
	}

	@Test
	void withoutAnAddressOrAWebLinkThereIsNothingToSend() {
		assertThat(this.rule.addressees(offered(null, LINK, EXPIRES))).isEmpty();
		assertThat(this.rule.addressees(offered(EMAIL, null, EXPIRES))).isEmpty();
		assertThat(this.rule.addressees(offered(EMAIL, "javascript:alert(1)", EXPIRES))).isEmpty();
		assertThat(this.rule.addressees(offered(EMAIL, "/training/offer#token=x", EXPIRES))).isEmpty();
	}

	@Test
	void theTraineeIsToldUntilWhenToAcceptWithThePrivateLink() {
		Notice notice = this.rule.personalTemplate(offered(EMAIL, LINK, EXPIRES));

		assertThat(notice.title()).isEqualTo(
				"A seat opened up for you in Spring 2027 Candidate Cohort — accept by December 3, 2026 at 15:00 UTC");
		assertThat(notice.body()).contains("Accept it by December 3, 2026 at 15:00 UTC: after that the offer expires")
			.contains("It starts on Saturday, January 9, 2027, in person at 1 Loockerman St, Dover.")
			.contains("do not forward");
		assertThat(notice.link()).isEqualTo(new Notice.Link("See and accept your offer", LINK));
		// The link is the button's, never loose in the text other channels could show.
		assertThat(notice.title() + notice.body()).doesNotContain("token");
	}

	@Test
	void whatAnyoneButTheTraineeCouldBeToldHasNoLinkNorNameNorAddress() {
		Notice notice = this.rule.template(offered(EMAIL, LINK, EXPIRES));

		assertThat(notice.link()).isNull();
		assertThat(notice.title() + notice.body()).doesNotContain("token")
			.doesNotContain(LINK)
			.doesNotContain(NAME)
			.doesNotContain(EMAIL);
	}

	@Test
	void anOfferWithoutADeadlineAsksToAcceptSoon() {
		Notice notice = this.rule.template(offered(EMAIL, LINK, null));

		assertThat(notice.title()).isEqualTo("A seat opened up for you in Spring 2027 Candidate Cohort");
		assertThat(notice.body()).contains("Accept it soon").doesNotContain("null");
	}

	@Test
	void neitherTheAddressNorTheLinkIsEverPrintedWithWhatCarriesThem() {
		SeatOffered offered = offered(EMAIL, LINK, EXPIRES);

		assertThat(this.rule.addressees(offered).toString()).doesNotContain(EMAIL).doesNotContain(NAME);
		assertThat(this.rule.personalTemplate(offered).toString()).doesNotContain("token");
	}

	private static SeatOffered offered(String email, String link, Instant expiresAt) {
		return new SeatOffered("event-9", CohortFixtures.NOW, "cohort-1", "enrollment-9", "mobilize-missouri", NAME,
				email, expiresAt, link, CohortFixtures.doverCandidates());
	}

}
