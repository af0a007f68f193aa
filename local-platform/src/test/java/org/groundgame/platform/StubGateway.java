package org.groundgame.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Just enough of the gateway's chapters and nominations API for seeding: lists filtered
 * by state, creation, review and decision (which, like the real service may, refuses to
 * decide a nomination nobody reviewed).
 */
final class StubGateway implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.shared();

	private final HttpServer server;

	final List<ObjectNode> chapters = new CopyOnWriteArrayList<>();

	final List<ObjectNode> nominations = new CopyOnWriteArrayList<>();

	final List<String> writes = new CopyOnWriteArrayList<>();

	StubGateway() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/chapters", (exchange) -> handle(exchange, this::chapters));
		this.server.createContext("/api/nominations", (exchange) -> handle(exchange, this::nominations));
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private Answer chapters(String method, String path, JsonNode body) {
		if (method.equals("GET")) {
			return page(this.chapters);
		}
		ObjectNode chapter = ((ObjectNode) body).deepCopy();
		chapter.put("id", "chapter-" + (this.chapters.size() + 1));
		this.chapters.add(chapter);
		return new Answer(201, chapter);
	}

	private Answer nominations(String method, String path, JsonNode body) {
		String[] segments = path.split("/");
		if (method.equals("GET")) {
			return page(this.nominations);
		}
		if (segments.length == 3) {
			ObjectNode nomination = ((ObjectNode) body).deepCopy();
			nomination.put("id", "nomination-" + (this.nominations.size() + 1));
			nomination.put("status", "SUBMITTED");
			this.nominations.add(nomination);
			return new Answer(201, nomination);
		}
		ObjectNode nomination = this.nominations.stream()
			.filter((candidate) -> candidate.path("id").asString().equals(segments[3]))
			.findFirst()
			.orElseThrow();
		String status = nomination.path("status").asString();
		if (segments[4].equals("review") && status.equals("SUBMITTED")) {
			nomination.put("status", "UNDER_REVIEW");
			return new Answer(200, nomination);
		}
		if (segments[4].equals("decision") && status.equals("UNDER_REVIEW")) {
			nomination.put("status", body.path("decision").asString().equals("ENDORSE") ? "ENDORSED" : "DECLINED");
			return new Answer(200, nomination);
		}
		return new Answer(409, json.createObjectNode().put("title", "Illegal state change"));
	}

	private static Answer page(List<ObjectNode> elements) {
		ObjectNode page = json.createObjectNode();
		page.putArray("content").addAll(new ArrayList<>(elements));
		page.putObject("page")
			.put("number", 0)
			.put("size", 100)
			.put("totalElements", elements.size())
			.put("totalPages", elements.isEmpty() ? 0 : 1);
		return new Answer(200, page);
	}

	private void handle(HttpExchange exchange, Handler handler) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			byte[] request = exchange.getRequestBody().readAllBytes();
			JsonNode body = (request.length > 0) ? json.readTree(request) : null;
			if (!method.equals("GET")) {
				this.writes.add(method + " " + path);
			}
			Answer answer = handler.handle(method, path, body);
			byte[] response = json.writeValueAsString(answer.body()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), response.length);
			exchange.getResponseBody().write(response);
		}
	}

	List<String> chapterNames() {
		return this.chapters.stream().map((chapter) -> chapter.path("name").asString()).toList();
	}

	Map<String, String> nominationStatuses() {
		return this.nominations.stream()
			.collect(java.util.stream.Collectors.toMap(
					(nomination) -> nomination.path("candidate").path("name").asString(),
					(nomination) -> nomination.path("status").asString()));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private interface Handler {

		Answer handle(String method, String path, JsonNode body);

	}

	private record Answer(int status, JsonNode body) {
	}

}
