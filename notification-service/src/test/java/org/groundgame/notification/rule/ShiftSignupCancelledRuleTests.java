package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftSignupCancelledRuleTests {

	private final NotificationRule<ShiftSignupCancelled> rule = NotificationRules.standard()
		.of(ShiftSignupCancelled.class);

	@Test
	void aVolunteerWhoCancelledIsToldItIsDone() {
		ShiftSignupCancelled cancelled = cancelled("VOLUNTEER", false);

		assertThat(this.rule.people(cancelled)).containsExactly("volunteer-1");
		assertThat(this.rule.audience(cancelled, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		Notice notice = this.rule.personalTemplate(cancelled);
		assertThat(notice.title()).isEqualTo("Signup cancelled: Canvass for Jane Example");
		assertThat(notice.body()).startsWith("As you asked, your signup for Canvass for Jane Example, a canvass, "
				+ "on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis is cancelled. "
				+ "Thank you for letting us know: your seat goes to the next volunteer in line.");
	}

	@Test
	void aVolunteerWhoLeftTheWaitlistFreedNoSeat() {
		Notice notice = this.rule.personalTemplate(cancelled("volunteer", true));

		assertThat(notice.body()).startsWith("As you asked, your place on the waitlist of Canvass for Jane Example")
			.doesNotContain("your seat goes");
	}

	@Test
	void aVolunteerWhoseSignupTheOrganizersCancelledIsToldSo() {
		ShiftSignupCancelled cancelled = cancelled("ORGANIZER", false);

		assertThat(this.rule.people(cancelled)).containsExactly("volunteer-1");
		Notice notice = this.rule.personalTemplate(cancelled);
		assertThat(notice.title()).isEqualTo("Your signup was cancelled: Canvass for Jane Example");
		assertThat(notice.body())
			.startsWith("The organizers of the shift cancelled your signup for Canvass for Jane " + "Example");
	}

	@Test
	void aSignupCancelledByErasureConcernsNoOne() {
		assertThat(this.rule.people(cancelled("ERASURE", false))).isEmpty();
		assertThat(this.rule.audience(cancelled("ERASURE", false), (state) -> Set.of("mobilize-missouri"))).isEmpty();
	}

	@Test
	void aReasonNotKnownYetConcernsNoOne() {
		assertThat(this.rule.people(cancelled("SHIFT_CANCELLED", false))).isEmpty();
		assertThat(this.rule.people(cancelled(null, false))).isEmpty();
	}

	private static ShiftSignupCancelled cancelled(String reason, boolean wasWaitlisted) {
		return new ShiftSignupCancelled("event-1", Instant.parse("2026-11-20T12:00:00Z"), "shift-1", "signup-1",
				"volunteer-1", wasWaitlisted, reason, ShiftFixtures.canvass());
	}

}
