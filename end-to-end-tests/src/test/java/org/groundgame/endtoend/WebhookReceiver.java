package org.groundgame.endtoend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chapter's webhook endpoint: a real HTTP server on 127.0.0.1 (the local platform
 * allows loopback webhooks) that keeps every request it is sent and answers {@code 204}.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
		server.setExecutor(this.executor);
		server.createContext("/hooks", this::receive);
	}

	static WebhookReceiver start() throws IOException {
		WebhookReceiver receiver = new WebhookReceiver(
				HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
		receiver.server.start();
		return receiver;
	}

	/** The URL a chapter subscribes with. */
	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/ground-game";
	}

	/** What it was sent so far, oldest first. */
	List<Received> received() {
		return List.copyOf(this.received);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestMethod(), headers, body));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One request the receiver got.
	 *
	 * @param method its method
	 * @param headers its headers, the names in lower case (as the Standard Webhooks
	 * library looks them up)
	 * @param body its body
	 */
	record Received(String method, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

}
