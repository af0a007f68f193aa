package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerSignedUpRuleTests {

	/** Every chapter of every state: a new member concerns their own chapter alone. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	private final NotificationRule<VolunteerSignedUp> rule = NotificationRules.standard().of(VolunteerSignedUp.class);

	@Test
	void newMembersChapterAloneHearsOfThem() {
		assertThat(this.rule.audience(signedUp("kansas-city", true), this.chapters)).containsExactly("kansas-city");
	}

	@Test
	void signingUpAgainIsNoNewsToTheChapter() {
		assertThat(this.rule.audience(signedUp("kansas-city", false), this.chapters)).isEmpty();
	}

	@Test
	void volunteerWithoutAChapterConcernsNoChapter() {
		assertThat(this.rule.audience(signedUp(null, true), this.chapters)).isEmpty();
		assertThat(this.rule.audience(signedUp(" ", true), this.chapters)).isEmpty();
	}

	@Test
	void chaptersSubscribeToVolunteersToHearOfNewMembers() {
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.VOLUNTEERS);
		assertThat(this.rule.topic()).isEqualTo(Topics.VOLUNTEER);
	}

	@Test
	void noticeNamesTheNewMemberAndNothingElseOfThem() {
		Notice notice = this.rule.template(signedUp("kansas-city", true));
		assertThat(notice.title()).isEqualTo("New member: Jane Example");
		assertThat(notice.body()).isEqualTo("Jane Example signed up to volunteer with your chapter. "
				+ "Their contact details are in your chapter's member list: reach out and welcome them.");
		assertThat(notice.title() + notice.body()).doesNotContain("jane@example.org", "@", "555");
	}

	@Test
	void volunteerWhoGaveNoNameIsStillANewMember() {
		VolunteerSignedUp nameless = new VolunteerSignedUp("event-1", Instant.parse("2026-05-01T12:00:00Z"),
				"volunteer-1", "kansas-city", " ", "jane@example.org", "MO", new Consent(true, false), true);
		assertThat(this.rule.template(nameless).title()).isEqualTo("New member: A volunteer");
	}

	@Test
	void entryIsAboutTheVolunteer() {
		assertThat(this.rule.subjectId(signedUp("kansas-city", true))).isEqualTo("volunteer-1");
	}

	private static VolunteerSignedUp signedUp(String chapterId, boolean firstSignUp) {
		return new VolunteerSignedUp("event-1", Instant.parse("2026-05-01T12:00:00Z"), "volunteer-1", chapterId,
				"Jane Example", "jane@example.org", "MO", new Consent(true, false), firstSignUp);
	}

}
