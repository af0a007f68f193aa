package org.groundgame.infrastructure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports for the embedded servers: everything they open listens on 127.0.0.1
 * only. Public for the launcher, which checks its services' ports the same way.
 */
public final class Ports {

	static final String LOOPBACK = "127.0.0.1";

	private Ports() {
	}

	/** A port that was free a moment ago on 127.0.0.1. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port on " + LOOPBACK, ex);
		}
	}

	/**
	 * Whether a server could listen on the port now. Address reuse is on, like the
	 * servers' own listeners, so a port left in TIME_WAIT by our own previous run counts
	 * as free while one somebody listens on does not.
	 */
	public static boolean available(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void requireAvailable(int port, String server) {
		if (!available(port)) {
			throw new PortInUseException(port, server);
		}
	}

	static boolean isBindFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException) {
				return true;
			}
			String message = cause.getMessage();
			if (message != null && message.contains("Address already in use")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
