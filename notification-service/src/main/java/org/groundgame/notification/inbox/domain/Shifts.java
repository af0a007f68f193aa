package org.groundgame.notification.inbox.domain;

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

	/**
	 * What a volunteer with a seat is asked, so that the seat goes to another in time.
	 */
	static final String IF_PLANS_CHANGE = "If your plans change, please cancel your signup, so that your seat goes "
			+ "to the next volunteer in line.";

	private Shifts() {
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
