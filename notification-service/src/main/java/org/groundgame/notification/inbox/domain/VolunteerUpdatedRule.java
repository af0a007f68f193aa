package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A volunteer who moved to another chapter is a new member of it: that chapter hears of
 * them, by its id, as it would of a first sign-up ({@link VolunteerSignedUpRule}). New
 * contact details or consent are no news to any chapter, and a volunteer who left their
 * chapter for none concerns no chapter. The notice names the volunteer and nothing more;
 * the chapter they left is not named either. The volunteer is not written to: which
 * chapter organizes them changes nothing they must do.
 */
public final class VolunteerUpdatedRule implements NotificationRule<VolunteerUpdated> {

	@Override
	public Class<VolunteerUpdated> eventType() {
		return VolunteerUpdated.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(VolunteerUpdated event, ChapterDirectory chapters) {
		return (event.chapterChanged() && Races.hasText(event.chapterId())) ? Set.of(event.chapterId()) : Set.of();
	}

	@Override
	public Notice template(VolunteerUpdated event) {
		String name = Races.hasText(event.name()) ? event.name().strip() : "A volunteer";
		boolean moved = Races.hasText(event.previousChapterId());
		String title = "New member: " + name + (moved ? " (moved from another chapter)" : "");
		String body = name + (moved ? " moved to your chapter from another chapter." : " joined your chapter.")
				+ " Their contact details are in your chapter's member list: reach out and welcome them.";
		return new Notice(title, body);
	}

}
