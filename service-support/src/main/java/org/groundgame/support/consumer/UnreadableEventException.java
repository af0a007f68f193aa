package org.groundgame.support.consumer;

/**
 * A message that cannot be read as a CloudEvent of a known type (a poison message). Like
 * any failure it is retried the configured number of times and then sent to the binding's
 * dead-letter topic, so it never blocks the messages behind it.
 */
public class UnreadableEventException extends RuntimeException {

	public UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
