package org.groundgame.test.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's API reference in Markdown, rendered from its OpenAPI document, so that the
 * reference in the repository ({@code docs/api/<service>.md}) is what the service serves
 * and cannot drift from it. Each service's {@code ApiReferenceTests} fetches its own
 * {@code /v3/api-docs} and calls {@link #verify}: the test fails when the committed file
 * differs, and writes it instead when run with {@code -Dapi-reference.write=true}.
 * <p>
 * The rendering is deterministic: operations grouped by their first tag (the organizers'
 * noun), tags and schemas in alphabetical order (ignoring case), a schema's fields in
 * alphabetical order, operations by path and then method, and nothing that changes from
 * run to run (the server's address) is rendered.
 */
public final class ApiReference {

	/** The system property that makes {@link #verify} write the file instead. */
	public static final String WRITE_PROPERTY = "api-reference.write";

	private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head", "options",
			"trace");

	private static final String SCHEMA_REF = "#/components/schemas/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String service;

	private final JsonNode document;

	private ApiReference(String service, JsonNode document) {
		this.service = service;
		this.document = document;
	}

	/**
	 * Renders the reference of a service.
	 * @param service the service's module name, e.g. {@code endorsement-service}
	 * @param openApiDocument its OpenAPI document (JSON)
	 * @return the reference in Markdown
	 */
	public static String render(String service, String openApiDocument) {
		return new ApiReference(service, JSON.readTree(openApiDocument)).render();
	}

	/**
	 * Compares the committed reference of a service with one rendered from its OpenAPI
	 * document: {@code docs/api/<service>.md} at the repository's root, found from the
	 * module's directory (the working directory of its tests). With
	 * {@code -Dapi-reference.write=true} the file is written instead.
	 * @param service the service's module name, e.g. {@code endorsement-service}
	 * @param openApiDocument its OpenAPI document (JSON), as {@code /v3/api-docs} serves
	 * it
	 * @throws AssertionError when the committed file is missing or differs
	 */
	public static void verify(String service, String openApiDocument) {
		verify(service, openApiDocument, referenceFile(service), Boolean.getBoolean(WRITE_PROPERTY));
	}

	static void verify(String service, String openApiDocument, Path file, boolean write) {
		String rendered = render(service, openApiDocument);
		try {
			if (write) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, rendered, StandardCharsets.UTF_8);
				return;
			}
			String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
			if (!rendered.equals(committed)) {
				throw new AssertionError(((committed != null) ? file + " differs from " : file + " is missing for ")
						+ service + "'s OpenAPI document (first difference: " + firstDifference(committed, rendered)
						+ "). The API changed: regenerate the reference with ./mvnw -pl " + service
						+ " verify -Dtest=ApiReferenceTests -D" + WRITE_PROPERTY
						+ "=true, look at the diff and commit it.");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code docs/api/<service>.md} at the repository's root (the module's parent). */
	static Path referenceFile(String service) {
		Path module = Path.of("").toAbsolutePath();
		return module.getParent().resolve("docs").resolve("api").resolve(service + ".md");
	}

	private static String firstDifference(String committed, String rendered) {
		if (committed == null) {
			return "no file";
		}
		String[] was = committed.split("\n", -1);
		String[] is = rendered.split("\n", -1);
		for (int line = 0; line < Math.max(was.length, is.length); line++) {
			String before = (line < was.length) ? was[line] : "<end of file>";
			String after = (line < is.length) ? is[line] : "<end of file>";
			if (!before.equals(after)) {
				return "line " + (line + 1) + " is \"" + before + "\", the API says \"" + after + "\"";
			}
		}
		return "none";
	}

	private String render() {
		StringBuilder out = new StringBuilder();
		JsonNode info = this.document.path("info");
		out.append("# ").append(this.service).append(" API\n\n");
		out.append("<!-- Generated from ")
			.append(this.service)
			.append("'s OpenAPI document (/v3/api-docs) by its ApiReferenceTests: do not edit by hand. ")
			.append("Regenerate with ./mvnw -pl ")
			.append(this.service)
			.append(" verify -Dtest=ApiReferenceTests -D")
			.append(WRITE_PROPERTY)
			.append("=true -->\n\n");
		appendParagraph(out, text(info, "description"));
		out.append("OpenAPI ")
			.append(text(this.document, "openapi"))
			.append(", API version ")
			.append(text(info, "version"))
			.append(". Served by the service at `/v3/api-docs` and by the gateway at `/v3/api-docs/<service>`")
			.append(" (Swagger UI at `/swagger-ui.html`).\n\n");
		renderAuthentication(out);
		Map<String, List<Operation>> byTag = operationsByTag();
		Map<String, String> tagDescriptions = tagDescriptions();
		out.append("## Contents\n\n");
		byTag.forEach((tag, operations) -> {
			out.append("- [").append(tag).append("](#").append(anchor(tag)).append(")");
			String description = tagDescriptions.get(tag);
			if (description != null && !description.isBlank()) {
				out.append(": ").append(oneLine(description));
			}
			out.append(" (").append(operations.size()).append(operations.size() == 1 ? " operation" : " operations");
			out.append(")\n");
		});
		if (!schemas().isEmpty()) {
			out.append("- [Schemas](#schemas)\n");
		}
		out.append('\n');
		byTag.forEach((tag, operations) -> {
			out.append("## ").append(tag).append("\n\n");
			appendParagraph(out, tagDescriptions.get(tag));
			operations.forEach((operation) -> renderOperation(out, operation));
		});
		renderSchemas(out);
		return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
	}

	private void renderAuthentication(StringBuilder out) {
		JsonNode schemes = this.document.path("components").path("securitySchemes");
		if (schemes.isEmpty()) {
			return;
		}
		out.append("## Authentication\n\n");
		for (String name : new TreeMap<>(asMap(schemes)).keySet()) {
			JsonNode scheme = schemes.path(name);
			out.append("- `").append(name).append("` (").append(text(scheme, "type"));
			JsonNode flows = scheme.path("flows");
			if (!flows.isEmpty()) {
				out.append(": ");
				out.append(flows.propertyNames()
					.stream()
					.sorted()
					.map((flow) -> flow + describeFlow(flows.path(flow)))
					.collect(Collectors.joining(", ")));
			}
			out.append(")");
			String description = text(scheme, "description");
			if (description != null) {
				out.append(": ").append(oneLine(description));
			}
			out.append('\n');
		}
		out.append("\nUnless an operation says otherwise, a caller needs ")
			.append(describeSecurity(this.document.path("security")))
			.append("; the service checks the role and chapter the token carries.\n\n");
	}

	private static String describeFlow(JsonNode flow) {
		List<String> urls = new ArrayList<>();
		if (flow.has("authorizationUrl")) {
			urls.add("authorization `" + text(flow, "authorizationUrl") + "`");
		}
		if (flow.has("tokenUrl")) {
			urls.add("token `" + text(flow, "tokenUrl") + "`");
		}
		return urls.isEmpty() ? "" : " (" + String.join(", ", urls) + ")";
	}

	private void renderOperation(StringBuilder out, Operation operation) {
		JsonNode node = operation.node();
		out.append("### `").append(operation.method().toUpperCase(Locale.ROOT)).append(' ');
		out.append(operation.path()).append("`\n\n");
		String summary = text(node, "summary");
		if (summary != null) {
			out.append("**").append(oneLine(summary)).append("**\n\n");
		}
		appendParagraph(out, text(node, "description"));
		if (node.path("deprecated").asBoolean(false)) {
			out.append("*Deprecated.*\n\n");
		}
		JsonNode security = node.has("security") ? node.path("security") : this.document.path("security");
		out.append("Who may call it: ").append(describeSecurity(security)).append(".\n\n");
		renderParameters(out, node.path("parameters"));
		renderRequestBody(out, node.path("requestBody"));
		renderResponses(out, node.path("responses"));
	}

	private static String describeSecurity(JsonNode security) {
		if (security.isMissingNode() || security.isNull()) {
			return "anyone (no security stated)";
		}
		if (security.isEmpty()) {
			return "public, no token needed";
		}
		List<String> alternatives = new ArrayList<>();
		for (JsonNode requirement : security.values()) {
			if (requirement.isEmpty()) {
				alternatives.add("anonymous callers");
				continue;
			}
			alternatives.add(requirement.propertyNames().stream().sorted().map((scheme) -> {
				List<String> scopes = requirement.path(scheme).valueStream().map(JsonNode::asString).toList();
				return "a bearer token (`" + scheme + "`"
						+ (scopes.isEmpty() ? "" : " with " + String.join(", ", scopes)) + ")";
			}).collect(Collectors.joining(" and ")));
		}
		return String.join(", or ", alternatives);
	}

	private void renderParameters(StringBuilder out, JsonNode parameters) {
		if (parameters.isEmpty()) {
			return;
		}
		out.append("Parameters:\n\n");
		out.append("| name | in | type | required | description |\n|---|---|---|---|---|\n");
		for (JsonNode parameter : parameters.values()) {
			JsonNode resolved = resolve(parameter);
			out.append("| `")
				.append(text(resolved, "name"))
				.append("` | ")
				.append(text(resolved, "in"))
				.append(" | ")
				.append(type(resolved.path("schema")))
				.append(" | ")
				.append(resolved.path("required").asBoolean(false) ? "yes" : "no")
				.append(" | ")
				.append(cell(join(text(resolved, "description"), constraints(resolved.path("schema")))))
				.append(" |\n");
		}
		out.append('\n');
	}

	private void renderRequestBody(StringBuilder out, JsonNode body) {
		if (body.isMissingNode()) {
			return;
		}
		JsonNode resolved = resolve(body);
		out.append("Request body")
			.append(resolved.path("required").asBoolean(false) ? " (required)" : " (optional)")
			.append(":");
		String description = text(resolved, "description");
		if (description != null) {
			out.append(' ').append(oneLine(description));
		}
		out.append("\n\n");
		JsonNode content = resolved.path("content");
		for (String mediaType : sorted(content)) {
			JsonNode media = content.path(mediaType);
			out.append("- `").append(mediaType).append("`: ").append(type(media.path("schema"))).append('\n');
		}
		out.append('\n');
		for (String mediaType : sorted(content)) {
			JsonNode media = content.path(mediaType);
			if (media.has("example")) {
				appendExample(out, "Example", media.path("example"));
			}
			JsonNode examples = media.path("examples");
			for (String name : sorted(examples)) {
				JsonNode example = resolve(examples.path(name));
				String title = "Example `" + name + "`"
						+ ((text(example, "summary") != null) ? " (" + oneLine(text(example, "summary")) + ")" : "");
				appendExample(out, title, example.path("value"));
			}
		}
	}

	private static void appendExample(StringBuilder out, String title, JsonNode value) {
		out.append(title).append(":\n\n```json\n");
		out.append(value.isString() ? value.asString() : value.toPrettyString()).append("\n```\n\n");
	}

	private void renderResponses(StringBuilder out, JsonNode responses) {
		if (responses.isEmpty()) {
			return;
		}
		out.append("Responses:\n\n| status | meaning | body |\n|---|---|---|\n");
		for (String status : sorted(responses)) {
			JsonNode response = resolve(responses.path(status));
			JsonNode content = response.path("content");
			String body = sorted(content).stream()
				.map((mediaType) -> "`" + mediaType + "`"
						+ (content.path(mediaType).has("schema") ? ": " + type(content.path(mediaType).path("schema"))
								: ""))
				.collect(Collectors.joining("<br>"));
			out.append("| ")
				.append(status)
				.append(" | ")
				.append(cell(text(response, "description")))
				.append(" | ")
				.append(body.isEmpty() ? "none" : body)
				.append(" |\n");
		}
		out.append('\n');
	}

	private void renderSchemas(StringBuilder out) {
		Map<String, JsonNode> schemas = schemas();
		if (schemas.isEmpty()) {
			return;
		}
		out.append("## Schemas\n\n");
		schemas.forEach((name, schema) -> {
			out.append("### ").append(name).append("\n\n");
			appendParagraph(out, text(schema, "description"));
			JsonNode properties = schema.path("properties");
			if (properties.isEmpty()) {
				out.append(type(schema)).append(constraints(schema).isEmpty() ? "" : " (" + constraints(schema) + ")");
				out.append("\n\n");
				return;
			}
			Set<String> required = new LinkedHashSet<>();
			schema.path("required").forEach((field) -> required.add(field.asString()));
			out.append("| field | type | required | description |\n|---|---|---|---|\n");
			// Alphabetical: springdoc lists a bean's properties in the order reflection
			// finds its getters, which changes from run to run.
			for (String field : sorted(properties)) {
				JsonNode property = properties.path(field);
				out.append("| `")
					.append(field)
					.append("` | ")
					.append(type(property))
					.append(" | ")
					.append(required.contains(field) ? "yes" : "no")
					.append(" | ")
					.append(cell(join(text(property, "description"), constraints(property))))
					.append(" |\n");
			}
			out.append('\n');
			if (schema.has("example")) {
				appendExample(out, "Example", schema.path("example"));
			}
		});
	}

	private Map<String, JsonNode> schemas() {
		Map<String, JsonNode> schemas = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		schemas.putAll(asMap(this.document.path("components").path("schemas")));
		return schemas;
	}

	/** A schema's type in a few words, with links to the named schemas. */
	private static String type(JsonNode schema) {
		if (schema.isMissingNode() || schema.isNull() || schema.isEmpty()) {
			return "any";
		}
		if (schema.has("$ref")) {
			String name = ref(schema);
			return "[" + name + "](#" + anchor(name) + ")";
		}
		for (String combination : List.of("oneOf", "anyOf", "allOf")) {
			if (schema.has(combination)) {
				String joined = schema.path(combination)
					.valueStream()
					.map(ApiReference::type)
					.collect(Collectors.joining(combination.equals("allOf") ? " and " : " or "));
				return combination.equals("allOf") ? "all of " + joined : "one of " + joined;
			}
		}
		List<String> types = new ArrayList<>();
		JsonNode typeNode = schema.path("type");
		if (typeNode.isArray()) {
			typeNode.forEach((type) -> {
				if (!"null".equals(type.asString())) {
					types.add(type.asString());
				}
			});
		}
		else if (typeNode.isString()) {
			types.add(typeNode.asString());
		}
		String type = types.isEmpty() ? (schema.has("properties") ? "object" : "any") : String.join(" or ", types);
		if (type.equals("array")) {
			return "array of " + type(schema.path("items"));
		}
		if (type.equals("object") && schema.has("additionalProperties")
				&& schema.path("additionalProperties").isObject()) {
			return "map of string to " + type(schema.path("additionalProperties"));
		}
		if (schema.has("format")) {
			type += " (" + text(schema, "format") + ")";
		}
		if (schema.has("enum")) {
			type += ": " + schema.path("enum").valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
		}
		return type;
	}

	/** What Bean Validation and the schema say of a value beyond its type. */
	private static String constraints(JsonNode schema) {
		List<String> constraints = new ArrayList<>();
		for (String keyword : List.of("minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
				"exclusiveMaximum", "minItems", "maxItems", "pattern", "default")) {
			if (schema.has(keyword)) {
				JsonNode value = schema.path(keyword);
				constraints.add(keyword + " " + (value.isString() ? "`" + value.asString() + "`" : value.toString()));
			}
		}
		if (schema.has("example")) {
			JsonNode example = schema.path("example");
			constraints.add("e.g. `" + (example.isString() ? example.asString() : example.toString()) + "`");
		}
		return String.join(", ", constraints);
	}

	private Map<String, List<Operation>> operationsByTag() {
		Map<String, List<Operation>> byTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		JsonNode paths = this.document.path("paths");
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.path(path);
			for (String method : METHODS) {
				if (item.has(method)) {
					JsonNode node = item.path(method);
					String tag = node.path("tags").path(0).asString("Untagged");
					byTag.computeIfAbsent(tag, (key) -> new ArrayList<>()).add(new Operation(path, method, node));
				}
			}
		}
		byTag.values()
			.forEach((operations) -> operations.sort(Comparator.comparing(Operation::path)
				.thenComparing((operation) -> METHODS.indexOf(operation.method()))));
		return byTag;
	}

	private Map<String, String> tagDescriptions() {
		Map<String, String> descriptions = new TreeMap<>();
		this.document.path("tags").forEach((tag) -> descriptions.put(text(tag, "name"), text(tag, "description")));
		return descriptions;
	}

	private JsonNode resolve(JsonNode node) {
		if (!node.has("$ref")) {
			return node;
		}
		JsonNode target = this.document;
		for (String segment : node.path("$ref").asString().substring(2).split("/")) {
			target = target.path(segment.replace("~1", "/").replace("~0", "~"));
		}
		return target;
	}

	private static String ref(JsonNode schema) {
		String ref = schema.path("$ref").asString();
		return ref.startsWith(SCHEMA_REF) ? ref.substring(SCHEMA_REF.length()) : ref;
	}

	/**
	 * GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes.
	 */
	static String anchor(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	private static Map<String, JsonNode> asMap(JsonNode object) {
		Map<String, JsonNode> map = new TreeMap<>();
		object.properties().forEach((entry) -> map.put(entry.getKey(), entry.getValue()));
		return map;
	}

	private static List<String> sorted(JsonNode object) {
		return object.propertyNames().stream().sorted().toList();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	private static String join(String first, String second) {
		if (first == null || first.isBlank()) {
			return second;
		}
		return (second == null || second.isBlank()) ? first : first + " (" + second + ")";
	}

	private static void appendParagraph(StringBuilder out, String text) {
		if (text != null && !text.isBlank()) {
			out.append(text.strip()).append("\n\n");
		}
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\n\\s*", " ");
	}

	private static String cell(String text) {
		return (text == null || text.isBlank()) ? "" : oneLine(text).replace("|", "\\|");
	}

	private record Operation(String path, String method, JsonNode node) {

	}

}
