package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The nominating chapter hears that staff took up its nomination, so that it knows the
 * nomination is moving. Staff need no notice of what they did themselves, and who reviews
 * is theirs to know (the event names nobody).
 */
public final class NominationReviewStartedRule implements NotificationRule<NominationReviewStarted> {

	@Override
	public Class<NominationReviewStarted> eventType() {
		return NominationReviewStarted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	@Override
	public Set<String> audience(NominationReviewStarted event, ChapterDirectory chapters) {
		return Races.hasText(event.nominatingChapterId()) ? Set.of(event.nominatingChapterId()) : Set.of();
	}

	@Override
	public Notice template(NominationReviewStarted event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Under review: " + candidacy, "National staff began reviewing your chapter's nomination of "
				+ candidacy + ". They may be in touch with questions; you will hear of their decision.");
	}

}
