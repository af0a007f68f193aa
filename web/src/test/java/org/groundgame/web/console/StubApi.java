package org.groundgame.web.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service's API for the console's tests: a real HTTP server on 127.0.0.1 answering each
 * path as a test says, and keeping every request it got (method, path, query, headers,
 * body), so that a test sees what the console asked, with which token.
 */
public final class StubApi implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private StubApi(HttpServer server) {
		this.server = server;
		server.setExecutor(this.executor);
		server.createContext("/", this::answer);
	}

	public static StubApi start() {
		try {
			StubApi api = new StubApi(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
			api.server.start();
			return api;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers {@code METHOD /path} (the path without its query) with the handler. */
	public void on(String methodAndPath, Handler handler) {
		this.handlers.put(methodAndPath, handler);
	}

	/** Answers {@code METHOD /path} with a status and a JSON body. */
	public void json(String methodAndPath, int status, String body) {
		on(methodAndPath, (request, exchange) -> send(exchange, status,
				(status >= 400) ? "application/problem+json" : "application/json", body));
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Every request as one line, in order: {@code METHOD /path?query Authorization}.
	 * @return the lines
	 */
	public List<String> requestLines() {
		return this.requests.stream()
			.map((request) -> request.method() + " " + request.path()
					+ ((request.query() != null) ? "?" + request.query() : "") + " " + request.authorization())
			.toList();
	}

	/**
	 * The body each {@code METHOD /path} was last sent with, for those sent one.
	 * @return the bodies
	 */
	public Map<String, String> bodies() {
		Map<String, String> bodies = new LinkedHashMap<>();
		this.requests.stream()
			.filter((request) -> !request.body().isEmpty())
			.forEach((request) -> bodies.put(request.method() + " " + request.path(), request.body()));
		return bodies;
	}

	public void reset() {
		this.handlers.clear();
		this.requests.clear();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Last-Event-ID"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.requests.add(request);
			Handler handler = this.handlers.get(request.method() + " " + request.path());
			if (handler == null) {
				send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
				return;
			}
			handler.answer(request, exchange);
		}
	}

	public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** How a test answers a request. */
	@FunctionalInterface
	public interface Handler {

		void answer(Request request, HttpExchange exchange) throws IOException;

	}

	/** A request the stub got. */
	public record Request(String method, String path, String query, String authorization, String lastEventId,
			String body) {

		public boolean queryHas(String parameter) {
			return this.query != null && List.of(this.query.split("&")).contains(parameter);
		}

	}

}
