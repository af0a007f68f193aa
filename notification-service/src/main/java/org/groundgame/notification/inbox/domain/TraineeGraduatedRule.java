package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The chapter a trainee named hears that one of its members completed a cohort of the
 * school, by its id, when they named one. The event names no one, and nor does the
 * notice: the chapter knows its members, this service does not tell who.
 */
public final class TraineeGraduatedRule implements NotificationRule<TraineeGraduated> {

	@Override
	public Class<TraineeGraduated> eventType() {
		return TraineeGraduated.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	@Override
	public Set<String> audience(TraineeGraduated event, ChapterDirectory chapters) {
		return Races.hasText(event.chapterId()) ? Set.of(event.chapterId()) : Set.of();
	}

	@Override
	public Notice template(TraineeGraduated event) {
		String cohort = Cohorts.name(event.cohort());
		return new Notice("A member of your chapter completed " + cohort,
				"A member of your chapter attended every session of " + cohort + " of " + Cohorts.SCHOOL
						+ " and completed it. Congratulations to them, and to your chapter for backing them: ask "
						+ "them how they would like to put what they learned to work.");
	}

}
