package org.groundgame.infrastructure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the embedded servers: everything they open listens on 127.0.0.1
 * only. Public for the launcher, which checks its services' ports the same way.
 */
public final class Ports {

	static final String LOOPBACK = "127.0.0.1";

	/** The lowest port {@link #free} chooses: above the well-known servers' ports. */
	static final int LOWEST_CHOSEN = 10000;

	static final int DEFAULT_EPHEMERAL_LOW = 32768;

	private static final int EPHEMERAL_LOW = ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

	private static final int CHOICE_ATTEMPTS = 100;

	private Ports() {
	}

	/**
	 * A port that was free a moment ago on 127.0.0.1, below the range the system gives to
	 * outgoing connections.
	 * <p>
	 * A port chosen now is bound later (by a server started with it, by a process the
	 * launcher starts), and meanwhile nothing holds it. Asked for port 0, the system
	 * answers from its ephemeral range, the same range it takes the local ports of
	 * outgoing connections from: a Kafka client's or a store client's connection opened
	 * in between can take the port, and the server fails with "address already in use" (a
	 * platform once failed to start so). Below that range, only another listener can take
	 * it, and a random choice among some twenty thousand ports makes two launchers'
	 * choices meet rarely.
	 */
	public static int free() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < CHOICE_ATTEMPTS; attempt++) {
			int port = random.nextInt(LOWEST_CHOSEN, EPHEMERAL_LOW);
			if (available(port)) {
				return port;
			}
		}
		return anyFree();
	}

	/** A port the system chose, for when every choice below its range was taken. */
	private static int anyFree() {
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
	 * The lowest port of the system's ephemeral range: Linux says it in
	 * {@code /proc/sys/net/ipv4/ip_local_port_range}; elsewhere (macOS and Windows use
	 * 49152 and up) the lowest Linux default, 32768.
	 */
	static int ephemeralLow(Path portRange) {
		try {
			String[] range = Files.readString(portRange, StandardCharsets.US_ASCII).strip().split("\\s+");
			int low = Integer.parseInt(range[0]);
			return (low > LOWEST_CHOSEN + 1024) ? low : DEFAULT_EPHEMERAL_LOW;
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_EPHEMERAL_LOW;
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
