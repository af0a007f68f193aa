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
 * Just enough of the gateway's chapters, clients, token, questionnaires, nominations,
 * opportunities and training cohorts API for seeding: lists, creation, review, research
 * (while the nomination is pending) and decision (which, like the real service may,
 * refuses to decide a nomination nobody reviewed). Like the platform, it wants a staff
 * token for staff's work and takes a nomination's chapter from the token.
 */
final class StubGateway implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.shared();

	private final HttpServer server;

	final List<ObjectNode> chapters = new CopyOnWriteArrayList<>();

	final List<ObjectNode> nominations = new CopyOnWriteArrayList<>();

	final List<ObjectNode> opportunities = new CopyOnWriteArrayList<>();

	final List<ObjectNode> cohorts = new CopyOnWriteArrayList<>();

	/** Each cohort's enrollments, by cohort id, in the order of application. */
	final Map<String, List<ObjectNode>> rosters = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * How many more applications naming a chapter to refuse as naming one the school has
	 * not heard of yet.
	 */
	final java.util.concurrent.atomic.AtomicInteger chapterUnheardOfFor = new java.util.concurrent.atomic.AtomicInteger();

	/** How many applications were refused so. */
	final java.util.concurrent.atomic.AtomicInteger applicationsRefusedForTheChapter = new java.util.concurrent.atomic.AtomicInteger();

	/** The Authorization header of each application, "" for none. */
	final List<String> applicationAuthorizations = new CopyOnWriteArrayList<>();

	final List<String> writes = new CopyOnWriteArrayList<>();

	/**
	 * The question bank of each cycle, by its path ({@code /api/questionnaires/2028}).
	 */
	final Map<String, JsonNode> questionnaires = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger clientsMade = new java.util.concurrent.atomic.AtomicInteger();

	/** Client id → secret and chapter ("" for staff). */
	final Map<String, String[]> clients = new java.util.concurrent.ConcurrentHashMap<>();

	StubGateway(String staffClientId, String staffSecret) {
		this();
		this.clients.put(staffClientId, new String[] { staffSecret, "" });
	}

	StubGateway() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/chapters", (exchange) -> handle(exchange, this::chapters));
		this.server.createContext("/api/nominations", (exchange) -> handle(exchange, this::nominations));
		this.server.createContext("/api/opportunities", (exchange) -> handle(exchange, this::opportunities));
		this.server.createContext("/api/clients", (exchange) -> handle(exchange, this::clients));
		this.server.createContext("/api/questionnaires", (exchange) -> handle(exchange, this::questionnaires));
		this.server.createContext("/api/training/cohorts", (exchange) -> handle(exchange, this::cohorts));
		this.server.createContext("/oauth2/token", this::token);
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private void token(HttpExchange exchange) throws IOException {
		try (exchange) {
			String basic = exchange.getRequestHeaders().getFirst("Authorization");
			String[] credentials = (basic != null && basic.startsWith("Basic "))
					? new String(java.util.Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
						.split(":", 2)
					: new String[] { "", "" };
			String[] known = this.clients.get(java.net.URLDecoder.decode(credentials[0], StandardCharsets.UTF_8));
			boolean valid = known != null && credentials.length == 2
					&& known[0].equals(java.net.URLDecoder.decode(credentials[1], StandardCharsets.UTF_8));
			byte[] response = (valid
					? "{\"access_token\":\"token-" + credentials[0] + "\",\"token_type\":\"Bearer\",\"expires_in\":900}"
					: "{\"error\":\"invalid_client\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(valid ? 200 : 401, response.length);
			exchange.getResponseBody().write(response);
		}
	}

	/** The chapter of the caller's token: "" for staff, null without a token. */
	private String chapterOf(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer token-")) {
			return null;
		}
		String[] client = this.clients.get(authorization.substring("Bearer token-".length()));
		return (client != null) ? client[1] : null;
	}

	/**
	 * How many more client registrations to refuse as identity-service does while it has
	 * not yet heard of the chapter (a 400 naming chapterId).
	 */
	final java.util.concurrent.atomic.AtomicInteger chaptersNotYetKnown = new java.util.concurrent.atomic.AtomicInteger();

	/** Client registrations refused so. */
	final java.util.concurrent.atomic.AtomicInteger clientsRefused = new java.util.concurrent.atomic.AtomicInteger();

	private Answer clients(String method, String path, JsonNode body) {
		if (this.chaptersNotYetKnown.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			this.clientsRefused.incrementAndGet();
			ObjectNode problem = json.createObjectNode().put("status", 400).put("title", "Bad Request");
			problem.putArray("errors")
				.addObject()
				.put("field", "chapterId")
				.put("message", "is not a registered chapter");
			return new Answer(400, problem);
		}
		String clientId = "chapter-client-" + this.clientsMade.incrementAndGet();
		String secret = "secret-" + clientId;
		this.clients.put(clientId, new String[] { secret, body.path("chapterId").asString() });
		ObjectNode client = json.createObjectNode()
			.put("clientId", clientId)
			.put("clientSecret", secret)
			.put("role", "CHAPTER")
			.put("chapterId", body.path("chapterId").asString());
		return new Answer(201, client);
	}

	private Answer questionnaires(String method, String path, JsonNode body) {
		if (method.equals("PUT")) {
			this.questionnaires.put(path, body);
			return new Answer(200, body);
		}
		JsonNode empty = json.createObjectNode().set("questions", json.createArrayNode());
		return new Answer(200, this.questionnaires.getOrDefault(path, empty));
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

	/** Lists every opportunity (whatever the filters) and creates one with its shifts. */
	private Answer opportunities(String method, String path, JsonNode body) {
		if (method.equals("GET")) {
			return page(this.opportunities);
		}
		ObjectNode opportunity = ((ObjectNode) body).deepCopy();
		String id = "opportunity-" + (this.opportunities.size() + 1);
		opportunity.put("id", id);
		opportunity.put("status", "OPEN");
		int shift = 0;
		for (JsonNode planned : opportunity.path("shifts")) {
			((ObjectNode) planned).put("id", id + "-shift-" + (++shift));
		}
		this.opportunities.add(opportunity);
		return new Answer(201, opportunity);
	}

	/**
	 * Lists and opens cohorts; takes applications (a seat while one is free and nobody
	 * waits, else a place in line; the same e-mail again changes nothing), each answered
	 * 202 with the cohort's id alone, as the school does; lists a cohort's roster. The
	 * first {@link #chapterUnheardOfFor} applications naming a chapter are refused as
	 * naming an unknown one, as by a school whose projection has not yet heard of it.
	 */
	private Answer cohorts(String method, String path, JsonNode body) {
		String[] segments = path.split("/");
		if (segments.length == 4) {
			if (method.equals("GET")) {
				return page(this.cohorts);
			}
			ObjectNode cohort = ((ObjectNode) body).deepCopy();
			String id = "cohort-" + (this.cohorts.size() + 1);
			cohort.put("id", id);
			this.cohorts.add(cohort);
			this.rosters.put(id, new CopyOnWriteArrayList<>());
			return new Answer(201, cohort);
		}
		ObjectNode cohort = this.cohorts.stream()
			.filter((known) -> known.path("id").asString().equals(segments[4]))
			.findFirst()
			.orElseThrow();
		List<ObjectNode> roster = this.rosters.get(segments[4]);
		if (method.equals("GET")) {
			return new Answer(200, json.createArrayNode().addAll(new ArrayList<>(roster)));
		}
		if (!body.path("chapterId").isMissingNode() && this.chapterUnheardOfFor.getAndDecrement() > 0) {
			this.applicationsRefusedForTheChapter.incrementAndGet();
			return new Answer(400,
					json.createObjectNode()
						.put("title", "Bad Request")
						.set("errors",
								json.createArrayNode()
									.add(json.createObjectNode()
										.put("field", "chapterId")
										.put("message", "is not a registered chapter"))));
		}
		ObjectNode received = json.createObjectNode().put("cohortId", segments[4]);
		String email = body.path("email").asString().toLowerCase(java.util.Locale.ROOT);
		for (ObjectNode enrollment : roster) {
			if (enrollment.path("email").asString().equals(email)) {
				return new Answer(202, received);
			}
		}
		long seated = roster.stream().filter((e) -> e.path("status").asString().equals("ENROLLED")).count();
		long waiting = roster.stream().filter((e) -> e.path("status").asString().equals("WAITLISTED")).count();
		boolean seat = waiting == 0 && seated < cohort.path("capacity").asInt();
		ObjectNode enrollment = ((ObjectNode) body).deepCopy();
		enrollment.put("id", segments[4] + "-enrollment-" + (roster.size() + 1));
		enrollment.put("email", email);
		enrollment.put("status", seat ? "ENROLLED" : "WAITLISTED");
		if (!seat) {
			enrollment.put("waitlistPosition", waiting + 1);
		}
		roster.add(enrollment);
		return new Answer(202, received);
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
		if (segments[4].equals("research") && (status.equals("SUBMITTED") || status.equals("UNDER_REVIEW"))) {
			nomination.set("research", body.deepCopy());
			return new Answer(200, nomination);
		}
		if (segments[4].equals("decision") && status.equals("UNDER_REVIEW")) {
			boolean endorsed = body.path("decision").asString().equals("ENDORSE");
			nomination.put("status", endorsed ? "ENDORSED" : "DECLINED");
			if (endorsed) {
				nomination.put("endorsementId", "endorsement-" + segments[3]);
			}
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
			String chapter = chapterOf(exchange);
			boolean applying = method.equals("POST") && path.matches("/api/training/cohorts/[^/]+/applications");
			if (applying) {
				String authorization = exchange.getRequestHeaders().getFirst("Authorization");
				this.applicationAuthorizations.add((authorization != null) ? authorization : "");
			}
			boolean nominating = method.equals("POST") && path.equals("/api/nominations");
			boolean organizing = method.equals("POST") && path.equals("/api/opportunities");
			Answer answer;
			boolean publicRead = method.equals("GET")
					&& (path.startsWith("/api/chapters") || path.equals("/api/training/cohorts"));
			if (chapter == null && !publicRead && !applying) {
				answer = new Answer(401, json.createObjectNode().put("title", "Unauthorized"));
			}
			else if (nominating && !chapter.equals(body.path("nominatedBy").path("chapterId").asString())) {
				answer = new Answer(403, json.createObjectNode().put("title", "Not this chapter's token"));
			}
			else if (organizing && !chapter.isEmpty() && !chapter.equals(body.path("chapterId").asString())) {
				answer = new Answer(403, json.createObjectNode().put("title", "Not this chapter's opportunity"));
			}
			else if (!nominating && !organizing && !applying && chapter != null && !chapter.isEmpty()) {
				answer = new Answer(403, json.createObjectNode().put("title", "Staff only"));
			}
			else {
				answer = handler.handle(method, path, body);
			}
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
