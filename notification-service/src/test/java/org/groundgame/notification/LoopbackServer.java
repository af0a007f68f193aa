package org.groundgame.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server of the tests' own on 127.0.0.1 and a free port, each request on a
 * virtual thread: what the tests' webhook receivers answer from.
 */
public final class LoopbackServer {

	private LoopbackServer() {
	}

	/**
	 * Starts a server that hands every request to the handler.
	 * @param backlog how many connections may wait to be accepted (0: the system's
	 * default)
	 */
	public static HttpServer start(HttpHandler handler, int backlog) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", handler);
		server.start();
		return server;
	}

}
