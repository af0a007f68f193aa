package org.groundgame.identity.guard;

import java.time.Duration;

/**
 * Where {@link FailureWindows} keep their counts, shared by every instance of the service
 * ({@link FailureWindowStore}). Each method throws {@link Unreachable} when the counts
 * cannot be reached.
 */
public interface FailureCounts {

	/**
	 * Counts one more failure in the key's window, opening one if none is open.
	 * @return the count in the window, this failure included, and the time left in it
	 */
	FailureWindows.Count add(String kind, String key, Duration period);

	/** Takes back one failure of the key's open window, if it has one. */
	void subtract(String kind, String key);

	/** Forgets the key's window. */
	void forget(String kind, String key);

	/** Counts a failure of the kind that was counted in an instance's memory instead. */
	void countedLocally(String kind);

	/** The counts could not be reached. */
	final class Unreachable extends RuntimeException {

		public Unreachable(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

}
