package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.groundgame.volunteer.calendar.CalendarEvent.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarWriterTests {

	private static final Instant STAMP = Instant.parse("2026-11-20T12:00:00.789Z");

	private static final CalendarEvent PHONE_BANK = new CalendarEvent("s-1@groundgame",
			Instant.parse("2026-11-28T16:00:00Z"), Instant.parse("2026-11-28T19:30:00Z"), "Phone bank for Jane Doe",
			"Mobilize Missouri HQ, 123 Main St., St. Louis", "Bring a charged phone", "https://meet.example.org/abc",
			Status.CONFIRMED, 3);

	@Test
	void aCalendarIsAPublishedGregorianVcalendarWithItsName() {
		String calendar = ICalendarWriter.write("Phone bank; St. Louis", List.of(), STAMP);

		assertThat(calendar)
			.isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ground Game//volunteer-service//EN\r\n"
					+ "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Phone bank\\; St. Louis\r\n"
					+ "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\nEND:VCALENDAR\r\n");
	}

	@Test
	void aShiftIsAnEventInUtcWithItsStampStatusAndSequence() {
		List<String> lines = lines(ICalendarWriter.write("Team", List.of(PHONE_BANK), STAMP));

		assertThat(lines.subList(lines.indexOf("BEGIN:VEVENT"), lines.indexOf("END:VEVENT") + 1)).containsExactly(
				"BEGIN:VEVENT", "UID:s-1@groundgame", "DTSTAMP:20261120T120000Z", "DTSTART:20261128T160000Z",
				"DTEND:20261128T193000Z", "SUMMARY:Phone bank for Jane Doe",
				"LOCATION:Mobilize Missouri HQ\\, 123 Main St.\\, St. Louis", "DESCRIPTION:Bring a charged phone",
				"URL:https://meet.example.org/abc", "STATUS:CONFIRMED", "SEQUENCE:3", "END:VEVENT");
	}

	@Test
	void whatAShiftLacksIsLeftOut() {
		CalendarEvent bare = new CalendarEvent("s-2@groundgame", PHONE_BANK.startsAt(), PHONE_BANK.endsAt(), "Canvass",
				null, " ", "not a link", Status.TENTATIVE, 0);

		String calendar = ICalendarWriter.write("Team", List.of(bare), STAMP);

		assertThat(calendar).doesNotContain("LOCATION", "DESCRIPTION", "URL:").contains("STATUS:TENTATIVE\r\n");
	}

	@Test
	void textEscapesBackslashSemicolonCommaAndLineBreaks() {
		assertThat(ICalendarWriter.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
	}

	@Test
	void textDropsControlCharactersButKeepsTabs() {
		assertThat(ICalendarWriter.text("a\u0000b\u0007c\td")).isEqualTo("abc\td");
	}

	@Test
	void everyLineEndsInCrlfAndNoneHasABareLineFeed() {
		String calendar = ICalendarWriter.write("Team", List.of(PHONE_BANK), STAMP);

		assertThat(calendar).endsWith("\r\n");
		assertThat(calendar.replace("\r\n", "")).doesNotContain("\n", "\r");
	}

	@Test
	void longLinesAreFoldedAtSeventyFiveOctets() {
		String description = "x".repeat(200);
		CalendarEvent event = new CalendarEvent("s-3@groundgame", PHONE_BANK.startsAt(), PHONE_BANK.endsAt(), "Canvass",
				null, description, null, Status.CONFIRMED, 0);

		String calendar = ICalendarWriter.write("Team", List.of(event), STAMP);

		List<String> physical = Arrays.asList(calendar.split("\r\n"));
		assertThat(physical).allSatisfy((line) -> assertThat(octets(line)).isLessThanOrEqualTo(75));
		assertThat(unfold(calendar)).contains("DESCRIPTION:" + description + "\r\n");
		assertThat(physical).anySatisfy((line) -> assertThat(line).startsWith(" x"));
	}

	@Test
	void foldingNeverSplitsAMultiByteCharacter() {
		// "é" is 2 octets, "🗳" 4: a line of them crosses 75 octets mid-character if cut
		// by characters or by chars.
		String summary = "Canvass é🗳 ".repeat(20);
		CalendarEvent event = new CalendarEvent("s-4@groundgame", PHONE_BANK.startsAt(), PHONE_BANK.endsAt(), summary,
				null, null, null, Status.CONFIRMED, 0);

		String calendar = ICalendarWriter.write("Team", List.of(event), STAMP);

		byte[] bytes = calendar.getBytes(StandardCharsets.UTF_8);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(calendar);
		Arrays.stream(calendar.split("\r\n")).forEach((line) -> {
			assertThat(octets(line)).isLessThanOrEqualTo(75);
			assertThat(line.codePoints().noneMatch((c) -> Character.isSurrogate((char) c))).isTrue();
		});
		assertThat(unfold(calendar)).contains("SUMMARY:" + summary.replace(",", "\\,") + "\r\n");
	}

	@Test
	void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
		String line = "SUMMARY:" + "y".repeat(67);

		assertThat(ICalendarWriter.fold(line)).isEqualTo(line);
		assertThat(ICalendarWriter.fold(line + "z")).isEqualTo(line + "\r\n z");
	}

	@Test
	void timesAreWrittenToTheSecond() {
		CalendarEvent event = new CalendarEvent("s-5@groundgame", Instant.parse("2026-11-28T16:00:00.999Z"),
				Instant.parse("2026-11-28T17:00:00.001Z"), "Canvass", null, null, null, Status.CANCELLED, -1);

		String calendar = ICalendarWriter.write("Team", List.of(event), STAMP);

		assertThat(calendar).contains("DTSTART:20261128T160000Z\r\n", "DTEND:20261128T170000Z\r\n",
				"STATUS:CANCELLED\r\n", "SEQUENCE:0\r\n");
	}

	private static List<String> lines(String calendar) {
		return Arrays.asList(unfold(calendar).split("\r\n"));
	}

	private static String unfold(String calendar) {
		return calendar.replace("\r\n ", "");
	}

	private static int octets(String line) {
		return line.getBytes(StandardCharsets.UTF_8).length;
	}

}
