package org.groundgame.notification.inbox.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * The organizers moved a shift: every volunteer who holds a seat or waits in line is told
 * the new time and place (and the old), by e-mail if they consented to it, in their
 * language; their place stays and their calendar feed shows the new time. The organizing
 * chapter's inbox keeps a record of it (staff's, for a shift national staff organize).
 */
public final class ShiftRescheduledRule implements NotificationRule<ShiftRescheduled> {

	@Override
	public Class<ShiftRescheduled> eventType() {
		return ShiftRescheduled.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	@Override
	public Set<String> audience(ShiftRescheduled event, ChapterDirectory chapters) {
		String chapterId = (event.shift() != null) ? event.shift().chapterId() : null;
		return Races.hasText(chapterId) ? Set.of(chapterId) : Set.of();
	}

	@Override
	public boolean notifiesStaff(ShiftRescheduled event) {
		return event.shift() == null || !Races.hasText(event.shift().chapterId());
	}

	@Override
	public Set<String> people(ShiftRescheduled event) {
		Set<String> people = new LinkedHashSet<>();
		for (String volunteerId : event.volunteerIds()) {
			people.addAll(Shifts.volunteer(volunteerId));
		}
		return people;
	}

	@Override
	public Notice template(ShiftRescheduled event) {
		int told = event.volunteerIds().size();
		return new Notice("Shift moved: " + Shifts.title(event.shift()),
				"The shift of " + Shifts.on(previous(event)) + " is now " + Shifts.on(event.shift())
						+ Shifts.where(event.shift()) + ".\n\n"
						+ ((told == 0) ? "Nobody had signed up for it yet."
								: told + ((told == 1) ? " volunteer was" : " volunteers were")
										+ " told (by e-mail, those who agreed to hear from us)."));
	}

	@Override
	public Notice personalTemplate(ShiftRescheduled event) {
		return new Notice("New time: " + Shifts.title(event.shift()),
				"The organizers moved " + Shifts.title(event.shift()) + ": it was to be " + Shifts.on(previous(event))
						+ Shifts.where(previous(event)) + ", and is now " + Shifts.on(event.shift())
						+ Shifts.where(event.shift())
						+ ". Your place is kept, and your calendar feed shows the new time."
						+ Shifts.joinLine(event.shift()) + "\n\n" + Shifts.IF_PLANS_CHANGE,
				Shifts.joinLink(event.shift()));
	}

	@Override
	public Notice personalTemplate(ShiftRescheduled event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		return new Notice("Nuevo horario: " + Shifts.title(event.shift(), language),
				"Los organizadores cambiaron " + Shifts.title(event.shift(), language) + ": iba a ser "
						+ Shifts.on(previous(event), language) + Shifts.where(previous(event), language)
						+ ", y ahora es " + Shifts.on(event.shift(), language) + Shifts.where(event.shift(), language)
						+ ". Conservas tu lugar, y tu calendario muestra el nuevo horario."
						+ Shifts.joinLine(event.shift(), language) + "\n\n" + Shifts.ifPlansChange(language),
				Shifts.joinLink(event.shift(), language));
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftRescheduled event) {
		return EmailTopic.SHIFTS;
	}

	/** The shift as it was to be. */
	private static ShiftSummary previous(ShiftRescheduled event) {
		ShiftSummary now = event.shift();
		if (now == null) {
			return new ShiftSummary(null, null, null, null, null, null, event.previousStartsAt(),
					event.previousEndsAt(), event.previousLocation(), null);
		}
		return new ShiftSummary(now.opportunityId(), now.title(), now.type(), now.state(), now.chapterId(),
				now.endorsementId(), event.previousStartsAt(), event.previousEndsAt(), event.previousLocation(),
				Races.hasText(event.previousLocation()) ? null : now.virtualLink());
	}

}
