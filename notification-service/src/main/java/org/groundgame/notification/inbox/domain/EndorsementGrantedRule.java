package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * An endorsement concerns the chapters of the race's state, which will organize for the
 * candidate (with the chapters that chose to hear of that state), and the chapter that
 * nominated the candidate, wherever it is. The nominating chapter is told by its id even
 * if its registration has not reached this service yet (the chapters' topic and the
 * endorsements' topic are not ordered with each other). A position on a ballot measure is
 * endorsed like a candidate, and named as the position.
 */
public final class EndorsementGrantedRule implements NotificationRule<EndorsementGranted> {

	@Override
	public Class<EndorsementGranted> eventType() {
		return EndorsementGranted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.ENDORSEMENTS;
	}

	@Override
	public Set<String> audience(EndorsementGranted event, ChapterDirectory chapters) {
		return Races.nominatingChapterAndState(event.nominatingChapterId(), event.race(), chapters);
	}

	@Override
	public Notice template(EndorsementGranted event) {
		String candidateAndRace = Races.candidacy(event.candidateName(), event.race());
		String title = (event.reEndorsement() ? "Re-endorsed: " : "Endorsed: ") + candidateAndRace;
		String body = "National staff " + (event.reEndorsement() ? "re-endorsed " : "endorsed ")
				+ Races.nominee(event.candidateName(), event.race()) + Races.when(event.race())
				+ ". Chapters can now organize volunteers for the "
				+ (Races.isBallotMeasure(event.race()) ? "campaign." : "race.");
		return new Notice(title, body);
	}

}
