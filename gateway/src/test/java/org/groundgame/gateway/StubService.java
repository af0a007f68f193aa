package org.groundgame.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for one service: it records every request
 * and answers {@code 200} with its name unless a path was given another answer.
 */
public final class StubService implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();

	/** Released on close, so that handlers left waiting end with the server. */
	private final CountDownLatch closing = new CountDownLatch(1);

	private StubService(String name, int port) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static StubService start(String name) {
		return startOn(name, 0);
	}

	/**
	 * A service on the given port: an instance that was stopped and comes back at the
	 * same address.
	 */
	public static StubService startOn(String name, int port) {
		try {
			return new StubService(name, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String uri() {
		return "http://127.0.0.1:" + port();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Answers requests for {@code path} (any method) with {@code answer}. */
	public StubService on(String path, Answer answer) {
		this.answers.put(path, answer);
		return this;
	}

	/** The next request this service received, waiting for it a little. */
	public RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.requests.poll(5, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError(this.name + " received no request");
		}
		return request;
	}

	/** The requests received so far and not yet taken. */
	public List<RecordedRequest> receivedRequests() {
		return List.copyOf(this.requests);
	}

	public void forgetRequests() {
		this.requests.clear();
	}

	/** Forgets the requests received and the answers given to {@link #on}. */
	public void reset() {
		this.answers.clear();
		this.requests.clear();
	}

	/** Waits until the service closes or {@code atMost} passes; true if it closed. */
	public boolean awaitClosing(Duration atMost) throws InterruptedException {
		return this.closing.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
	}

	/**
	 * Stops as a process that dies between two answers: the answers being written are
	 * finished, every other connection is closed unanswered, and new ones are refused.
	 */
	public void stopBetweenAnswers() {
		this.closing.countDown();
		this.server.stop(1);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.requests.add(new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
					Map.copyOf(exchange.getRequestHeaders()), body));
			exchange.getResponseHeaders().set("X-Served-By", this.name);
			Answer answer = this.answers.getOrDefault(uri.getPath(), this::answerWithName);
			answer.answer(exchange);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void answerWithName(HttpExchange exchange) throws IOException {
		byte[] body = ("{\"service\":\"" + this.name + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@FunctionalInterface
	public interface Answer {

		void answer(HttpExchange exchange) throws IOException, InterruptedException;

		static Answer of(int status, String contentType, String body, Map<String, String> headers) {
			return (exchange) -> {
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", contentType);
				headers.forEach(exchange.getResponseHeaders()::set);
				exchange.sendResponseHeaders(status, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			};
		}

	}

	/**
	 * A request as the service received it. Header names are as the JDK server normalizes
	 * them (first letter upper case, the rest lower case).
	 */
	public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
			String body) {

		public String header(String name) {
			List<String> values = this.headers
				.get(name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
			return (values != null) ? String.join(",", values) : null;
		}

	}

}
