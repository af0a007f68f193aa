package org.groundgame.volunteer.hours;

import java.util.Comparator;

/**
 * A chapter's attended hours within a leaderboard's selection: its volunteers' hours
 * (those who were its members when they signed up).
 *
 * @param name the chapter's name, {@code null} if it is not registered here
 * @param state the chapter's state, likewise
 * @param volunteers how many of its volunteers attended
 * @param shifts how many distinct shifts they attended
 */
public record ChapterTally(String chapterId, String name, String state, double hours, int volunteers, int shifts) {

	/** The order among equal hours: more shifts, then by name, then by id. */
	static final Comparator<ChapterTally> WITHIN_EQUAL_HOURS = Comparator.comparingInt(ChapterTally::shifts)
		.reversed()
		.thenComparing(ChapterTally::name, Leaderboard.byName())
		.thenComparing(ChapterTally::chapterId);

}
