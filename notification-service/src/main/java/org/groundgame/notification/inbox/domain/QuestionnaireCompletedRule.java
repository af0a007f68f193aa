package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.endorsement.QuestionnaireCompleted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A candidate answered the questionnaire: staff can now weigh the answers in their
 * review, and the nominating chapter knows its nomination is complete on that count. The
 * answers stay in the nomination; the notice says only that there are some.
 */
public final class QuestionnaireCompletedRule implements NotificationRule<QuestionnaireCompleted> {

	@Override
	public Class<QuestionnaireCompleted> eventType() {
		return QuestionnaireCompleted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.NOMINATIONS;
	}

	@Override
	public Set<String> audience(QuestionnaireCompleted event, ChapterDirectory chapters) {
		return Races.hasText(event.nominatingChapterId()) ? Set.of(event.nominatingChapterId()) : Set.of();
	}

	@Override
	public Notice template(QuestionnaireCompleted event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Questionnaire answered: " + candidacy, "The candidate answered the questionnaire for your "
				+ "chapter's nomination of " + candidacy + ". National staff will read the answers as they review it.");
	}

	/** Staff read the answers before they decide. */
	@Override
	public boolean notifiesStaff(QuestionnaireCompleted event) {
		return true;
	}

	@Override
	public Notice staffTemplate(QuestionnaireCompleted event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Questionnaire answered: " + candidacy, "The candidate answered the questionnaire for the "
				+ "nomination of " + candidacy + ". The answers are in the nomination, ready for your review.");
	}

}
