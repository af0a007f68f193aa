package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer with a seat on a shift is reminded of it the day before (or at once, for a
 * signup made later than that): when, on the clock of the shift's state and counted from
 * the reminder's day ({@code tomorrow}, {@code today}), where, and the link to join a
 * virtual shift; by e-mail, if they consented to it.
 */
public final class ShiftReminderDueRule implements NotificationRule<ShiftReminderDue> {

	@Override
	public Class<ShiftReminderDue> eventType() {
		return ShiftReminderDue.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the volunteer alone is concerned. */
	@Override
	public Set<String> audience(ShiftReminderDue event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public Set<String> people(ShiftReminderDue event) {
		return Shifts.volunteer(event.volunteerId());
	}

	@Override
	public Notice template(ShiftReminderDue event) {
		ShiftSummary shift = event.shift();
		String title = Shifts.title(shift);
		String subject = (shift != null && shift.startsAt() != null) ? "Reminder: " + title + " "
				+ Shifts.dayFrom(shift, event.occurredAt()) + ", " + Shifts.startTime(shift) : "Reminder: " + title;
		return new Notice(subject, "A reminder of your shift: " + Shifts.describe(shift) + "." + Shifts.joinLine(shift)
				+ "\n\n" + Shifts.IF_PLANS_CHANGE + " Thank you for volunteering!", Shifts.joinLink(shift));
	}

	@Override
	public Notice personalTemplate(ShiftReminderDue event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		ShiftSummary shift = event.shift();
		String title = Shifts.title(shift, language);
		String subject = (shift != null && shift.startsAt() != null) ? "Recordatorio: " + title + " "
				+ Shifts.dayFrom(shift, event.occurredAt(), language) + ", " + Shifts.startTime(shift, language)
				: "Recordatorio: " + title;
		return new Notice(subject,
				"Te recordamos tu turno: " + Shifts.describe(shift, language) + "." + Shifts.joinLine(shift, language)
						+ "\n\n" + Shifts.ifPlansChange(language) + " ¡Gracias por tu voluntariado!",
				Shifts.joinLink(shift, language));
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(ShiftReminderDue event) {
		return EmailTopic.SHIFTS;
	}

}
