package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.NominationReviewStarted;
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
class NominationReviewStartedRuleTests {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	/** Every chapter of every state: a nomination's progress concerns its own alone. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	@Test
	void aReviewStartedIsNewsToTheNominatingChapterOnly() {
		NotificationRule<NominationReviewStarted> rule = NotificationRules.standard().of(NominationReviewStarted.class);
		NominationReviewStarted started = new NominationReviewStarted("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(started, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(started)).isFalse();
		assertThat(rule.template(started).title())
			.isEqualTo("Under review: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.audience(
				new NominationReviewStarted("event-2", AT, "nomination-2", "Jane Example", STATE_HOUSE_MO_80, " "),
				this.chapters))
			.isEmpty();
	}

}
