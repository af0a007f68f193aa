package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The chapter a graduate of the school named hears that a graduate is running for office
 * (a nomination for them was matched to their enrollment), by its id, when they named
 * one. The event names no one, and nor does the notice: only the race is told.
 */
public final class GraduateRanForOfficeRule implements NotificationRule<GraduateRanForOffice> {

	@Override
	public Class<GraduateRanForOffice> eventType() {
		return GraduateRanForOffice.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	@Override
	public Set<String> audience(GraduateRanForOffice event, ChapterDirectory chapters) {
		return Races.hasText(event.chapterId()) ? Set.of(event.chapterId()) : Set.of();
	}

	@Override
	public Notice template(GraduateRanForOffice event) {
		String race = Races.describe(event.race());
		String cohort = Cohorts.name(event.cohort());
		return new Notice("A graduate of " + cohort + " is running for " + race,
				"A member of your chapter who completed " + cohort + " of " + Cohorts.SCHOOL
						+ " has been nominated for " + race + ": national staff will review the nomination for our "
						+ "endorsement.");
	}

}
