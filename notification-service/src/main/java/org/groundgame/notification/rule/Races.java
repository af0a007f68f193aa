package org.groundgame.notification.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/** How a race, and who or what runs in it, is named in notifications. */
final class Races {

	private Races() {
	}

	/**
	 * The office and where, e.g. {@code State Representative (MO, District 80)} or
	 * {@code Mayor (MO, Kansas City)}.
	 */
	static String describe(RaceSummary race) {
		if (race == null) {
			return "an unnamed race";
		}
		String office = hasText(race.office()) ? race.office().strip() : "an unnamed office";
		List<String> where = where(race);
		return where.isEmpty() ? office : office + " (" + String.join(", ", where) + ")";
	}

	/**
	 * Who (or what position) runs for what, as a notification names it: a candidate for a
	 * race, with the stage where it is not the general election (e.g.
	 * {@code Jane Example for State Representative (MO, District 80), primary}), or a
	 * position on a ballot measure, whose "candidate" is the position (e.g.
	 * {@code YES on Amendment 3 (MO ballot measure)}).
	 */
	static String candidacy(String candidateName, RaceSummary race) {
		String stage = isBallotMeasure(race) ? null : stage(race);
		return nominee(candidateName, race) + ((stage != null) ? ", " + stage : "");
	}

	/** {@link #candidacy} without the stage, for a sentence that says when. */
	static String nominee(String candidateName, RaceSummary race) {
		if (isBallotMeasure(race)) {
			return position(candidateName, race) + " (" + measureWhere(race) + ")";
		}
		String candidate = hasText(candidateName) ? candidateName.strip() : "A candidate";
		return candidate + " for " + describe(race);
	}

	/**
	 * When the race is decided, as the end of a sentence: {@code  in the primary of
	 * 2026-08-04}, {@code  in the election of 2026-11-03}, or nothing when it is not
	 * known.
	 */
	static String when(RaceSummary race) {
		String stage = stage(race);
		String day = electionDay(race);
		if (stage != null) {
			return " in the " + stage + ((day != null) ? " of " + day : "");
		}
		return (day != null) ? " in the election of " + day : "";
	}

	/**
	 * The stage of an election worth saying: {@code primary}, {@code runoff},
	 * {@code special election}; {@code null} for the general election or a stage not
	 * known (yet), which goes without saying.
	 */
	static String stage(String stage) {
		if (!hasText(stage)) {
			return null;
		}
		return switch (stage.strip().toUpperCase(Locale.ROOT)) {
			case "PRIMARY" -> "primary";
			case "RUNOFF" -> "runoff";
			case "SPECIAL" -> "special election";
			default -> null;
		};
	}

	static String stage(RaceSummary race) {
		return (race != null) ? stage(race.stage()) : null;
	}

	static boolean isBallotMeasure(RaceSummary race) {
		return race != null && race.ballotMeasure();
	}

	/**
	 * The position on a measure: the event's candidate name ("YES on Amendment 3"), with
	 * the measure's title added when the name alone ("YES") does not say it.
	 */
	private static String position(String candidateName, RaceSummary race) {
		String title = hasText(race.office()) ? race.office().strip() : null;
		if (!hasText(candidateName)) {
			return (title != null) ? "A position on " + title : "A position on a ballot measure";
		}
		String position = candidateName.strip();
		if (title != null && !position.toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) {
			return position + " on " + title;
		}
		return position;
	}

	private static String measureWhere(RaceSummary race) {
		List<String> where = where(race);
		return where.isEmpty() ? "ballot measure" : String.join(", ", where) + " ballot measure";
	}

	private static List<String> where(RaceSummary race) {
		List<String> where = new ArrayList<>();
		addIfPresent(where, race.state());
		addIfPresent(where, race.jurisdiction());
		if (hasText(race.district())) {
			// "80" is District 80; a district that names itself ("Ward 3") says so
			// already.
			String district = race.district().strip();
			where.add(Character.isDigit(district.charAt(0)) ? "District " + district : district);
		}
		return where;
	}

	static String electionDay(RaceSummary race) {
		return (race != null && race.electionDate() != null) ? race.electionDate().toString() : null;
	}

	private static void addIfPresent(List<String> parts, String part) {
		if (hasText(part)) {
			parts.add(part.strip());
		}
	}

	/**
	 * The chapter that nominated, if any, and the chapters that hear of the race's state
	 * (its own and those following it): who hears of what becomes of an endorsement.
	 */
	static Set<String> nominatingChapterAndState(String nominatingChapterId, RaceSummary race,
			ChapterDirectory chapters) {
		Set<String> audience = new LinkedHashSet<>();
		if (hasText(nominatingChapterId)) {
			audience.add(nominatingChapterId);
		}
		if (race != null && hasText(race.state())) {
			audience.addAll(chapters.chapterIdsIn(race.state()));
		}
		return audience;
	}

	static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	/** A reason someone gave, as a sentence of its own, or nothing. */
	static String reason(String label, String reason) {
		if (!hasText(reason)) {
			return "";
		}
		String stripped = reason.strip();
		return "\n\n" + label + ": " + stripped;
	}

}
