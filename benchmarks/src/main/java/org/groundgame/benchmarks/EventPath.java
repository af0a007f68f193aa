package org.groundgame.benchmarks;

import java.util.List;

/**
 * One way for an event to get from a producer to a consumer's effect. The benchmark sends
 * through it at a fixed rate; the path reports each event's arrival to the
 * {@link Completions} it was built with.
 */
public interface EventPath extends AutoCloseable {

	/**
	 * Sends one event, on the caller's thread, as a producer of this path would.
	 * @param eventId the id by which its completion will be reported
	 */
	void send(String eventId);

	/**
	 * What the path itself measured, for the report; asked once the measured events have
	 * arrived.
	 * @return lines of text, none by default
	 */
	default List<String> notes() {
		return List.of();
	}

	/** Stops the path and releases what it holds. */
	@Override
	void close();

}
