package org.groundgame.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chapter's integration, for tests: a real HTTP server on 127.0.0.1 that records every
 * webhook it receives, by path, and answers what the test tells it to for that path.
 */
public final class WebhookReceiver implements AutoCloseable {

	/**
	 * What a path answers: a status, optionally a {@code Retry-After}, optionally after a
	 * wait.
	 */
	public record Answer(int status, String retryAfter, CountDownLatch holdUntil) {

		public static Answer status(int status) {
			return new Answer(status, null, null);
		}

	}

	/** One request received. */
	public record Received(String path, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	public WebhookReceiver() {
		this.server = LoopbackServer.start(this::handle, 0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		try (InputStream in = exchange.getRequestBody()) {
			Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
			this.received.add(new Received(path, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		Answer answer = this.answers.getOrDefault(path, Answer.status(204));
		if (answer.holdUntil() != null) {
			try {
				answer.holdUntil().await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
		}
		exchange.sendResponseHeaders(answer.status(), -1);
		exchange.close();
	}

	/** The URL of a path on this receiver. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public void answer(String path, Answer answer) {
		this.answers.put(path, answer);
	}

	public List<Received> receivedAt(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
