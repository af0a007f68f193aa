package org.groundgame.benchmarks;

/** Where a path reports how far each event got, with {@link System#nanoTime()}. */
public interface Completions {

	/**
	 * The event reached the consumer's code (before its effect). Paths with nothing
	 * between receipt and effect do not report this.
	 * @param eventId the id the event was sent with
	 * @param nanoTime when it arrived
	 */
	default void arrived(String eventId, long nanoTime) {
	}

	/**
	 * The consumer's effect is written: the event has made it.
	 * @param eventId the id the event was sent with
	 * @param nanoTime just after the effect
	 */
	void completed(String eventId, long nanoTime);

}
