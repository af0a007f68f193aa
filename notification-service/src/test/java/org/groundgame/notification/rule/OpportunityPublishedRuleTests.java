package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityPublishedRuleTests {

	private final ChapterDirectory chapters = (state) -> "MO".equals(state) ? Set.of("mobilize-missouri", "columbia")
			: Set.of();

	private final NotificationRule<OpportunityPublished> rule = NotificationRules.standard()
		.of(OpportunityPublished.class);

	@Test
	void aPublishedOpportunityConcernsTheChaptersOfItsStateAndItsOrganizer() {
		assertThat(this.rule.audience(published("columbia"), this.chapters)).containsExactlyInAnyOrder("columbia",
				"mobilize-missouri");
		assertThat(this.rule.audience(published("kansas-city"), this.chapters)).containsExactlyInAnyOrder("kansas-city",
				"mobilize-missouri", "columbia");
		assertThat(this.rule.audience(published(null), this.chapters)).containsExactlyInAnyOrder("mobilize-missouri",
				"columbia");
		assertThat(this.rule.notifiesStaff(published(null))).isFalse();
	}

	@Test
	void chaptersAreToldVolunteersCanSignUp() {
		Notice notice = this.rule.template(published("columbia"));

		assertThat(notice.title()).isEqualTo("New volunteer opportunity: Phone bank for Jane Example");
		assertThat(notice.body()).isEqualTo("Phone bank for Jane Example, a phone bank in MO, was published: "
				+ "volunteers can sign up for its shifts now. Share it with your members.");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.VOLUNTEERS);
	}

	private static OpportunityPublished published(String chapterId) {
		return new OpportunityPublished("event-1", Instant.parse("2026-09-01T12:00:00Z"), "opportunity-1",
				"Phone bank for Jane Example", "PHONE_BANK", "MO", chapterId, "endorsement-1");
	}

}
