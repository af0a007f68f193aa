package org.groundgame.notification.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * Webhook endpoints on a real HTTP server bound to 127.0.0.1, recording every request
 * they receive.
 */
final class TestEndpoints implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** Released when the test ends, so that no stalled handler outlives it. */
	final CountDownLatch release = new CountDownLatch(1);

	TestEndpoints() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** An endpoint answering with a status and headers, and no body. */
	TestEndpoints answer(String path, int status, String... headerNamesAndValues) {
		return handle(path, (exchange) -> {
			for (int i = 0; i < headerNamesAndValues.length; i += 2) {
				exchange.getResponseHeaders().add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
	}

	TestEndpoints handle(String path, HttpHandler handler) {
		this.server.createContext(path, (exchange) -> {
			this.received.add(new Received(exchange.getRequestURI().getPath(), headersOf(exchange),
					exchange.getRequestBody().readAllBytes()));
			handler.handle(exchange);
		});
		return this;
	}

	/** An endpoint that answers nothing until the test ends. */
	TestEndpoints stall(String path) {
		return handle(path, (exchange) -> {
			awaitRelease(30_000);
			exchange.close();
		});
	}

	/**
	 * An endpoint that answers 200 at once but sends its body a byte at a time, never
	 * finishing before the test ends (a socket time-out alone would never fire).
	 */
	TestEndpoints drip(String path) {
		return handle(path, (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				for (int i = 0; i < 300 && !awaitRelease(50); i++) {
					body.write(' ');
					body.flush();
				}
			}
			catch (IOException ex) {
				// The client gave up: what is expected.
			}
		});
	}

	private boolean awaitRelease(long millis) {
		try {
			return this.release.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static Map<String, List<String>> headersOf(HttpExchange exchange) {
		return exchange.getRequestHeaders()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
	}

	/** A request an endpoint received, with its header names in lower case. */
	record Received(String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

}
