package org.groundgame.endtoend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every operation of every service's OpenAPI document (read from each service's
 * {@code /v3/api-docs} at run time, so a new operation is covered without a change here)
 * with generated malformed input: wrong JSON types, control, bidi and unpaired-surrogate
 * characters, huge and deeply nested values, operator objects where text belongs, path
 * escapes ({@code %2F}, {@code %5C}, {@code %00}, malformed {@code %}) and raw bytes in
 * the request line. Each case goes through the gateway and to the service directly, half
 * of them as national staff so that bodies get past authorization. No answer may be a
 * 5xx, and every error must be a problem document, the web server's own included.
 * <p>
 * Deterministic: the cases follow from a seed ({@code -Dgroundgame.fuzz.seed}, printed;
 * {@code random} for a new one each run) and their number from
 * {@code -Dgroundgame.fuzz.cases} (400 by default, which CI runs).
 */
@ExtendWith(RunningPlatform.class)
class FuzzTests {

	private static final JsonMapper json = JsonMapper.shared();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final String PLACEHOLDER = "__groundgame_fuzz__";

	private static final List<Service> SERVICES = List.of(Service.ENDORSEMENT, Service.VOLUNTEER,
			Service.CAMPAIGN_TRAINING, Service.NOTIFICATION, Service.IDENTITY);

	/**
	 * JSON text put where a generated value was: each the wrong kind of thing somewhere.
	 */
	private static final List<String> NASTY_JSON = List.of("12345", "-1", "0", "true", "false", "1.5", "1e400",
			"-9223372036854775809", "99999999999999999999999", "null", "\"\"", "\" \"", "\"0\"", "\"true\"",
			"\"a\\u0000b\"", "\"a\\u0007b\"", "\"a\\u202eb\"", "\"a\\u2066b\"", "\"\\ud800\"", "\"a\\udc00b\"",
			"\"a\\u0085b\"", "\"$where\"", "\"a.b\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
			"\"%00\"", "\"2030-02-30\"", "\"9999-99-99T99:99:99Z\"", "{\"$gt\":\"\"}", "{\"$regex\":\".*\"}",
			"{\"$where\":\"sleep(1000)\"}", "[]", "[1,2,3]", "{}", "[\"x\",{\"$ne\":null}]");

	/** Raw path segments and query values, already in the form they take on the wire. */
	private static final List<String> NASTY_SEGMENTS = List.of("x", "%2F", "a%2Fb", "a%5Cb", "%5C", "%00", "a%00b",
			"%zz", "%", "a%2", "..", "%2e%2e", "%2E%2E%2F", "a%E2%80%AEb", "a%E2%81%A6b", "%ED%A0%80", "%C0%AF",
			"%FF%FE", "a%01b", "a%7Fb", "a%C2%85b", "%24where", "%7B%22%24gt%22%3A%22%22%7D", "a;b=c", "a%3Bb", "-1",
			"0", "99999999999999999999", "1e400", "NaN", "true", "2030-02-30", "%20", "a+b", "%0D%0AX-Injected:1");

	/**
	 * Raw bytes no client should send in a request line: the web server's own refusals.
	 */
	private static final List<String> RAW_BYTES = List.of("a b", "a\\b", "a\u0001b", "a<b>", "a\"b", "a{b}", "a|b",
			"a^b", "a`b");

	private final LocalPlatform platform;

	private final Gateway gateway;

	FuzzTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void noGeneratedInputMakesA5xxAndEveryErrorIsAProblemDocument() throws Exception {
		long seed = seed();
		int cases = Integer.getInteger("groundgame.fuzz.cases", 400);
		System.out.printf("[fuzz] seed %d, %d cases (-Dgroundgame.fuzz.seed=%d -Dgroundgame.fuzz.cases=%d)%n", seed,
				cases, seed, cases);
		Random random = new Random(seed);
		List<Operation> operations = new ArrayList<>();
		for (Service service : SERVICES) {
			operations.addAll(operationsOf(service));
		}
		assertThat(operations).as("operations read from the services' OpenAPI documents").hasSizeGreaterThan(20);
		String staffToken = this.gateway.tokens().staff();
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (int i = 0; i < Math.max(cases, operations.size()); i++) {
			// Every operation at least once, in turn; then as the seed says.
			Operation operation = (i < operations.size()) ? operations.get(i)
					: operations.get(random.nextInt(operations.size()));
			Case fuzzCase = generate(operation, random, (i % 2 == 0) ? staffToken : null);
			for (URI base : List.of(this.platform.gateway(), this.platform.uri(operation.service()))) {
				Answer answer = send(base, fuzzCase);
				requests++;
				String fault = fault(answer);
				if (fault != null) {
					failures.add(String.format("%s via %s: %s %s %s -> %d %s: %s", fault, base, fuzzCase.method(),
							fuzzCase.target(), abbreviate(fuzzCase.body(), 300), answer.status(), answer.contentType(),
							abbreviate(answer.body(), 300)));
					System.out.println("[fuzz] " + failures.get(failures.size() - 1));
				}
			}
		}
		System.out.printf("[fuzz] %d operations, %d requests, %d failures (seed %d)%n", operations.size(), requests,
				failures.size(), seed);
		assertThat(failures).as("requests that answered a 5xx or an error without a problem document (seed %d)", seed)
			.isEmpty();
	}

	private static long seed() {
		String configured = System.getProperty("groundgame.fuzz.seed", "20261206");
		return "random".equals(configured) ? System.nanoTime() : Long.parseLong(configured);
	}

	private static String fault(Answer answer) {
		if (answer.status() == 0) {
			return "NO ANSWER";
		}
		if (answer.status() >= 500) {
			return "5xx";
		}
		if (answer.status() >= 400) {
			if (!answer.contentType().startsWith("application/problem+json")) {
				return "NOT A PROBLEM DOCUMENT";
			}
			try {
				JsonNode problem = json.readTree(answer.body());
				if (problem.path("status").asInt() != answer.status() || problem.path("title").asString().isEmpty()) {
					return "INCOMPLETE PROBLEM DOCUMENT";
				}
			}
			catch (RuntimeException ex) {
				return "UNREADABLE PROBLEM DOCUMENT";
			}
		}
		return null;
	}

	// --- the operations, from each service's OpenAPI document

	record Operation(Service service, String method, String path, List<Parameter> parameters, JsonNode bodySchema,
			JsonNode components) {
	}

	record Parameter(String name, String in, JsonNode schema) {
	}

