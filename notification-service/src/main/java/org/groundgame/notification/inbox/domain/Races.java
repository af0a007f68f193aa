package org.groundgame.notification.inbox.domain;

import java.util.ArrayList;
import java.util.List;

import org.groundgame.events.endorsement.RaceSummary;

/** How a race is named in notifications. */
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
		List<String> where = new ArrayList<>();
		addIfPresent(where, race.state());
		addIfPresent(where, race.jurisdiction());
		if (hasText(race.district())) {
			where.add("District " + race.district().strip());
		}
		String office = hasText(race.office()) ? race.office().strip() : "an unnamed office";
		return where.isEmpty() ? office : office + " (" + String.join(", ", where) + ")";
	}

	static String electionDay(RaceSummary race) {
		return (race != null && race.electionDate() != null) ? race.electionDate().toString() : null;
	}

	private static void addIfPresent(List<String> parts, String part) {
		if (hasText(part)) {
			parts.add(part.strip());
		}
	}

	static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

}
