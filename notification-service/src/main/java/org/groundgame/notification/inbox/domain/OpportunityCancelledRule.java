package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The organizers cancelled an opportunity and its shifts not over yet: the organizing
 * chapter's inbox keeps one record of it (staff's, for national staff's own); each
 * shift's {@code ShiftCancelled} tells its volunteers. Carries nothing personal.
 */
public final class OpportunityCancelledRule implements NotificationRule<OpportunityCancelled> {

	@Override
	public Class<OpportunityCancelled> eventType() {
		return OpportunityCancelled.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(OpportunityCancelled event, ChapterDirectory chapters) {
		return Races.hasText(event.chapterId()) ? Set.of(event.chapterId()) : Set.of();
	}

	@Override
	public boolean notifiesStaff(OpportunityCancelled event) {
		return !Races.hasText(event.chapterId());
	}

	@Override
	public Notice template(OpportunityCancelled event) {
		String title = Shifts.title(event.title());
		int shifts = event.shiftsCancelled();
		return new Notice("Opportunity cancelled: " + title,
				title + ", " + Opportunities.kindIn(event.type(), event.state()) + ", was cancelled. Reason: "
						+ (Races.hasText(event.reason()) ? event.reason().strip() : "—") + "\n\n"
						+ ((shifts == 0) ? "No shift was still to come."
								: shifts + ((shifts == 1) ? " shift" : " shifts")
										+ " still to come were cancelled with it, and their volunteers told."));
	}

}
