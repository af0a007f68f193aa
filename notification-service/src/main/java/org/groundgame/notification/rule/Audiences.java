package org.groundgame.notification.rule;

import java.util.Set;
import java.util.function.Function;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.endorsement.RaceSummary;

/** The audiences rules share; a rule with an audience of its own says it itself. */
public final class Audiences {

	private Audiences() {
	}

	/** No chapter: the message is a person's alone (or staff's). */
	public static <E extends DomainEvent> Audience<E> none() {
		return (event, chapters) -> Set.of();
	}

	/** The chapter the event names, by its id, when it names one. */
	public static <E extends DomainEvent> Audience<E> chapter(Function<E, String> chapterId) {
		return (event, chapters) -> {
			String id = chapterId.apply(event);
			return Races.hasText(id) ? Set.of(id) : Set.of();
		};
	}

	/** Every chapter, whose subscription then decides (for what belongs to no state). */
	public static <E extends DomainEvent> Audience<E> allChapters() {
		return (event, chapters) -> chapters.allChapterIds();
	}

	/**
	 * The nominating chapter, wherever it is, and the chapters of the race's state (its
	 * own and those following it): who hears of what becomes of an endorsement.
	 */
	public static <E extends DomainEvent> Audience<E> nominatingChapterAndState(Function<E, String> nominatingChapterId,
			Function<E, RaceSummary> race) {
		return (event, chapters) -> Races.nominatingChapterAndState(nominatingChapterId.apply(event), race.apply(event),
				chapters);
	}

}
