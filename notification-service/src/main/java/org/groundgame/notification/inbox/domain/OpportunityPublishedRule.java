package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A draft opportunity was published, so volunteers can sign up: every chapter that can
 * send volunteers hears of it, those of its state, those following that state, and the
 * organizing chapter. The opportunity carries nothing personal.
 */
public final class OpportunityPublishedRule implements NotificationRule<OpportunityPublished> {

	@Override
	public Class<OpportunityPublished> eventType() {
		return OpportunityPublished.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(OpportunityPublished event, ChapterDirectory chapters) {
		return Opportunities.organizerAndState(event.chapterId(), event.state(), chapters);
	}

	@Override
	public Notice template(OpportunityPublished event) {
		String title = Shifts.title(event.title());
		return new Notice("New volunteer opportunity: " + title,
				title + ", " + Opportunities.kindIn(event.type(), event.state())
						+ ", was published: volunteers can sign up for its shifts now. Share it with your members.");
	}

}
