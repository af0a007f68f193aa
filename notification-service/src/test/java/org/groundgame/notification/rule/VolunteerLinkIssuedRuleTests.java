package org.groundgame.notification.rule;

import java.time.Instant;

import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerLinkIssuedRuleTests {

	private static final String LINK = "https://groundgame.example/volunteers/v-1#token=a2V5LW9mLWFkYQ";

	private static final String FEED = "https://groundgame.example/api/volunteers/v-1/calendar.ics?token=ZmVlZA";

	private final NotificationRule<VolunteerLinkIssued> rule = NotificationRules.standard()
		.of(VolunteerLinkIssued.class);

	@Test
	void theVolunteerAloneIsWrittenToAtTheEventsAddressWhateverTheirConsent() {
		VolunteerLinkIssued issued = issued("ada@example.org", LINK, FEED);

		assertThat(this.rule.addressees(issued)).containsExactly(new Addressee("v-1", "ada@example.org", "Ada"));
		assertThat(this.rule.audience(issued, null)).isEmpty();
		assertThat(this.rule.people(issued)).isEmpty();
		assertThat(this.rule.notifiesStaff(issued)).isFalse();
	}

	@Test
	void withoutAnAddressOrAWebLinkThereIsNothingToSend() {
		assertThat(this.rule.addressees(issued(null, LINK, FEED))).isEmpty();
		assertThat(this.rule.addressees(issued("ada@example.org", null, FEED))).isEmpty();
		assertThat(this.rule.addressees(issued("ada@example.org", "javascript:alert(1)", FEED))).isEmpty();
	}

	@Test
	void onlyTheEmailCarriesTheLinkAndTheFeed() {
		Notice personal = this.rule.personalTemplate(issued("ada@example.org", LINK, FEED));
		Notice anyoneElses = this.rule.template(issued("ada@example.org", LINK, FEED));

		assertThat(personal.link()).isEqualTo(new Notice.Link("RSVP and manage your shifts", LINK));
		assertThat(personal.body()).contains(FEED).contains("do not forward");
		assertThat(personal.title() + personal.body()).doesNotContain(LINK);
		assertThat(anyoneElses.link()).isNull();
		assertThat(anyoneElses.title() + anyoneElses.body()).doesNotContain("token").doesNotContain("ada@");
		assertThat(this.rule.personalTemplate(issued("ada@example.org", LINK, null)).body()).doesNotContain("null");
	}

	private static VolunteerLinkIssued issued(String email, String link, String feed) {
		return new VolunteerLinkIssued("e-1", Instant.parse("2026-12-01T12:00:00Z"), "v-1", "Ada", email, link, feed);
	}

}
