package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A chapter that nominates a candidate gets an acknowledgement; a nomination by an
 * individual concerns no chapter. Every nomination goes to national staff to review.
 */
public final class NominationSubmittedRule implements NotificationRule<NominationSubmitted> {

	@Override
	public Class<NominationSubmitted> eventType() {
		return NominationSubmitted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	@Override
	public Set<String> audience(NominationSubmitted event, ChapterDirectory chapters) {
		return Races.hasText(event.chapterId()) ? Set.of(event.chapterId()) : Set.of();
	}

	@Override
	public Notice template(NominationSubmitted event) {
		String candidateAndRace = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination received: " + candidateAndRace, "Your chapter's nomination of " + candidateAndRace
				+ " was received. National staff will review it and let you know their decision.");
	}

	/** National staff review every nomination, a chapter's or an individual's. */
	@Override
	public boolean notifiesStaff(NominationSubmitted event) {
		return true;
	}

	@Override
	public Notice staffTemplate(NominationSubmitted event) {
		String candidateAndRace = Races.candidacy(event.candidateName(), event.race());
		String by = Races.hasText(event.chapterId()) ? "a chapter" : "an individual";
		return new Notice("Nomination to review: " + candidateAndRace,
				"A nomination of " + candidateAndRace + " was submitted by " + by + " and awaits your review.");
	}

}
