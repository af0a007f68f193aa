package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityOpenedRuleTests {

	/** Missouri's chapters (and those following Missouri); no other state has any. */
	private final ChapterDirectory chapters = (state) -> "MO".equals(state) ? Set.of("mobilize-missouri", "columbia")
			: Set.of();

	private final NotificationRule<OpportunityOpened> rule = NotificationRules.standard().of(OpportunityOpened.class);

	@Test
	void aDraftTeamConcernsTheChapterThatOrganizesItAlone() {
		OpportunityOpened draft = opened("DRAFT", "kansas-city");

		assertThat(this.rule.audience(draft, this.chapters)).containsExactlyInAnyOrder("kansas-city");
		assertThat(this.rule.notifiesStaff(draft)).isFalse();
		assertThat(this.rule.template(draft).title())
			.isEqualTo("Add shifts and publish: Volunteer team: Jane Example for State Senator (MO, District 4)");
		assertThat(this.rule.template(draft).body()).contains("a canvass in MO").contains("add its shifts");
	}

	@Test
	void aDraftTeamNoChapterOrganizesIsStaffsToFill() {
		OpportunityOpened draft = opened("DRAFT", null);

		assertThat(this.rule.audience(draft, this.chapters)).isEmpty();
		assertThat(this.rule.notifiesStaff(draft)).isTrue();
		assertThat(this.rule.staffTemplate(draft).title()).startsWith("Add shifts and publish: ");
		assertThat(this.rule.staffTemplate(draft).body()).contains("no chapter to organize it");
	}

	@Test
	void anOpenOpportunityConcernsTheChaptersOfItsStateAndItsOrganizer() {
		OpportunityOpened open = opened("OPEN", "kansas-city");

		assertThat(this.rule.audience(open, this.chapters)).containsExactlyInAnyOrder("kansas-city",
				"mobilize-missouri", "columbia");
		assertThat(this.rule.notifiesStaff(open)).isFalse();
		Notice notice = this.rule.template(open);
		assertThat(notice.title())
			.isEqualTo("New volunteer opportunity: Volunteer team: Jane Example for State Senator (MO, District 4)");
		assertThat(notice.body()).isEqualTo("Volunteer team: Jane Example for State Senator (MO, District 4), "
				+ "a canvass in MO, is open: volunteers can sign up for its shifts now. Share it with your members.");
	}

	@Test
	void anOpenOpportunityOfStaffsConcernsTheChaptersOfItsState() {
		assertThat(this.rule.audience(opened("open", null), this.chapters))
			.containsExactlyInAnyOrder("mobilize-missouri", "columbia");
	}

	@Test
	void aStatusNotKnownYetConcernsNoOne() {
		OpportunityOpened paused = opened("PAUSED", "kansas-city");

		assertThat(this.rule.audience(paused, this.chapters)).isEmpty();
		assertThat(this.rule.notifiesStaff(paused)).isFalse();
	}

	@Test
	void chaptersSubscribeToVolunteersToHearOfOpportunities() {
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.VOLUNTEERS);
		assertThat(this.rule.topic()).isEqualTo(Topics.VOLUNTEER);
		assertThat(this.rule.subjectId(opened("OPEN", null))).isEqualTo("opportunity-1");
		assertThat(this.rule.people(opened("OPEN", null))).isEmpty();
	}

	private static OpportunityOpened opened(String status, String chapterId) {
		return new OpportunityOpened("event-1", Instant.parse("2026-09-01T12:00:00Z"), "opportunity-1",
				"Volunteer team: Jane Example for State Senator (MO, District 4)", "CANVASS", status, "MO", chapterId,
				"endorsement-1", "race-1");
	}

}
