package org.groundgame.infrastructure.embedded;

/**
 * Thrown when an embedded server cannot listen on its port because something else already
 * does. The message names the port and the server, so that a developer can act on it
 * without reading a stack trace of broker internals.
 */
public class PortInUseException extends RuntimeException {

	private final int port;

	public PortInUseException(int port, String server) {
		this(port, server, null);
	}

	public PortInUseException(int port, String server, Throwable cause) {
		super("Port " + port + " is already in use (" + server + "): stop whatever uses it or choose another port",
				cause);
		this.port = port;
	}

	public int port() {
		return this.port;
	}

}
