package org.groundgame.notification.inbox.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The organization's announcement of a victory, in staff's words, for the same chapters
 * as the victory itself ({@link ElectionOutcomeRecordedRule}): the chapters of the race's
 * state, with those following it, and the chapter that nominated the candidate. The
 * headline is the title and the message the body, as staff wrote them.
 */
public final class VictoryAnnouncedRule implements NotificationRule<VictoryAnnounced> {

	@Override
	public Class<VictoryAnnounced> eventType() {
		return VictoryAnnounced.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.OUTCOMES;
	}

	@Override
	public Set<String> audience(VictoryAnnounced event, ChapterDirectory chapters) {
		Set<String> audience = new LinkedHashSet<>();
		if (Races.hasText(event.nominatingChapterId())) {
			audience.add(event.nominatingChapterId());
		}
		if (event.race() != null && Races.hasText(event.race().state())) {
			audience.addAll(chapters.chapterIdsIn(event.race().state()));
		}
		return audience;
	}

	@Override
	public Notice template(VictoryAnnounced event) {
		String nominee = Races.nominee(event.candidateName(), event.race());
		String headline = Races.hasText(event.headline()) ? event.headline().strip() : "Victory: " + nominee;
		String message = Races.hasText(event.message()) ? event.message().strip()
				: "The organization announced " + nominee + "'s victory.";
		return new Notice(headline, message);
	}

}
