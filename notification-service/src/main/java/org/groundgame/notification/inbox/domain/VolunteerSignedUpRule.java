package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A chapter hears of each new member: the volunteer's chapter, by its id, when the
 * volunteer signs up for the first time. Signing up again (new contact details or
 * consent) is no news to the chapter, and a volunteer without a chapter concerns none.
 * The notice names the volunteer and nothing more: their contact details stay in
 * volunteer-service's member list, which the chapter may read. The volunteer is welcomed
 * by e-mail on their first sign-up, if they consented to e-mail.
 */
public final class VolunteerSignedUpRule implements NotificationRule<VolunteerSignedUp> {

	@Override
	public Class<VolunteerSignedUp> eventType() {
		return VolunteerSignedUp.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(VolunteerSignedUp event, ChapterDirectory chapters) {
		return (event.firstSignUp() && Races.hasText(event.chapterId())) ? Set.of(event.chapterId()) : Set.of();
	}

	@Override
	public Notice template(VolunteerSignedUp event) {
		String name = Races.hasText(event.name()) ? event.name().strip() : "A volunteer";
		return new Notice("New member: " + name, name
				+ " signed up to volunteer with your chapter. Their contact details are in your chapter's member list: "
				+ "reach out and welcome them.");
	}

	@Override
	public Set<String> people(VolunteerSignedUp event) {
		return (event.firstSignUp() && Races.hasText(event.volunteerId())) ? Set.of(event.volunteerId()) : Set.of();
	}

	@Override
	public Notice personalTemplate(VolunteerSignedUp event) {
		String name = Races.hasText(event.name()) ? event.name().strip() : "and thank you";
		return new Notice("Welcome to the team, " + name + "!",
				"Thank you for signing up to volunteer. Organizers will be in touch about phone banks, canvasses "
						+ "and other ways to help the candidates we endorse. You can change how we contact you, "
						+ "or ask us to erase your details, at any time: reply to this e-mail.");
	}

	/** The welcome, in Spanish for a volunteer who reads it. */
	@Override
	public Notice personalTemplate(VolunteerSignedUp event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String name = Races.hasText(event.name()) ? ", " + event.name().strip() : "";
		return new Notice("¡Te damos la bienvenida al equipo" + name + "!",
				"Gracias por inscribirte como voluntario. Los organizadores te contactarán sobre jornadas de "
						+ "llamadas, de puerta a puerta y otras formas de ayudar a los candidatos que apoyamos. "
						+ "Puedes cambiar cómo te contactamos, o pedirnos que borremos tus datos, cuando quieras: "
						+ "responde a este correo.");
	}

	/** The volunteer's language, as the sign-up says it. */
	@Override
	public Language language(VolunteerSignedUp event) {
		return Language.told(event.language());
	}

	/** The welcome to the team: news from the organization. */
	@Override
	public EmailTopic emailTopic(VolunteerSignedUp event) {
		return EmailTopic.NEWS;
	}

}
