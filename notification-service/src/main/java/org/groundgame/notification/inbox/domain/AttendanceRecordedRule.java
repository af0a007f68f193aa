package org.groundgame.notification.inbox.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A volunteer whom organizers recorded as having come to a shift is thanked, with the
 * hours recorded for them: by e-mail, if they consented to it. A no-show is told nothing
 * (organizers may follow up in person). A correction of an earlier record is recorded
 * again and thanks again with the hours as they now are: the event does not say what was
 * recorded before.
 */
public final class AttendanceRecordedRule implements NotificationRule<AttendanceRecorded> {

	@Override
	public Class<AttendanceRecorded> eventType() {
		return AttendanceRecorded.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.VOLUNTEERS;
	}

	/** No chapter: the volunteer alone is concerned. */
	@Override
	public Set<String> audience(AttendanceRecorded event, ChapterDirectory chapters) {
		return Set.of();
	}

	@Override
	public Set<String> people(AttendanceRecorded event) {
		return event.attended() ? Shifts.volunteer(event.volunteerId()) : Set.of();
	}

	@Override
	public Notice template(AttendanceRecorded event) {
		String hours = hours(event.hours());
		return new Notice("Thank you for volunteering: " + Shifts.title(event.shift()),
				"Thank you for coming to " + Shifts.describe(event.shift()) + "!"
						+ ((hours != null) ? " We recorded " + hours + " of volunteering for you." : "")
						+ "\n\nEvery conversation, call and door knocked brings our candidates closer to winning. "
						+ "We hope to see you at another shift soon.");
	}

	/**
	 * Hours as people say them: {@code 1 hour}, {@code 3 hours}, {@code 2.5 hours}
	 * (rounded to hundredths); {@code null} for none.
	 */
	static String hours(double hours) {
		if (!(hours > 0) || Double.isInfinite(hours)) {
			return null;
		}
		BigDecimal rounded = BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		String number = rounded.toPlainString();
		return number + ((rounded.compareTo(BigDecimal.ONE) == 0) ? " hour" : " hours");
	}

	@Override
	public Notice personalTemplate(AttendanceRecorded event, Language language) {
		if (!language.spanish()) {
			return personalTemplate(event);
		}
		String hours = hours(event.hours());
		String horas = (hours != null) ? hours.replace(" hours", " horas").replace(" hour", " hora") : null;
		return new Notice("Gracias por tu voluntariado: " + Shifts.title(event.shift(), language),
				"¡Gracias por venir a " + Shifts.describe(event.shift(), language) + "!"
						+ ((horas != null) ? " Registramos " + horas + " de voluntariado a tu nombre." : "")
						+ "\n\nCada conversación, cada llamada y cada puerta tocada acerca a nuestros candidatos a "
						+ "la victoria. Esperamos verte pronto en otro turno.");
	}

	/** About the volunteer's shifts. */
	@Override
	public EmailTopic emailTopic(AttendanceRecorded event) {
		return EmailTopic.SHIFTS;
	}

}
