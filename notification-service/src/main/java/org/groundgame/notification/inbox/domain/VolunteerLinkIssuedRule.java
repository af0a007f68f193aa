package org.groundgame.notification.inbox.domain;

import java.util.List;
import java.util.Set;

import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer gets their private link (on their first sign-up, and again once they
 * confirmed a change of their details): one e-mail to the address the event carries, with
 * the link to RSVP and manage their signups as its button and the address of their own
 * calendar feed. It is transactional (why the address was given: without it the volunteer
 * cannot RSVP), so no consent is asked. Both links are secrets and only the e-mail
 * ({@link #personalTemplate}) carries them; no chapter, no staff, no inbox, no webhook
 * hears of it.
 */
public final class VolunteerLinkIssuedRule implements NotificationRule<VolunteerLinkIssued> {

	static final String MANAGE = "RSVP and manage your shifts";

	static final String MANAGE_ES = "Apúntate y gestiona tus turnos";

	@Override
	public Class<VolunteerLinkIssued> eventType() {
		return VolunteerLinkIssued.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the message is the volunteer's alone. */
	@Override
	public Set<String> audience(VolunteerLinkIssued event, ChapterDirectory chapters) {
		return Set.of();
	}

	/** The volunteer, at the event's address, when there is a link to send them. */
	@Override
	public List<Addressee> addressees(VolunteerLinkIssued event) {
		if (!Races.hasText(event.volunteerId()) || !Races.hasText(event.email())
				|| !Notice.Link.isWebAddress(event.manageUrl())) {
			return List.of();
		}
		return List.of(new Addressee(event.volunteerId(), event.email(), event.name()));
	}

	/** What the message is, without either link. */
	@Override
	public Notice template(VolunteerLinkIssued event) {
		return new Notice("Your volunteer link",
				"Thank you for volunteering. With the link in this e-mail you can RSVP for shifts, and confirm or "
						+ "cancel your signups, without an account or a password.\n\n"
						+ "The link is yours alone: anyone who has it can sign up or cancel in your name, so please do "
						+ "not forward this message. If you lose it, sign up again with this address: you will be sent "
						+ "a new one, and this one will stop working.\n\n"
						+ "If you did not sign up, reply to this e-mail and tell us.");
	}

	/** The same, with the private link as the button and the calendar feed's address. */
	@Override
	public Notice personalTemplate(VolunteerLinkIssued event) {
		Notice notice = template(event);
		String calendar = Notice.Link.isWebAddress(event.calendarUrl())
				? "\n\nYour own calendar of the shifts you signed up for, to subscribe to in your calendar app (keep "
						+ "it to yourself too: it shows where and when you will be): " + event.calendarUrl().strip()
				: "";
		return new Notice(notice.title(), notice.body() + calendar, new Notice.Link(MANAGE, event.manageUrl().strip()));
	}

	/** The same in the volunteer's language. */
	@Override
	public Notice personalTemplate(VolunteerLinkIssued event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String calendar = Notice.Link.isWebAddress(event.calendarUrl())
				? "\n\nTu propio calendario de los turnos en los que te inscribiste, para suscribirte desde tu "
						+ "aplicación de calendario (guárdalo para ti también: muestra dónde y cuándo estarás): "
						+ event.calendarUrl().strip()
				: "";
		return new Notice("Tu enlace de voluntario",
				"Gracias por tu voluntariado. Con el enlace de este correo puedes apuntarte a turnos, y confirmar o "
						+ "cancelar tus inscripciones, sin cuenta ni contraseña.\n\n"
						+ "El enlace es solo tuyo: cualquiera que lo tenga puede inscribirse o cancelar en tu nombre, "
						+ "así que no reenvíes este mensaje. Si lo pierdes, vuelve a inscribirte con esta dirección: "
						+ "te enviaremos uno nuevo, y este dejará de funcionar.\n\n"
						+ "Si no te inscribiste, responde a este correo y avísanos." + calendar,
				new Notice.Link(MANAGE_ES, event.manageUrl().strip()));
	}

	/** The volunteer's language, as the event says it. */
	@Override
	public Language language(VolunteerLinkIssued event) {
		return Language.told(event.language());
	}

	/** The private link the person asked for just now: never held back. */
	@Override
	public EmailTopic emailTopic(VolunteerLinkIssued event) {
		return EmailTopic.TRANSACTIONAL;
	}

}
