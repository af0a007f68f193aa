package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * Someone applied again to a cohort with an address that had applied: its owner (the
 * address on file) is sent a new private link to their application, transactional like
 * {@link TraineeEnrolledRule}. Nothing of the application changed, and the message says
 * so, so that an owner who did not ask knows that nothing happened in their name. The
 * link is a secret: only the e-mail ({@link #personalTemplate}) carries it, and nobody
 * else is told.
 */
public final class ManageLinkIssuedRule implements NotificationRule<ManageLinkIssued> {

	@Override
	public Class<ManageLinkIssued> eventType() {
		return ManageLinkIssued.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the trainee's alone. */
	@Override
	public Set<String> audience(ManageLinkIssued event, ChapterDirectory chapters) {
		return Set.of();
	}

	/** The owner of the address, when there is a link to send them. */
	@Override
	public List<Addressee> addressees(ManageLinkIssued event) {
		if (!Notice.Link.isWebAddress(event.manageUrl())) {
			return List.of();
		}
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	/** What happened, without the link. */
	@Override
	public Notice template(ManageLinkIssued event) {
		String cohort = Cohorts.name(event.cohort());
		return new Notice("Your application to " + cohort,
				"We received an application to " + cohort + " of " + Cohorts.SCHOOL + " with this e-mail address, "
						+ "which had already applied. Nothing about your application has changed" + standing(event)
						+ ". Here is a new link to see it (or withdraw); the link we sent you before no longer "
						+ "works.\n\nIf you did not apply again, you need do nothing: someone may have typed your "
						+ "address by mistake.");
	}

	/** The same, with the new private link. */
	@Override
	public Notice personalTemplate(ManageLinkIssued event) {
		Notice notice = template(event);
		return new Notice(notice.title(), notice.body() + "\n\nThe link in this e-mail is yours alone: anyone who "
				+ "has it can see or withdraw your application in your name, so please do not forward this message.",
				new Notice.Link(Cohorts.MANAGE, event.manageUrl().strip()));
	}

	private static String standing(ManageLinkIssued event) {
		if (event.status() == null) {
			return "";
		}
		return switch (event.status()) {
			case "ENROLLED" -> ": you have a seat";
			case "WAITLISTED" -> ": you are on the waitlist";
			case "OFFERED" -> ": a seat is offered to you";
			default -> "";
		};
	}

	/** The private link the person asked for just now: never held back. */
	@Override
	public EmailTopic emailTopic(ManageLinkIssued event) {
		return EmailTopic.TRANSACTIONAL;
	}

	@Override
	public Notice personalTemplate(ManageLinkIssued event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		String standing = switch ((event.status() != null) ? event.status() : "") {
			case "ENROLLED" -> ": tienes un lugar";
			case "WAITLISTED" -> ": estás en la lista de espera";
			case "OFFERED" -> ": se te ofrece un lugar";
			default -> "";
		};
		return new Notice("Tu inscripción en " + cohort,
				"Recibimos una inscripción en " + cohort + " de " + CohortAlerts.school(true) + " con esta dirección "
						+ "de correo, que ya se había inscrito. Nada de tu inscripción ha cambiado" + standing
						+ ". Aquí tienes un enlace nuevo para verla (o retirarla); el enlace que te enviamos antes ya "
						+ "no funciona.\n\nSi no volviste a inscribirte, no tienes que hacer nada: puede que alguien "
						+ "haya escrito tu dirección por error.\n\nEl enlace de este correo es solo tuyo: cualquiera "
						+ "que lo tenga puede ver o retirar tu inscripción en tu nombre, así que no reenvíes este "
						+ "mensaje.",
				new Notice.Link(Cohorts.MANAGE_ES, event.manageUrl().strip()));
	}

	/** The trainee's language, as the event says it. */
	@Override
	public Language language(ManageLinkIssued event) {
		return Language.told(event.language());
	}

}
