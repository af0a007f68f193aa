package org.groundgame.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that is there and breaks every connection: it accepts, then closes at once
 * without answering, as a crashing service or a half-open load balancer would. It counts
 * the connections, so that a test sees how many times the gateway tried.
 */
public final class ConnectionDropper implements AutoCloseable {

	private final ServerSocket server;

	private final AtomicInteger connections = new AtomicInteger();

	private ConnectionDropper() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().name("connection-dropper").start(this::dropConnections);
	}

	public static ConnectionDropper start() {
		try {
			return new ConnectionDropper();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	public int connections() {
		return this.connections.get();
	}

	public void forgetConnections() {
		this.connections.set(0);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

	private void dropConnections() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				this.connections.incrementAndGet();
			}
			catch (IOException ex) {
				// Closed, or a client that went away first: either way, nothing to do.
			}
		}
	}

}
