package org.groundgame.notification.rule;

import java.time.Instant;

import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerChangeRequestedRuleTests {

	private static final String LINK = "https://groundgame.example/volunteers/confirm#token=Y29uZmlybQ";

	private final NotificationRule<VolunteerChangeRequested> rule = NotificationRules.standard()
		.of(VolunteerChangeRequested.class);

	@Test
	void thePersonAloneIsAskedAtTheirAddressWithTheSingleUseLink() {
		VolunteerChangeRequested requested = requested("ada@example.org", LINK);

		assertThat(this.rule.addressees(requested)).containsExactly(new Addressee("v-1", "ada@example.org", "Ada"));
		assertThat(this.rule.audience(requested, null)).isEmpty();
		assertThat(this.rule.notifiesStaff(requested)).isFalse();
		assertThat(this.rule.addressees(requested(null, LINK))).isEmpty();
		assertThat(this.rule.addressees(requested("ada@example.org", "/volunteers/confirm#token=x"))).isEmpty();
	}

	@Test
	void theMessageSaysUntilWhenAndThatIgnoringItChangesNothing() {
		Notice notice = this.rule.personalTemplate(requested("ada@example.org", LINK));

		assertThat(notice.title()).isEqualTo("Confirm the change to your volunteer details");
		assertThat(notice.body()).contains("Nothing changes until you confirm it")
			.contains("until December 3, 2026 at 12:00 UTC")
			.contains("If it was not you, ignore this e-mail");
		assertThat(notice.link()).isEqualTo(new Notice.Link("Confirm the change", LINK));
		assertThat(this.rule.template(requested("ada@example.org", LINK)).link()).isNull();
		assertThat(notice.title() + notice.body()).doesNotContain("token");
	}

	private static VolunteerChangeRequested requested(String email, String link) {
		return new VolunteerChangeRequested("e-1", Instant.parse("2026-12-01T12:00:00Z"), "v-1", "Ada", email, link,
				Instant.parse("2026-12-03T12:00:00Z"));
	}

}
