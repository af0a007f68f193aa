package org.groundgame.notification.rule;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.groundgame.notification.chapter.domain.ChapterDirectory;

/** How volunteer opportunities are named, and who hears that volunteers may sign up. */
final class Opportunities {

	private Opportunities() {
	}

	/**
	 * What an opportunity is and where, e.g. {@code a phone bank in MO}, or
	 * {@code a phone bank} when its state is not known.
	 */
	static String kindIn(String type, String state) {
		String kind = Shifts.kind(type);
		return Races.hasText(state) ? kind + " in " + state.strip().toUpperCase(Locale.ROOT) : kind;
	}

	/**
	 * The organizing chapter, if any (by its id, even before its registration arrives),
	 * and the chapters that hear of the opportunity's state (its own and those following
	 * it): who can send volunteers to an open opportunity.
	 */
	static Set<String> organizerAndState(String chapterId, String state, ChapterDirectory chapters) {
		Set<String> audience = new LinkedHashSet<>();
		if (Races.hasText(chapterId)) {
			audience.add(chapterId);
		}
		if (Races.hasText(state)) {
			audience.addAll(chapters.chapterIdsIn(state));
		}
		return audience;
	}

	/** Whether a status (of a producer's, in any case) is the given one. */
	static boolean is(String status, String expected) {
		return status != null && status.strip().equalsIgnoreCase(expected);
	}

}
