package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftSummary;

/**
 * How a shift, and the opportunity it belongs to, is named in notifications to the
 * volunteers who signed up: what it is, when (on the clock of the shift's state, with the
 * zone said) and where, or the link to join it online.
 */
final class Shifts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", Locale.US);

	private static final Locale SPANISH_US = Locale.forLanguageTag("es-US");

	private static final DateTimeFormatter DAY_ES = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", SPANISH_US);

	private static final DateTimeFormatter TIME_ES = DateTimeFormatter.ofPattern("h:mm a", SPANISH_US);

	/**
	 * What a volunteer with a seat is asked, so that the seat goes to another in time.
	 */
	static final String IF_PLANS_CHANGE = "If your plans change, please cancel your signup, so that your seat goes "
			+ "to the next volunteer in line.";

	static final String IF_PLANS_CHANGE_ES = "Si cambian tus planes, cancela tu inscripción para que tu lugar pase "
			+ "al siguiente voluntario de la lista.";

	private Shifts() {
	}

	static String ifPlansChange(Language language) {
		return language.spanish() ? IF_PLANS_CHANGE_ES : IF_PLANS_CHANGE;
	}

	static String title(ShiftSummary shift, Language language) {
		String title = (shift != null) ? shift.title() : null;
		if (!language.spanish() || Races.hasText(title)) {
			return title(title);
		}
		return "una oportunidad de voluntariado";
	}

	/** {@link #kind(String)} in Spanish, e.g. {@code una jornada de llamadas}. */
	static String kind(String type, Language language) {
		if (!language.spanish()) {
			return kind(type);
		}
		String normalized = Races.hasText(type) ? type.strip().toUpperCase(Locale.ROOT) : "";
		return switch (normalized) {
			case "CANVASS" -> "una jornada de puerta a puerta";
			case "PHONE_BANK" -> "una jornada de llamadas";
			case "DEEP_CANVASS" -> "una jornada de conversaciones a fondo puerta a puerta";
			case "TEXT_BANK" -> "una jornada de mensajes de texto";
			case "VOTER_REG" -> "una jornada de registro de votantes";
			case "GOTV" -> "un turno para sacar el voto";
			case "TRAINING" -> "una capacitación";
			default -> "una oportunidad de voluntariado";
		};
	}

	/**
	 * {@link #when(ShiftSummary)} in a language: in Spanish
	 * {@code sábado 28 de noviembre, 10:00 a. m. – 1:00 p. m. CST}.
	 */
	static String when(ShiftSummary shift, Language language) {
		if (!language.spanish()) {
			return when(shift);
		}
		if (shift == null || shift.startsAt() == null) {
			return "a una hora por anunciar";
		}
		ZoneId zone = StateTimeZones.of(shift.state());
		ZonedDateTime start = shift.startsAt().atZone(zone);
		if (shift.endsAt() == null || !shift.endsAt().isAfter(shift.startsAt())) {
			return DAY_ES.format(start) + ", " + TIME_ES.format(start) + " " + ZONE.format(start);
		}
		ZonedDateTime end = shift.endsAt().atZone(zone);
		if (start.toLocalDate().equals(end.toLocalDate())) {
			String startZone = ZONE.format(start);
			String endZone = ZONE.format(end);
			return DAY_ES.format(start) + ", " + TIME_ES.format(start)
					+ (startZone.equals(endZone) ? "" : " " + startZone) + " – " + TIME_ES.format(end) + " " + endZone;
		}
		return DAY_ES.format(start) + ", " + TIME_ES.format(start) + " " + ZONE.format(start) + " – "
				+ DAY_ES.format(end) + ", " + TIME_ES.format(end) + " " + ZONE.format(end);
	}

	static String startTime(ShiftSummary shift, Language language) {
		if (!language.spanish()) {
			return startTime(shift);
		}
		ZonedDateTime start = shift.startsAt().atZone(StateTimeZones.of(shift.state()));
		return TIME_ES.format(start) + " " + ZONE.format(start);
	}

	/**
	 * {@link #dayFrom(ShiftSummary, Instant)}: {@code hoy}, {@code mañana} or
	 * {@code el sábado 28 de noviembre}.
	 */
	static String dayFrom(ShiftSummary shift, Instant now, Language language) {
		if (!language.spanish()) {
			return dayFrom(shift, now);
		}
		ZoneId zone = StateTimeZones.of(shift.state());
		LocalDate day = shift.startsAt().atZone(zone).toLocalDate();
		long days = (now != null) ? ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), day) : Long.MAX_VALUE;
		if (days == 0) {
			return "hoy";
		}
		if (days == 1) {
			return "mañana";
		}
		return "el " + DAY_ES.format(shift.startsAt().atZone(zone));
	}

	static String where(ShiftSummary shift, Language language) {
		if (!language.spanish()) {
			return where(shift);
		}
		if (shift == null) {
			return "";
		}
		if (Races.hasText(shift.location())) {
			return ", en " + shift.location().strip() + (Races.hasText(shift.virtualLink()) ? " (o en línea)" : "");
		}
		return Races.hasText(shift.virtualLink()) ? ", en línea" : "";
	}

	static Notice.Link joinLink(ShiftSummary shift, Language language) {
		Notice.Link link = joinLink(shift);
		return (link != null && language.spanish()) ? new Notice.Link("Unirte en línea", link.url()) : link;
	}

	static String joinLine(ShiftSummary shift, Language language) {
		String line = joinLine(shift);
		return (!line.isEmpty() && language.spanish()) ? "\n\nPara unirte en línea: " + shift.virtualLink().strip()
				: line;
	}

	/** {@link #describe(ShiftSummary)} in a language. */
	static String describe(ShiftSummary shift, Language language) {
		if (!language.spanish()) {
			return describe(shift);
		}
		String type = (shift != null) ? shift.type() : null;
		return title(shift, language) + ", " + kind(type, language) + ", " + on(shift, language)
				+ where(shift, language);
	}

	static String on(ShiftSummary shift, Language language) {
		if (!language.spanish()) {
			return on(shift);
		}
		return (shift == null || shift.startsAt() == null) ? when(shift, language) : "el " + when(shift, language);
	}

	/** The volunteer concerned, as {@link NotificationRule#people} names them. */
	static Set<String> volunteer(String volunteerId) {
		return Races.hasText(volunteerId) ? Set.of(volunteerId) : Set.of();
	}

	/** The opportunity's title, e.g. {@code Phone bank for Jane Example}. */
	static String title(String title) {
		return Races.hasText(title) ? title.strip() : "a volunteer opportunity";
	}

	static String title(ShiftSummary shift) {
		return title((shift != null) ? shift.title() : null);
	}

	/**
	 * What kind of work an opportunity's type is, in words, with its article:
	 * {@code a phone bank}; a type not known yet is {@code a volunteer opportunity}.
	 */
	static String kind(String type) {
		if (!Races.hasText(type)) {
			return "a volunteer opportunity";
		}
		return switch (type.strip().toUpperCase(Locale.ROOT)) {
			case "CANVASS" -> "a canvass";
			case "PHONE_BANK" -> "a phone bank";
			case "DEEP_CANVASS" -> "a deep canvass";
			case "TEXT_BANK" -> "a text bank";
			case "VOTER_REG" -> "a voter registration drive";
			case "GOTV" -> "a get-out-the-vote shift";
			case "TRAINING" -> "a training";
			default -> "a volunteer opportunity";
		};
	}

	/**
	 * When a shift is, in its state's time zone:
	 * {@code Saturday, November 28, 10:00 AM – 1:00 PM CST}, or with both days when it
	 * ends on another day. A shift whose times are missing is
	 * {@code at a time to be announced}.
	 */
	static String when(ShiftSummary shift) {
		if (shift == null || shift.startsAt() == null) {
			return "at a time to be announced";
		}
		ZoneId zone = StateTimeZones.of(shift.state());
		ZonedDateTime start = shift.startsAt().atZone(zone);
		if (shift.endsAt() == null || !shift.endsAt().isAfter(shift.startsAt())) {
			return DAY.format(start) + ", " + TIME.format(start) + " " + ZONE.format(start);
		}
		ZonedDateTime end = shift.endsAt().atZone(zone);
		if (start.toLocalDate().equals(end.toLocalDate())) {
			String startZone = ZONE.format(start);
			String endZone = ZONE.format(end);
			// The clocks may change during a shift (2 AM on a November Sunday): then
			// each time carries its own zone.
			return DAY.format(start) + ", " + TIME.format(start) + (startZone.equals(endZone) ? "" : " " + startZone)
					+ " – " + TIME.format(end) + " " + endZone;
		}
		return DAY.format(start) + ", " + TIME.format(start) + " " + ZONE.format(start) + " – " + DAY.format(end) + ", "
				+ TIME.format(end) + " " + ZONE.format(end);
	}

	/** The start's time of day in the state's zone, e.g. {@code 10:00 AM CST}. */
	static String startTime(ShiftSummary shift) {
		ZonedDateTime start = shift.startsAt().atZone(StateTimeZones.of(shift.state()));
		return TIME.format(start) + " " + ZONE.format(start);
	}

	/**
	 * When a shift starts as seen from a moment before it, on the state's calendar:
	 * {@code today}, {@code tomorrow} or {@code on Saturday, November 28}.
	 */
	static String dayFrom(ShiftSummary shift, Instant now) {
		ZoneId zone = StateTimeZones.of(shift.state());
		LocalDate day = shift.startsAt().atZone(zone).toLocalDate();
		long days = (now != null) ? ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), day) : Long.MAX_VALUE;
		if (days == 0) {
			return "today";
		}
		if (days == 1) {
			return "tomorrow";
		}
		return "on " + DAY.format(shift.startsAt().atZone(zone));
	}

	/**
	 * Where to go, as the end of a sentence: {@code , at 4140 Gravois Ave, St. Louis},
	 * {@code , online} for a virtual shift, or nothing when neither is known.
	 */
	static String where(ShiftSummary shift) {
		if (shift == null) {
			return "";
		}
		if (Races.hasText(shift.location())) {
			return ", at " + shift.location().strip() + (Races.hasText(shift.virtualLink()) ? " (or online)" : "");
		}
		return Races.hasText(shift.virtualLink()) ? ", online" : "";
	}

	/**
	 * The link to join a virtual shift, which an e-mail shows as a button; {@code null}
	 * when the shift has none, or has something that is not a web address (then
	 * {@link #joinLine} says it in words).
	 */
	static Notice.Link joinLink(ShiftSummary shift) {
		if (shift != null && Notice.Link.isWebAddress(shift.virtualLink())) {
			return new Notice.Link("Join online", shift.virtualLink().strip());
		}
		return null;
	}

	/**
	 * How to join a virtual shift whose link is not a web address, as a paragraph of its
	 * own, or nothing.
	 */
	static String joinLine(ShiftSummary shift) {
		if (shift == null || !Races.hasText(shift.virtualLink()) || joinLink(shift) != null) {
			return "";
		}
		return "\n\nTo join online: " + shift.virtualLink().strip();
	}

	/**
	 * The shift in one phrase, for a sentence:
	 * {@code Phone bank for Jane Example, a phone
	 * bank, on Saturday, November 28, 10:00 AM – 1:00 PM CST, online}.
	 */
	static String describe(ShiftSummary shift) {
		String type = (shift != null) ? shift.type() : null;
		return title(shift) + ", " + kind(type) + ", " + on(shift) + where(shift);
	}

	/**
	 * {@link #when} as a phrase:
	 * {@code on Saturday, November 28, 10:00 AM – 1:00 PM CST}, or
	 * {@code at a time to be announced}.
	 */
	static String on(ShiftSummary shift) {
		return (shift == null || shift.startsAt() == null) ? when(shift) : "on " + when(shift);
	}

}
