package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A rescinded endorsement concerns everyone the endorsement did
 * ({@link EndorsementGrantedRule}): the chapters of the race's state, with those
 * following it, which may be organizing for the candidate under the organization's name,
 * and the nominating chapter. The reason is public, so the notice gives it.
 */
public final class EndorsementRescindedRule implements NotificationRule<EndorsementRescinded> {

	@Override
	public Class<EndorsementRescinded> eventType() {
		return EndorsementRescinded.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.ENDORSEMENTS;
	}

	@Override
	public Set<String> audience(EndorsementRescinded event, ChapterDirectory chapters) {
		return Races.nominatingChapterAndState(event.nominatingChapterId(), event.race(), chapters);
	}

	@Override
	public Notice template(EndorsementRescinded event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Endorsement rescinded: " + candidacy,
				"National staff rescinded the endorsement of " + candidacy + "."
						+ Races.reason("Reason", event.reason())
						+ "\n\nPlease stop naming it as endorsed in your chapter's outreach, and organize no further "
						+ "volunteers for it in the organization's name.");
	}

}
