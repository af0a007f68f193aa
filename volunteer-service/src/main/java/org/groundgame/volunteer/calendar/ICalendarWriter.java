package org.groundgame.volunteer.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an iCalendar object (RFC 5545) that calendar apps subscribe to: a published
 * {@code VCALENDAR} with one {@code VEVENT} per shift, times in UTC. Lines end in CRLF
 * and are folded at 75 octets without splitting a UTF-8 character; text values are
 * escaped ({@code \ ; ,} and line breaks).
 */
public final class ICalendarWriter {

	static final String PRODUCT = "-//Ground Game//volunteer-service//EN";

	/**
	 * How often a subscribed app should fetch the feed again (RFC 7986, and Outlook's).
	 */
	static final String REFRESH = "PT1H";

	private static final int MAX_OCTETS = 75;

	private static final String CRLF = "\r\n";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendarWriter() {
	}

	/**
	 * @param name the calendar's name, as apps show it
	 * @param events its events, in the order given
	 * @param stamp when this copy was made ({@code DTSTAMP})
	 * @return the iCalendar object, to be sent as UTF-8
	 */
	public static String write(String name, List<CalendarEvent> events, Instant stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:" + PRODUCT);
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(name));
		line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
		line(out, "X-PUBLISHED-TTL:" + REFRESH);
		for (CalendarEvent event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + text(event.uid()));
			line(out, "DTSTAMP:" + utc(stamp));
			line(out, "DTSTART:" + utc(event.startsAt()));
			line(out, "DTEND:" + utc(event.endsAt()));
			line(out, "SUMMARY:" + text(event.summary()));
			if (present(event.location())) {
				line(out, "LOCATION:" + text(event.location()));
			}
			if (present(event.description())) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			if (isUri(event.url())) {
				line(out, "URL:" + event.url().strip());
			}
			line(out, "STATUS:" + event.status().name());
			line(out, "SEQUENCE:" + Math.max(0, event.sequence()));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/**
	 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line
	 * break as {@code \n}, other control characters (not allowed in a value) dropped.
	 */
	static String text(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\r' -> {
					escaped.append("\\n");
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						i++;
					}
				}
				case '\n' -> escaped.append("\\n");
				default -> {
					if (c == '\t' || !Character.isISOControl(c)) {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * Folds a content line so that no line is longer than 75 octets of UTF-8 (RFC 5545
	 * 3.1): a CRLF and a space before each continuation, never inside a character.
	 */
	static String fold(String line) {
		StringBuilder out = new StringBuilder(line.length() + 8);
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = utf8Length(codePoint);
			if (octets + size > MAX_OCTETS) {
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String line) {
		out.append(fold(line)).append(CRLF);
	}

	private static String utc(Instant instant) {
		return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	/** A URI value is written as is, so only a well-formed absolute one is written. */
	private static boolean isUri(String value) {
		if (!present(value)) {
			return false;
		}
		try {
			return new URI(value.strip()).isAbsolute();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		if (codePoint < 0x10000) {
			return 3;
		}
		return 4;
	}

	static int octets(String value) {
		return value.getBytes(StandardCharsets.UTF_8).length;
	}

}
