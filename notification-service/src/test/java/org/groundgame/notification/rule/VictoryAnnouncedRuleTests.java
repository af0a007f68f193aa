package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VictoryAnnouncedRuleTests {

	private static final RaceSummary STATE_SENATE_MO_4 = new RaceSummary("State Senator", "STATE", "MO", "4", null,
			LocalDate.of(2026, 11, 3));

	private final ChapterDirectory chapters = (state) -> Map
		.of("MO", Set.of("mobilize-missouri", "columbia"), "KS", Set.of("wichita"))
		.getOrDefault(state, Set.of());

	private final NotificationRule<VictoryAnnounced> rule = NotificationRules.standard().of(VictoryAnnounced.class);

	@Test
	void theAnnouncementReachesTheStatesChaptersAndTheNominatingChapterInStaffsWords() {
		VictoryAnnounced announced = announced("wichita", " Sam Rivera wins Senate District 4 ",
				"Thank you to every volunteer.");

		assertThat(this.rule.audience(announced, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri",
				"columbia", "wichita");
		assertThat(this.rule.template(announced))
			.isEqualTo(new Notice("Sam Rivera wins Senate District 4", "Thank you to every volunteer."));
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.OUTCOMES);
		assertThat(this.rule.subjectId(announced)).isEqualTo("endorsement-1");
	}

	@Test
	void withoutItsWordsAfterAnErasureItStillReadsAsAVictory() {
		VictoryAnnounced erased = announced(null, null, null);

		assertThat(this.rule.audience(erased, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri",
				"columbia");
		assertThat(this.rule.template(erased).title())
			.isEqualTo("Victory: Sam Rivera for State Senator (MO, District 4)");
	}

	private static VictoryAnnounced announced(String chapterId, String headline, String message) {
		return new VictoryAnnounced("event-1", Instant.parse("2026-11-04T03:00:00Z"), "endorsement-1", "nomination-1",
				"Sam Rivera", STATE_SENATE_MO_4, chapterId, "candidate-1", headline, message);
	}

}
