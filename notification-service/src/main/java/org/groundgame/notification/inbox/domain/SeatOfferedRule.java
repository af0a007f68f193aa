package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.training.SeatOffered;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * The first trainee in line is offered a seat that freed up, until when to accept it, and
 * the private link to accept or decline: one e-mail to the address the event carries,
 * transactional like {@link TraineeEnrolledRule}. The link is a secret (a capability) and
 * the address personal data: the message goes to the trainee alone, and only the e-mail
 * ({@link #personalTemplate}) carries the link.
 */
public final class SeatOfferedRule implements NotificationRule<SeatOffered> {

	static final String ACCEPT = "See and accept your offer";

	@Override
	public Class<SeatOffered> eventType() {
		return SeatOffered.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.TRAINING;
	}

	/** No chapter: the message is the trainee's alone. */
	@Override
	public Set<String> audience(SeatOffered event, ChapterDirectory chapters) {
		return Set.of();
	}

	/**
	 * The trainee, when there is a link to send them: an offer they cannot accept is no
	 * use, and the offer expiring tells them it has gone.
	 */
	@Override
	public List<Addressee> addressees(SeatOffered event) {
		if (!Notice.Link.isWebAddress(event.acceptUrl())) {
			return List.of();
		}
		return Cohorts.trainee(event.enrollmentId(), event.email(), event.name());
	}

	/**
	 * What the offer is, without the link: nobody but the trainee is meant to read it,
	 * and nobody else is told ({@link #audience}).
	 */
	@Override
	public Notice template(SeatOffered event) {
		String cohort = Cohorts.name(event.cohort());
		String by = (event.expiresAt() != null) ? " — accept by " + Cohorts.deadline(event.expiresAt()) : "";
		String until = (event.expiresAt() != null) ? "Accept it by " + Cohorts.deadline(event.expiresAt())
				: "Accept it soon";
		return new Notice("A seat opened up for you in " + cohort + by,
				"A seat opened up in " + cohort + " of " + Cohorts.SCHOOL + ", and as the first in line it is "
						+ "yours if you want it. " + until + ": after that the offer expires and the seat goes to "
						+ "the next person in line. " + Cohorts.meets(event.cohort())
						+ "\n\nThe link in this e-mail is yours alone: anyone who has it can accept or decline in "
						+ "your name, so please do not forward this message. If you can no longer take part, "
						+ "decline, so that the seat goes to the next person at once.");
	}

	/** The same, with the private link to accept or decline. */
	@Override
	public Notice personalTemplate(SeatOffered event) {
		Notice notice = template(event);
		return new Notice(notice.title(), notice.body(), new Notice.Link(ACCEPT, event.acceptUrl().strip()));
	}

	/** About the trainee's place in the school, which they may choose not to hear of. */
	@Override
	public EmailTopic emailTopic(SeatOffered event) {
		return EmailTopic.TRAINING;
	}

	@Override
	public Notice personalTemplate(SeatOffered event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String cohort = Cohorts.name(event.cohort(), language);
		String by = (event.expiresAt() != null)
				? " — acéptalo antes del " + Cohorts.deadline(event.expiresAt(), language) : "";
		String until = (event.expiresAt() != null)
				? "Acéptalo antes del " + Cohorts.deadline(event.expiresAt(), language) : "Acéptalo pronto";
		return new Notice("Se abrió un lugar para ti en " + cohort + by,
				"Se abrió un lugar en " + cohort + " de " + CohortAlerts.school(true) + ", y como eres el primero "
						+ "de la fila, es tuyo si lo quieres. " + until + ": después, la oferta vence y el lugar pasa "
						+ "a la siguiente persona de la fila. " + CohortAlerts.meets(event.cohort(), true)
						+ "\n\nEl enlace de este correo es solo tuyo: cualquiera que lo tenga puede aceptar o "
						+ "rechazar en tu nombre, así que no reenvíes este mensaje. Si ya no puedes participar, "
						+ "rechaza la oferta, para que el lugar pase enseguida a la siguiente persona.",
				new Notice.Link("Ver y aceptar tu oferta", event.acceptUrl().strip()));
	}

	/** The trainee's language, as the event says it. */
	@Override
	public Language language(SeatOffered event) {
		return Language.told(event.language());
	}

}
