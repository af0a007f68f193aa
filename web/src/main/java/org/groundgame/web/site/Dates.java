package org.groundgame.web.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.groundgame.web.WebProperties;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times in the reader's language, for templates ({@code ${@dates.day(d)}}).
 * Moments (a shift's start) are shown in the platform's time zone
 * ({@code groundgame.web.time-zone}) with the zone named, since the server cannot know
 * the reader's.
 */
@Component("dates")
public class Dates {

	private final ZoneId zone;

	Dates(WebProperties properties) {
		this.zone = properties.timeZone();
	}

	/** A day, e.g. "November 7, 2028" or "7 de noviembre de 2028". */
	public String day(LocalDate day) {
		return (day != null) ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(day)
				: "";
	}

	/** The day of a moment. */
	public String dayOf(Instant moment) {
		return (moment != null) ? day(moment.atZone(this.zone).toLocalDate()) : "";
	}

	/**
	 * A moment with its day, time and zone, e.g. "Saturday, December 12, 2026, 10:00 AM
	 * CST".
	 */
	public String moment(Instant moment) {
		if (moment == null) {
			return "";
		}
		Locale locale = locale();
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(this.zone)
			.format(moment) + " " + DateTimeFormatter.ofPattern("zzz", locale).withZone(this.zone).format(moment);
	}

	/** The time of a moment, e.g. "1:00 PM". */
	public String time(Instant moment) {
		return (moment != null) ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
			.withLocale(locale())
			.withZone(this.zone)
			.format(moment) : "";
	}

	/** A moment for a machine ({@code <time datetime>}). */
	public String iso(Instant moment) {
		return (moment != null) ? moment.toString() : "";
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
