package org.groundgame.support.domain;

/**
 * A command that the aggregate's current state does not allow (answered as {@code 409},
 * naming the current state). Plain Java, so domains may throw it.
 */
public class IllegalStateChangeException extends RuntimeException {

	private final String currentState;

	public IllegalStateChangeException(String message, String currentState) {
		super(message);
		this.currentState = currentState;
	}

	public String currentState() {
		return this.currentState;
	}

}
