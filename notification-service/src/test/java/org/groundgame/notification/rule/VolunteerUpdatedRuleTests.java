package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerUpdatedRuleTests {

	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	private final NotificationRule<VolunteerUpdated> rule = NotificationRules.standard().of(VolunteerUpdated.class);

	@Test
	void theChapterAVolunteerMovedToHearsOfItsNewMember() {
		VolunteerUpdated moved = updated("kansas-city", "columbia");

		assertThat(this.rule.audience(moved, this.chapters)).containsExactly("kansas-city");
		Notice notice = this.rule.template(moved);
		assertThat(notice.title()).isEqualTo("New member: Jane Example (moved from another chapter)");
		assertThat(notice.body()).isEqualTo("Jane Example moved to your chapter from another chapter. Their contact "
				+ "details are in your chapter's member list: reach out and welcome them.");
		assertThat(notice.title() + notice.body()).doesNotContain("@", "columbia");
	}

	@Test
	void aVolunteerWhoHadNoChapterJoinsOne() {
		Notice notice = this.rule.template(updated("kansas-city", null));

		assertThat(this.rule.audience(updated("kansas-city", null), this.chapters)).containsExactly("kansas-city");
		assertThat(notice.title()).isEqualTo("New member: Jane Example");
		assertThat(notice.body()).startsWith("Jane Example joined your chapter.");
	}

	@Test
	void newContactDetailsOrConsentAreNoNewsToAnyChapter() {
		assertThat(this.rule.audience(updated("kansas-city", "kansas-city"), this.chapters)).isEmpty();
	}

	@Test
	void aVolunteerWhoLeftForNoChapterConcernsNoChapter() {
		assertThat(this.rule.audience(updated(null, "kansas-city"), this.chapters)).isEmpty();
	}

	@Test
	void theVolunteerIsNotWrittenToAndTheEntryIsAboutThem() {
		VolunteerUpdated moved = updated("kansas-city", "columbia");

		assertThat(this.rule.people(moved)).isEmpty();
		assertThat(this.rule.notifiesStaff(moved)).isFalse();
		assertThat(this.rule.subjectId(moved)).isEqualTo("volunteer-1");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.VOLUNTEERS);
	}

	private static VolunteerUpdated updated(String chapterId, String previousChapterId) {
		return new VolunteerUpdated("event-1", Instant.parse("2026-05-01T12:00:00Z"), "volunteer-1", chapterId,
				previousChapterId, "Jane Example", "jane@example.org", "MO", new Consent(true, false));
	}

}
