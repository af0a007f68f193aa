package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.training.CohortOpened;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * Chapters hear that a cohort of the school opened for applications, so that they can
 * encourage their members to apply: every chapter, whose subscription to
 * {@link Topic#TRAINING} then decides (a cohort belongs to no state). The event carries
 * nothing personal.
 */
public final class CohortOpenedRule implements NotificationRule<CohortOpened> {

	@Override
	public Class<CohortOpened> eventType() {
		return CohortOpened.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	@Override
	public Set<String> audience(CohortOpened event, ChapterDirectory chapters) {
		return chapters.allChapterIds();
	}

	@Override
	public Notice template(CohortOpened event) {
		String cohort = Cohorts.name(event.cohort());
		String track = Cohorts.track(event.cohort());
		String deadline = (event.applicationDeadline() != null) ? " until " + Cohorts.day(event.applicationDeadline())
				: "";
		String seats = (event.capacity() > 0) ? " It has " + event.capacity() + " seats" : "";
		int sessionCount = (event.sessions() != null) ? event.sessions().size() : 0;
		String sessions = (sessionCount > 0) ? ((seats.isEmpty() ? " It has " : " and ") + sessionCount
				+ ((sessionCount == 1) ? " session" : " sessions")) : "";
		String size = (seats.isEmpty() && sessions.isEmpty()) ? "" : seats + sessions + ".";
		String meets = Cohorts.meets(event.cohort());
		return new Notice("Applications open: " + cohort,
				"The Campaign Leadership School is taking applications for " + cohort
						+ ((track != null) ? ", " + track + (deadline.isEmpty() ? "" : ",") : "") + deadline + "."
						+ size + (meets.isEmpty() ? "" : " " + meets)
						+ "\n\nEncourage the members of your chapter who plan to run for office, or to run a "
						+ "campaign, to apply: seats go first come, first served, and those who apply once the "
						+ "cohort is full join its waitlist.");
	}

}
