package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A trainee who has a seat in a cohort (on applying, on accepting an offer, or enrolled
 * by staff) is told so, with when and where the cohort meets: one e-mail, to the address
 * the event carries (a trainee is no volunteer: the people projection does not know
 * them). It is transactional, the reason they gave the address, so no consent is asked.
 * The message is the trainee's alone: their chapter hears nothing of it.
 */
public final class TraineeEnrolledRule implements NotificationRule<TraineeEnrolled> {

	@Override
	public Class<TraineeEnrolled> eventType() {
		return TraineeEnrolled.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the trainee's alone. */
	@Override
	public Set<String> audience(TraineeEnrolled event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public List<Addressee> addressees(TraineeEnrolled event) {
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	@Override
	public Notice template(TraineeEnrolled event) {
		String cohort = Cohorts.name(event.cohort());
		String track = Cohorts.track(event.cohort());
		return new Notice("You have a seat in " + cohort,
				"You are enrolled in " + cohort + ((track != null) ? ", " + track : "") + " of " + Cohorts.SCHOOL + ". "
						+ Cohorts.meets(event.cohort())
						+ "\n\nPlease plan to attend every session: all of them are needed to complete the "
						+ "program. If your plans change, tell us by replying to this e-mail, so that your seat "
						+ "goes to the next person on the waitlist.");
	}

	/**
	 * The same, with the private link to the application when the event comes with the
	 * application (a secret: only the trainee's e-mail carries it).
	 */
	@Override
	public Notice personalTemplate(TraineeEnrolled event) {
		return Cohorts.withManageLink(template(event), event.manageUrl());
	}

	/**
	 * The answer to an application, with its private link, is transactional (only this
	 * e-mail carries the link); told later (no link), it is training news.
	 */
	@Override
	public EmailTopic emailTopic(TraineeEnrolled event) {
		return Notice.Link.isWebAddress(event.manageUrl()) ? EmailTopic.TRANSACTIONAL : EmailTopic.TRAINING;
	}

	@Override
	public Notice personalTemplate(TraineeEnrolled event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		return Cohorts.withManageLink(new Notice("Tienes un lugar en " + cohort,
				"Estás inscrito en " + cohort + " de " + CohortAlerts.school(true) + ". "
						+ CohortAlerts.meets(event.cohort(), true)
						+ "\n\nPlanea asistir a todas las sesiones: todas son necesarias para completar el programa. "
						+ "Si cambian tus planes, avísanos respondiendo a este correo, para que tu lugar pase a la "
						+ "siguiente persona de la lista de espera."),
				event.manageUrl(), language);
	}

	/** The trainee's language, as the event says it. */
	@Override
	public Language language(TraineeEnrolled event) {
		return Language.told(event.language());
	}

}
