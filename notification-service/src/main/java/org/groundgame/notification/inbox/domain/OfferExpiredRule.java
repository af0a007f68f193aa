package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.OfferExpired;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A trainee who let a seat offer lapse is told it has expired and the seat has gone to
 * the next in line, so that nobody tries a link that no longer works: one e-mail to the
 * address the event carries, transactional like {@link TraineeEnrolledRule}. Their
 * chapter hears nothing of it.
 */
public final class OfferExpiredRule implements NotificationRule<OfferExpired> {

	@Override
	public Class<OfferExpired> eventType() {
		return OfferExpired.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the trainee's alone. */
	@Override
	public Set<String> audience(OfferExpired event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public List<Addressee> addressees(OfferExpired event) {
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	@Override
	public Notice template(OfferExpired event) {
		String cohort = Cohorts.name(event.cohort());
		return new Notice("Your seat offer for " + cohort + " has expired",
				"The seat we offered you in " + cohort + " of " + Cohorts.SCHOOL + " was not accepted in time, so "
						+ "the offer has expired and the seat has gone to the next person in line."
						+ "\n\nIf you still want to take part, reply to this e-mail: we will gladly tell you about "
						+ "the next cohorts.");
	}

	/** About the trainee's place in the school, which they may choose not to hear of. */
	@Override
	public EmailTopic emailTopic(OfferExpired event) {
		return EmailTopic.TRAINING;
	}

	@Override
	public Notice personalTemplate(OfferExpired event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		return new Notice("Tu oferta de lugar en " + cohort + " ha vencido",
				"El lugar que te ofrecimos en " + cohort + " de " + CohortAlerts.school(true) + " no se aceptó a "
						+ "tiempo, así que la oferta ha vencido y el lugar pasó a la siguiente persona de la fila."
						+ "\n\nSi todavía quieres participar, responde a este correo: con gusto te contaremos de los "
						+ "próximos grupos.");
	}

	/** The trainee's language, as the event says it. */
	@Override
	public Language language(OfferExpired event) {
		return Language.told(event.language());
	}

}
