package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A nomination nobody decided on before its election expired: staff hear of it (it left
 * their queue undecided, which they may want to avoid next time) and so does the
 * nominating chapter.
 */
public final class NominationExpiredRule implements NotificationRule<NominationExpired> {

	@Override
	public Class<NominationExpired> eventType() {
		return NominationExpired.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	@Override
	public Set<String> audience(NominationExpired event, ChapterDirectory chapters) {
		return Races.hasText(event.nominatingChapterId()) ? Set.of(event.nominatingChapterId()) : Set.of();
	}

	@Override
	public Notice template(NominationExpired event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination expired: " + candidacy,
				"The election" + on(event) + " passed before national staff decided on your chapter's nomination of "
						+ candidacy + ", so the nomination expired undecided.");
	}

	@Override
	public boolean notifiesStaff(NominationExpired event) {
		return true;
	}

	@Override
	public Notice staffTemplate(NominationExpired event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination expired: " + candidacy, "The nomination of " + candidacy
				+ " was still undecided when its election" + on(event) + " passed, and expired.");
	}

	private static String on(NominationExpired event) {
		String day = Races.electionDay(event.race());
		return (day != null) ? " of " + day : "";
	}

}
