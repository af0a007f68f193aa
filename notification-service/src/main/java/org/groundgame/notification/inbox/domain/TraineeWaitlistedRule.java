package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A trainee who applied to a full cohort is told they are on its waitlist, and their
 * place in line: one e-mail to the address the event carries, transactional like
 * {@link TraineeEnrolledRule}. A seat that frees up is offered to the first in line
 * ({@link SeatOfferedRule} tells them). Their chapter hears nothing of it.
 */
public final class TraineeWaitlistedRule implements NotificationRule<TraineeWaitlisted> {

	@Override
	public Class<TraineeWaitlisted> eventType() {
		return TraineeWaitlisted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the trainee's alone. */
	@Override
	public Set<String> audience(TraineeWaitlisted event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public List<Addressee> addressees(TraineeWaitlisted event) {
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	@Override
	public Notice template(TraineeWaitlisted event) {
		String cohort = Cohorts.name(event.cohort());
		String title = (event.position() > 0) ? "You're #" + event.position() + " on the waitlist for " + cohort
				: "You're on the waitlist for " + cohort;
		String place = (event.position() > 0) ? "number " + event.position() + " in line" : "in line for a seat";
		return new Notice(title, "Thank you for applying to " + cohort + " of " + Cohorts.SCHOOL
				+ ". Every seat is taken for now, so you are on its waitlist, " + place + ". "
				+ Cohorts.meets(event.cohort())
				+ "\n\nSeats are offered strictly first come, first served: when one opens up, the first in line "
				+ "is e-mailed an offer to accept within a set time. If your plans change, tell us by replying to "
				+ "this e-mail, so that those behind you move up.");
	}

	/**
	 * The same, with the private link to the application when the event comes with the
	 * application (a secret: only the trainee's e-mail carries it).
	 */
	@Override
	public Notice personalTemplate(TraineeWaitlisted event) {
		return Cohorts.withManageLink(template(event), event.manageUrl());
	}

	/**
	 * The answer to an application, with its private link, is transactional (only this
	 * e-mail carries the link); told later (no link), it is training news.
	 */
	@Override
	public EmailTopic emailTopic(TraineeWaitlisted event) {
		return Notice.Link.isWebAddress(event.manageUrl()) ? EmailTopic.TRANSACTIONAL : EmailTopic.TRAINING;
	}

	@Override
	public Notice personalTemplate(TraineeWaitlisted event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		String title = (event.position() > 0)
				? "Eres el n.º " + event.position() + " de la lista de espera de " + cohort
				: "Estás en la lista de espera de " + cohort;
		String place = (event.position() > 0) ? "en el puesto " + event.position() + " de la fila"
				: "en la fila para un lugar";
		return Cohorts.withManageLink(new Notice(title, "Gracias por inscribirte en " + cohort + " de "
				+ CohortAlerts.school(true) + ". Por ahora todos los lugares están ocupados, así que estás en su "
				+ "lista de espera, " + place + ". " + CohortAlerts.meets(event.cohort(), true)
				+ "\n\nLos lugares se ofrecen estrictamente por orden de llegada: cuando se abre uno, le enviamos "
				+ "al primero de la fila una oferta para aceptar en un plazo fijo. Si cambian tus planes, avísanos "
				+ "respondiendo a este correo, para que avancen quienes esperan detrás de ti."), event.manageUrl(),
				language);
	}

	/** The trainee's language, as the event says it. */
	@Override
	public Language language(TraineeWaitlisted event) {
		return Language.told(event.language());
	}

}
