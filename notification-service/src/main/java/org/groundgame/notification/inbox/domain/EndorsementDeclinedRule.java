package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The nominating chapter hears that staff declined its nomination, with the reason staff
 * gave (which the event says the chapter may read). Nobody else is told: a declined
 * nomination is no news to the state's other chapters.
 */
public final class EndorsementDeclinedRule implements NotificationRule<EndorsementDeclined> {

	@Override
	public Class<EndorsementDeclined> eventType() {
		return EndorsementDeclined.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	@Override
	public Set<String> audience(EndorsementDeclined event, ChapterDirectory chapters) {
		return Races.hasText(event.nominatingChapterId()) ? Set.of(event.nominatingChapterId()) : Set.of();
	}

	@Override
	public Notice template(EndorsementDeclined event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Not endorsed: " + candidacy,
				"National staff reviewed your chapter's nomination of " + candidacy + " and decided not to endorse."
						+ Races.reason("Their reason", event.reason())
						+ "\n\nThank you for the nomination: your chapter can nominate again in a later cycle.");
	}

}
