package org.groundgame.notification.rule;

import java.util.Set;
import java.util.function.Predicate;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/**
 * The chapters an event concerns, each once, before their subscriptions are asked
 * ({@link Audiences} has the usual ones).
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface Audience<E extends DomainEvent> {

	/**
	 * @param event the event that happened
	 * @param chapters the chapters that hear of a state's events, for targeting by state
	 * @return the ids of the chapters to notify, possibly none
	 */
	Set<String> of(E event, ChapterDirectory chapters);

	/** This audience for the events that pass a test, no chapter for the others. */
	default Audience<E> when(Predicate<E> test) {
		return (event, chapters) -> test.test(event) ? of(event, chapters) : Set.of();
	}

}
