package org.groundgame.notification.inbox.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The organizers called a shift off: every volunteer who held a seat or waited in line is
 * told, by e-mail if they consented to it, in their language, with the organizers'
 * reason; the organizing chapter's inbox keeps a record of it (staff's, for a shift
 * national staff organize). A shift cancelled with its whole opportunity tells the
 * volunteers only: the opportunity's {@code OpportunityCancelled} tells the organizers
 * once for all its shifts. The event names the volunteers by id; their contact details
 * and consent are the people projection's.
 */
public final class ShiftCancelledRule implements NotificationRule<ShiftCancelled> {

	@Override
	public Class<ShiftCancelled> eventType() {
		return ShiftCancelled.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(ShiftCancelled event, ChapterDirectory chapters) {
		String chapterId = (event.shift() != null) ? event.shift().chapterId() : null;
		return (!event.withOpportunity() && Races.hasText(chapterId)) ? Set.of(chapterId) : Set.of();
	}

	@Override
	public boolean notifiesStaff(ShiftCancelled event) {
		return !event.withOpportunity() && (event.shift() == null || !Races.hasText(event.shift().chapterId()));
	}

	@Override
	public Set<String> people(ShiftCancelled event) {
		Set<String> people = new LinkedHashSet<>();
		for (String volunteerId : event.volunteerIds()) {
			people.addAll(Shifts.volunteer(volunteerId));
		}
		return people;
	}

	/** What the organizers' inbox keeps: what was cancelled, why, and whom it told. */
	@Override
	public Notice template(ShiftCancelled event) {
		int told = event.volunteerIds().size();
		return new Notice("Shift cancelled: " + Shifts.title(event.shift()),
				"The shift " + Shifts.describe(event.shift()) + " was cancelled. Reason: " + reason(event) + "\n\n"
						+ ((told == 0) ? "Nobody had signed up for it."
								: told + ((told == 1) ? " volunteer was" : " volunteers were")
										+ " told (by e-mail, those who agreed to hear from us)."));
	}

	@Override
	public Notice personalTemplate(ShiftCancelled event) {
		return new Notice("Cancelled: " + Shifts.title(event.shift()),
				"We're sorry: the organizers cancelled " + Shifts.describe(event.shift())
						+ ". You don't need to do anything; your signup is off.\n\nTheir reason: " + reason(event)
						+ "\n\nThank you for signing up. We hope to see you at another shift soon.");
	}

	@Override
	public Notice personalTemplate(ShiftCancelled event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		return new Notice("Cancelado: " + Shifts.title(event.shift(), language),
				"Lo sentimos: los organizadores cancelaron " + Shifts.describe(event.shift(), language)
						+ ". No tienes que hacer nada; tu inscripción queda sin efecto.\n\nSu motivo: " + reason(event)
						+ "\n\nGracias por inscribirte. Esperamos verte pronto en otro turno.");
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftCancelled event) {
		return EmailTopic.SHIFTS;
	}

	private static String reason(ShiftCancelled event) {
		return Races.hasText(event.reason()) ? event.reason().strip() : "—";
	}

}
