package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A withdrawn nomination leaves staff's queue, so staff hear of it; the nominating
 * chapter hears too, whoever withdrew it (the chapter, or staff on its behalf).
 */
public final class NominationWithdrawnRule implements NotificationRule<NominationWithdrawn> {

	@Override
	public Class<NominationWithdrawn> eventType() {
		return NominationWithdrawn.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	@Override
	public Set<String> audience(NominationWithdrawn event, ChapterDirectory chapters) {
		return Races.hasText(event.nominatingChapterId()) ? Set.of(event.nominatingChapterId()) : Set.of();
	}

	@Override
	public Notice template(NominationWithdrawn event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination withdrawn: " + candidacy, "Your chapter's nomination of " + candidacy
				+ " was withdrawn before national staff decided on it." + Races.reason("Reason given", event.reason()));
	}

	@Override
	public boolean notifiesStaff(NominationWithdrawn event) {
		return true;
	}

	@Override
	public Notice staffTemplate(NominationWithdrawn event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination withdrawn: " + candidacy, "The nomination of " + candidacy
				+ " was withdrawn and needs no decision any more." + Races.reason("Reason given", event.reason()));
	}

}