	private List<Operation> operationsOf(Service service) throws Exception {
		HttpResponse<String> docs;
		try (HttpClient client = HttpClient.newHttpClient()) {
			docs = client.send(HttpRequest.newBuilder(this.platform.uri(service).resolve("/v3/api-docs"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		assertThat(docs.statusCode()).as(service + " /v3/api-docs").isEqualTo(200);
		JsonNode document = json.readTree(docs.body());
		JsonNode components = document.path("components").path("schemas");
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				String method = entry.getKey().toUpperCase(java.util.Locale.ROOT);
				JsonNode operation = entry.getValue();
				if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
						|| isEventStream(path.getKey(), operation)) {
					continue;
				}
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters")) {
					parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
							parameter.path("schema")));
				}
				JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
				operations.add(new Operation(service, method, path.getKey(), parameters,
						body.isMissingNode() ? null : body, components));
			}
		}
		return operations;
	}

	/**
	 * A stream stays open on a valid request: not something a bounded run can wait for.
	 */
	private static boolean isEventStream(String path, JsonNode operation) {
		// Its document may say */* for a stream: its path tells too.
		if (path.endsWith("/stream")) {
			return true;
		}
		for (JsonNode response : operation.path("responses")) {
			if (response.path("content").has("text/event-stream")) {
				return true;
			}
		}
		return false;
	}

	// --- the cases

	record Case(String method, String target, String body, String contentType, String token) {
	}

	private static Case generate(Operation operation, Random random, String token) {
		int kind = random.nextInt(6);
		StringBuilder target = new StringBuilder();
		for (String segment : operation.path().split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			target.append('/');
			if (segment.startsWith("{")) {
				target.append(switch (kind) {
					case 1 -> pick(random, NASTY_SEGMENTS);
					case 2 -> pick(random, RAW_BYTES);
					default -> "fuzz" + random.nextInt(1000);
				});
			}
			else {
				target.append(segment);
			}
		}
		if (operation.path().equals("/")) {
			target.append('/');
		}
		List<String> query = new ArrayList<>();
		for (Parameter parameter : operation.parameters()) {
			if (!"query".equals(parameter.in()) || random.nextInt(3) == 0) {
				continue;
			}
			String value = (kind == 3) ? pick(random, NASTY_SEGMENTS)
					: (kind == 2 && random.nextBoolean()) ? pick(random, RAW_BYTES) : plainValue(parameter.schema());
			query.add(parameter.name() + "=" + value);
		}
		if (kind == 3 && random.nextBoolean()) {
			query.add(pick(random, NASTY_SEGMENTS) + "=x");
		}
		if (!query.isEmpty()) {
			target.append('?').append(String.join("&", query));
		}
		String body = null;
		String contentType = null;
		if (operation.bodySchema() != null) {
			contentType = "application/json";
			JsonNode valid = example(operation.bodySchema(), operation.components(), random, 0);
			body = switch (kind) {
				case 0, 4 -> mutate(valid, random);
				case 5 -> wholeBody(random);
				default -> json.writeValueAsString(valid);
			};
			if (kind == 5 && random.nextInt(4) == 0) {
				contentType = pick(random, List.of("text/plain", "application/xml", "application/json; charset=latin1",
						"multipart/form-data; boundary=x"));
			}
		}
		return new Case(operation.method(), target.toString(), body, contentType, token);
	}

	private static String plainValue(JsonNode schema) {
		if (schema.has("enum")) {
			return schema.path("enum").get(0).asString();
		}
		return switch (schema.path("type").asString()) {
			case "integer", "number" -> "1";
			case "boolean" -> "true";
			default -> "MO";
		};
	}

	/** A body that is not the object asked for at all. */
	private static String wholeBody(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> "[".repeat(5000) + "]".repeat(5000);
			case 1 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
			case 2 -> "not json";
			case 3 -> "[]";
			case 4 -> "\"a string\"";
			case 5 -> "{\"a\":\"" + "x".repeat(300_000) + "\"}";
			case 6 -> "{\"name\":\"\\ud800\", \"name\":1}";
			default -> "\u0000\u0001\u0002";
		};
	}

	/** A valid-looking body with one value replaced by something of the wrong kind. */
	private static String mutate(JsonNode valid, Random random) {
		List<JsonNode> containers = new ArrayList<>();
		collectContainers(valid, containers);
		if (containers.isEmpty()) {
			return pick(random, NASTY_JSON);
		}
		JsonNode container = containers.get(random.nextInt(containers.size()));
		if (container instanceof ObjectNode object && !object.isEmpty()) {
			List<String> names = new ArrayList<>(object.propertyNames());
			object.put(names.get(random.nextInt(names.size())), PLACEHOLDER);
		}
		else if (container instanceof ArrayNode array && !array.isEmpty()) {
			array.set(random.nextInt(array.size()), nodes.stringNode(PLACEHOLDER));
		}
		else {
			return pick(random, NASTY_JSON);
		}
		String nasty = (random.nextInt(8) == 0) ? "\"" + "y".repeat(200_000) + "\"" : pick(random, NASTY_JSON);
		return json.writeValueAsString(valid).replace("\"" + PLACEHOLDER + "\"", nasty);
	}

	private static void collectContainers(JsonNode node, List<JsonNode> containers) {
		if (node.isObject() || node.isArray()) {
			containers.add(node);
			for (JsonNode child : node) {
				collectContainers(child, containers);
			}
		}
	}

	/** A value of the schema, as a well-behaved client would send it. */
	private static JsonNode example(JsonNode schema, JsonNode components, Random random, int depth) {
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return (depth > 8) ? nodes.nullNode() : example(components.path(name), components, random, depth + 1);
		}
		for (String choice : List.of("allOf", "oneOf", "anyOf")) {
			if (schema.has(choice) && !schema.path(choice).isEmpty()) {
				return example(schema.path(choice).get(0), components, random, depth + 1);
			}
		}
		if (schema.has("enum")) {
			JsonNode values = schema.path("enum");
			return values.get(random.nextInt(values.size()));
		}
		String type = schema.path("type").asString();
		if (type.isEmpty() && schema.has("properties")) {
			type = "object";
		}
		switch (type) {
			case "object": {
				ObjectNode object = nodes.objectNode();
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					object.set(property.getKey(), example(property.getValue(), components, random, depth + 1));
				}
				return object;
			}
			case "array": {
				ArrayNode array = nodes.arrayNode();
				array.add(example(schema.path("items"), components, random, depth + 1));
				return array;
			}
			case "integer":
				return nodes.numberNode(1 + random.nextInt(5));
			case "number":
				return nodes.numberNode(1.5);
			case "boolean":
				return nodes.booleanNode(random.nextBoolean());
			default:
				return nodes.stringNode(switch (schema.path("format").asString()) {
					case "date" -> "2030-11-05";
					case "date-time" -> "2030-11-05T18:00:00Z";
					case "email" -> "fuzz@example.org";
					case "uri" -> "https://example.org/fuzz";
					default -> (schema.path("maxLength").asInt(10) == 2) ? "MO" : "Fuzz " + random.nextInt(1000);
				});
		}
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	// --- the wire: raw HTTP/1.0, so that any target goes out exactly as generated

	record Answer(int status, String contentType, String body) {
	}

	private static Answer send(URI base, Case fuzzCase) throws IOException {
		byte[] body = (fuzzCase.body() != null) ? fuzzCase.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder head = new StringBuilder().append(fuzzCase.method())
			.append(' ')
			.append(fuzzCase.target())
			.append(" HTTP/1.0\r\nHost: ")
			.append(base.getHost())
			.append(':')
			.append(base.getPort())
			.append("\r\nAccept: application/json, application/problem+json\r\n");
		if (fuzzCase.token() != null) {
			head.append("Authorization: Bearer ").append(fuzzCase.token()).append("\r\n");
		}
		if (fuzzCase.contentType() != null) {
			head.append("Content-Type: ").append(fuzzCase.contentType()).append("\r\n");
		}
		head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			try {
				in.transferTo(read);
			}
			catch (SocketTimeoutException | java.net.SocketException ex) {
				// What was read is the answer; a reset after it is the server closing.
			}
			return parse(read.toString(StandardCharsets.UTF_8));
		}
	}

	private static Answer parse(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/") || end < 0) {
			return new Answer(0, "", text);
		}
		Iterator<String> lines = List.of(text.substring(0, end).split("\r\n")).iterator();
		int status = Integer.parseInt(lines.next().split(" ", 3)[1]);
		String contentType = "";
		while (lines.hasNext()) {
			String line = lines.next();
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Type")) {
				contentType = line.substring(colon + 1).strip();
			}
		}
		return new Answer(status, contentType, text.substring(end + 4));
	}

	private static String abbreviate(String text, int max) {
		if (text == null) {
			return "";
		}
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= max) ? printable : printable.substring(0, max) + "…(" + text.length() + ")";
	}

}
