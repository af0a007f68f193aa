package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.NominationWithdrawn;
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
class NominationWithdrawnRuleTests {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	/** Every chapter of every state: a nomination's progress concerns its own alone. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	@Test
	void aWithdrawalReachesStaffAndTheNominatingChapter() {
		NotificationRule<NominationWithdrawn> rule = NotificationRules.standard().of(NominationWithdrawn.class);
		NominationWithdrawn withdrawn = new NominationWithdrawn("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city", "The candidate left the race.");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(withdrawn, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(withdrawn)).isTrue();
		assertThat(rule.template(withdrawn).title())
			.isEqualTo("Nomination withdrawn: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.template(withdrawn).body()).startsWith("Your chapter's nomination of Jane Example")
			.endsWith("Reason given: The candidate left the race.");
		assertThat(rule.staffTemplate(withdrawn).body()).contains("needs no decision any more")
			.endsWith("Reason given: The candidate left the race.");
		assertThat(rule
			.template(new NominationWithdrawn("event-2", AT, "nomination-1", "Jane Example", STATE_HOUSE_MO_80,
					"kansas-city", null))
			.body()).doesNotContain("Reason");
	}

}
