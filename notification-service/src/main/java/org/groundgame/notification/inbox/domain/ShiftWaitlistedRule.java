package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer who signed up for a full shift is told they are on its waitlist, and their
 * place in line: by e-mail, if they consented to it. The seat that frees up goes to the
 * first in line by itself ({@link ShiftSignupPromotedRule} tells them).
 */
public final class ShiftWaitlistedRule implements NotificationRule<ShiftWaitlisted> {

	@Override
	public Class<ShiftWaitlisted> eventType() {
		return ShiftWaitlisted.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the volunteer alone is concerned. */
	@Override
	public Set<String> audience(ShiftWaitlisted event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public Set<String> people(ShiftWaitlisted event) {
		return Shifts.volunteer(event.volunteerId());
	}

	@Override
	public Notice template(ShiftWaitlisted event) {
		String place = (event.position() > 0) ? "number " + event.position() + " in line" : "in line for a seat";
		return new Notice("You're on the waitlist: " + Shifts.title(event.shift()),
				"The shift you signed up for is full: " + Shifts.describe(event.shift()) + ". You are on its waitlist, "
						+ place + "."
						+ "\n\nIf a seat opens up, it goes to the first in line automatically, and we will tell you "
						+ "at once. If your plans change, please cancel your signup so that those behind you move up.");
	}

	@Override
	public Notice personalTemplate(ShiftWaitlisted event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String place = (event.position() > 0) ? "en el puesto " + event.position() + " de la fila"
				: "en la fila para un lugar";
		return new Notice("Estás en la lista de espera: " + Shifts.title(event.shift(), language),
				"El turno en el que te inscribiste está lleno: " + Shifts.describe(event.shift(), language)
						+ ". Estás en su lista de espera, " + place + "."
						+ "\n\nSi se abre un lugar, pasa automáticamente al primero de la fila, y te avisaremos "
						+ "enseguida. Si cambian tus planes, cancela tu inscripción para que avancen quienes "
						+ "esperan detrás de ti.");
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftWaitlisted event) {
		return EmailTopic.SHIFTS;
	}

}
