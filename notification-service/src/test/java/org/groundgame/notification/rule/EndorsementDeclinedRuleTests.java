package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.EndorsementDeclined;
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
class EndorsementDeclinedRuleTests {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	/** Every chapter of every state: a nomination's progress concerns its own alone. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	@Test
	void aDeclineReachesTheNominatingChapterWithStaffsReason() {
		NotificationRule<EndorsementDeclined> rule = NotificationRules.standard().of(EndorsementDeclined.class);
		EndorsementDeclined declined = new EndorsementDeclined("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city", "The district's chapters did not vote on it.", "candidate-1");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(declined, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(declined)).isFalse();
		Notice notice = rule.template(declined);
		assertThat(notice.title()).isEqualTo("Not endorsed: Jane Example for State Representative (MO, District 80)");
		assertThat(notice.body()).contains("decided not to endorse")
			.contains("\n\nTheir reason: The district's chapters did not vote on it.");
		assertThat(rule
			.template(new EndorsementDeclined("event-2", AT, "nomination-1", "Jane Example", STATE_HOUSE_MO_80,
					"kansas-city", "  ", "candidate-1"))
			.body()).doesNotContain("reason");
		assertThat(rule.subjectId(declined)).isEqualTo("nomination-1");
	}

}
