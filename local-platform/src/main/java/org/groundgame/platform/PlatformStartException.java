package org.groundgame.platform;

/**
 * The platform could not start. The message is written for the person running it: it says
 * what went wrong and what to do, without a stack trace.
 */
public class PlatformStartException extends RuntimeException {

	public PlatformStartException(String message) {
		super(message);
	}

	public PlatformStartException(String message, Throwable cause) {
		super(message, cause);
	}

}
