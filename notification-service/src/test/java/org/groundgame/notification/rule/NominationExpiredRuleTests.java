package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nomination's progress concerns the chapter that nominated (and staff, where they have
 * something to do or to know), under {@code NOMINATIONS}, never the other chapters of the
 * state.
 */
class NominationExpiredRuleTests {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	/** Every chapter of every state: a nomination's progress concerns its own alone. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	@Test
	void anExpiryReachesStaffAndTheNominatingChapterWithTheElectionDay() {
		NotificationRule<NominationExpired> rule = NotificationRules.standard().of(NominationExpired.class);
		NominationExpired expired = new NominationExpired("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(expired, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(expired)).isTrue();
		assertThat(rule.template(expired).title())
			.isEqualTo("Nomination expired: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.template(expired).body()).startsWith("The election of 2026-11-03 passed before national staff")
			.contains("your chapter's nomination");
		assertThat(rule.staffTemplate(expired).body()).isEqualTo("The nomination of Jane Example for State "
				+ "Representative (MO, District 80) was still undecided when its election of 2026-11-03 passed, "
				+ "and expired.");
	}

}
