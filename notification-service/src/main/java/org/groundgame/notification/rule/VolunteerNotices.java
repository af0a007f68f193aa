package org.groundgame.notification.rule;

import java.util.List;
import java.util.Set;

import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/** What the rules of volunteers' own events say: sign-ups, changes and private links. */
final class VolunteerNotices {

	static Set<String> volunteerSignedUpAudience(VolunteerSignedUp event, ChapterDirectory chapters) {
		return (event.firstSignUp() && Races.hasText(event.chapterId())) ? Set.of(event.chapterId()) : Set.of();
	}

	static Notice volunteerSignedUp(VolunteerSignedUp event) {
		String name = Races.hasText(event.name()) ? event.name().strip() : "A volunteer";
		return new Notice("New member: " + name, name
				+ " signed up to volunteer with your chapter. Their contact details are in your chapter's member list: "
				+ "reach out and welcome them.");
	}

	static Set<String> volunteerSignedUpPeople(VolunteerSignedUp event) {
		return (event.firstSignUp() && Races.hasText(event.volunteerId())) ? Set.of(event.volunteerId()) : Set.of();
	}

	static Notice volunteerSignedUpToPerson(VolunteerSignedUp event) {
		String name = Races.hasText(event.name()) ? event.name().strip() : "and thank you";
		return new Notice("Welcome to the team, " + name + "!",
				"Thank you for signing up to volunteer. Organizers will be in touch about phone banks, canvasses "
						+ "and other ways to help the candidates we endorse. You can change how we contact you, "
						+ "or ask us to erase your details, at any time: reply to this e-mail.");
	}

	/** The welcome, in Spanish for a volunteer who reads it. */
	static Notice volunteerSignedUpToPerson(VolunteerSignedUp event, Language language) {
		if (!language.spanish()) {
			return volunteerSignedUpToPerson(event);
		}
		String name = Races.hasText(event.name()) ? ", " + event.name().strip() : "";
		return new Notice("¡Te damos la bienvenida al equipo" + name + "!",
				"Gracias por inscribirte como voluntario. Los organizadores te contactarán sobre jornadas de "
						+ "llamadas, de puerta a puerta y otras formas de ayudar a los candidatos que apoyamos. "
						+ "Puedes cambiar cómo te contactamos, o pedirnos que borremos tus datos, cuando quieras: "
						+ "responde a este correo.");
	}

	static Set<String> volunteerUpdatedAudience(VolunteerUpdated event, ChapterDirectory chapters) {
		return (event.chapterChanged() && Races.hasText(event.chapterId())) ? Set.of(event.chapterId()) : Set.of();
	}

	static Notice volunteerUpdated(VolunteerUpdated event) {
		String name = Races.hasText(event.name()) ? event.name().strip() : "A volunteer";
		boolean moved = Races.hasText(event.previousChapterId());
		String title = "New member: " + name + (moved ? " (moved from another chapter)" : "");
		String body = name + (moved ? " moved to your chapter from another chapter." : " joined your chapter.")
				+ " Their contact details are in your chapter's member list: reach out and welcome them.";
		return new Notice(title, body);
	}

	static final String MANAGE = "RSVP and manage your shifts";

	static final String MANAGE_ES = "Apúntate y gestiona tus turnos";

	/** The volunteer, at the event's address, when there is a link to send them. */
	static List<Addressee> volunteerLinkIssuedAddressees(VolunteerLinkIssued event) {
		if (!Races.hasText(event.volunteerId()) || !Races.hasText(event.email())
				|| !Notice.Link.isWebAddress(event.manageUrl())) {
			return List.of();
		}
		return List.of(new Addressee(event.volunteerId(), event.email(), event.name()));
	}

	/** What the message is, without either link. */
	static Notice volunteerLinkIssued(VolunteerLinkIssued event) {
		return new Notice("Your volunteer link",
				"Thank you for volunteering. With the link in this e-mail you can RSVP for shifts, and confirm or "
						+ "cancel your signups, without an account or a password.\n\n"
						+ "The link is yours alone: anyone who has it can sign up or cancel in your name, so please do "
						+ "not forward this message. If you lose it, sign up again with this address: you will be sent "
						+ "a new one, and this one will stop working.\n\n"
						+ "If you did not sign up, reply to this e-mail and tell us.");
	}

	/** The same, with the private link as the button and the calendar feed's address. */
	static Notice volunteerLinkIssuedToPerson(VolunteerLinkIssued event) {
		Notice notice = volunteerLinkIssued(event);
		String calendar = Notice.Link.isWebAddress(event.calendarUrl())
				? "\n\nYour own calendar of the shifts you signed up for, to subscribe to in your calendar app (keep "
						+ "it to yourself too: it shows where and when you will be): " + event.calendarUrl().strip()
				: "";
		return new Notice(notice.title(), notice.body() + calendar, new Notice.Link(MANAGE, event.manageUrl().strip()));
	}

	/** The same in the volunteer's language. */
	static Notice volunteerLinkIssuedToPerson(VolunteerLinkIssued event, Language language) {
		if (!language.spanish()) {
			return volunteerLinkIssuedToPerson(event);
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

	static final String CONFIRM = "Confirm the change";

	/** The volunteer, at the event's address, when there is a link to send them. */
	static List<Addressee> volunteerChangeRequestedAddressees(VolunteerChangeRequested event) {
		if (!Races.hasText(event.volunteerId()) || !Races.hasText(event.email())
				|| !Notice.Link.isWebAddress(event.confirmUrl())) {
			return List.of();
		}
		return List.of(new Addressee(event.volunteerId(), event.email(), event.name()));
	}

	/** What the message is, without the link. */
	static Notice volunteerChangeRequested(VolunteerChangeRequested event) {
		String until = (event.expiresAt() != null)
				? " The link works once, until " + EndorsementNotices.expiry(event.expiresAt()) + "." : "";
		return new Notice("Confirm the change to your volunteer details",
				"Someone — we hope you — signed up to volunteer again with this address, giving new details. "
						+ "Nothing changes until you confirm it with the link in this e-mail." + until + "\n\n"
						+ "If it was not you, ignore this e-mail: your details stay as they are, and nobody learns "
						+ "anything about you. Please do not forward this message.");
	}

	/** The same, with the link that confirms the change. */
	static Notice volunteerChangeRequestedToPerson(VolunteerChangeRequested event) {
		Notice notice = volunteerChangeRequested(event);
		return new Notice(notice.title(), notice.body(), new Notice.Link(CONFIRM, event.confirmUrl().strip()));
	}

	/** The same in the volunteer's language. */
	static Notice volunteerChangeRequestedToPerson(VolunteerChangeRequested event, Language language) {
		if (!language.spanish()) {
			return volunteerChangeRequestedToPerson(event);
		}
		String until = (event.expiresAt() != null) ? " El enlace funciona una sola vez, hasta el "
				+ EndorsementNotices.expiry(event.expiresAt(), language) + "." : "";
		return new Notice("Confirma el cambio de tus datos de voluntario",
				"Alguien (esperamos que tú) volvió a inscribirse como voluntario con esta dirección, con datos "
						+ "nuevos. Nada cambia hasta que lo confirmes con el enlace de este correo." + until + "\n\n"
						+ "Si no fuiste tú, ignora este correo: tus datos siguen como están, y nadie sabe nada de ti. "
						+ "No reenvíes este mensaje.",
				new Notice.Link("Confirmar el cambio", event.confirmUrl().strip()));
	}

	private VolunteerNotices() {
	}

}
