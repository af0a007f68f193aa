package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer whose signup was cancelled is told so, by e-mail if they consented to it:
 * as the confirmation of what they asked ({@code VOLUNTEER}), or as the news that the
 * shift's organizers cancelled it ({@code ORGANIZER}). A signup cancelled because the
 * volunteer was erased concerns no one (there is no one left to tell, and nothing here
 * may remember them), and neither does a reason not known yet.
 */
public final class ShiftSignupCancelledRule implements NotificationRule<ShiftSignupCancelled> {

	static final String VOLUNTEER = "VOLUNTEER";

	static final String ORGANIZER = "ORGANIZER";

	@Override
	public Class<ShiftSignupCancelled> eventType() {
		return ShiftSignupCancelled.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the volunteer alone is concerned. */
	@Override
	public Set<String> audience(ShiftSignupCancelled event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public Set<String> people(ShiftSignupCancelled event) {
		boolean told = Opportunities.is(event.reason(), VOLUNTEER) || Opportunities.is(event.reason(), ORGANIZER);
		return told ? Shifts.volunteer(event.volunteerId()) : Set.of();
	}

	@Override
	public Notice template(ShiftSignupCancelled event) {
		String what = (event.wasWaitlisted() ? "your place on the waitlist of " : "your signup for ")
				+ Shifts.describe(event.shift());
		if (Opportunities.is(event.reason(), ORGANIZER)) {
			return new Notice("Your signup was cancelled: " + Shifts.title(event.shift()),
					"The organizers of the shift cancelled " + what + ".\n\nIf you think this is a mistake, or "
							+ "want to help another time, reply to this e-mail. Thank you for signing up!");
		}
		return new Notice("Signup cancelled: " + Shifts.title(event.shift()),
				"As you asked, " + what + " is cancelled."
						+ (event.wasWaitlisted() ? ""
								: " Thank you for letting us know: your seat goes to the next volunteer in line.")
						+ "\n\nWe hope to see you at another shift soon.");
	}

	@Override
	public Notice personalTemplate(ShiftSignupCancelled event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String what = (event.wasWaitlisted() ? "tu lugar en la lista de espera de " : "tu inscripción en ")
				+ Shifts.describe(event.shift(), language);
		if (Opportunities.is(event.reason(), ORGANIZER)) {
			return new Notice("Se canceló tu inscripción: " + Shifts.title(event.shift(), language),
					"Los organizadores del turno cancelaron " + what + ".\n\nSi crees que es un error, o quieres "
							+ "ayudar en otra ocasión, responde a este correo. ¡Gracias por inscribirte!");
		}
		return new Notice("Inscripción cancelada: " + Shifts.title(event.shift(), language),
				"Como pediste, cancelamos " + what + "."
						+ (event.wasWaitlisted() ? ""
								: " Gracias por avisarnos: tu lugar pasa al siguiente voluntario de la lista.")
						+ "\n\nEsperamos verte pronto en otro turno.");
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftSignupCancelled event) {
		return EmailTopic.SHIFTS;
	}

}
