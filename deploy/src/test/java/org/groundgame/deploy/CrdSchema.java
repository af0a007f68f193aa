package org.groundgame.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A custom resource checked against its definition's OpenAPI v3 schema as the API server
 * would check it, for a kind with no Java model: unknown fields (the API server drops
 * them silently from a structural schema, which hides a typo), types, enums and required
 * fields. Where the schema keeps unknown fields
 * ({@code x-kubernetes-preserve-unknown-fields}, e.g. a StatefulSet override) anything is
 * accepted, as the API server does.
 */
final class CrdSchema {

	private final JsonNode schema;

	private CrdSchema(JsonNode schema) {
		this.schema = schema;
	}

	/**
	 * The schema of {@code version} in the CustomResourceDefinition at {@code resource}
	 * (class path).
	 */
	static CrdSchema load(String resource, String version) {
		try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " on the class path");
			}
			JsonNode crd = new YAMLMapper().readTree(in);
			for (JsonNode candidate : crd.path("spec").path("versions")) {
				if (version.equals(candidate.path("name").asText())) {
					return new CrdSchema(candidate.path("schema").path("openAPIV3Schema"));
				}
			}
			throw new IllegalStateException(resource + " defines no version " + version);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @throws IllegalArgumentException listing every problem found
	 */
	void check(JsonNode object) {
		List<String> problems = new ArrayList<>();
		check(object, this.schema, "", problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
	}

	private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
		if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
			if (!value.isIntegralNumber() && !value.isTextual()) {
				problems.add(path + ": an integer or a string expected");
			}
			return;
		}
		String type = schema.path("type").asText();
		switch (type) {
			case "object" -> checkObject(value, schema, path, problems);
			case "array" -> {
				if (!value.isArray()) {
					problems.add(path + ": an array expected");
					return;
				}
				for (int i = 0; i < value.size(); i++) {
					check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
				}
			}
			case "string" -> {
				if (!value.isTextual()) {
					problems.add(path + ": a string expected");
				}
			}
			case "integer" -> {
				if (!value.isIntegralNumber()) {
					problems.add(path + ": an integer expected");
				}
			}
			case "number" -> {
				if (!value.isNumber()) {
					problems.add(path + ": a number expected");
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					problems.add(path + ": a boolean expected");
				}
			}
			default -> {
				// No type: anything (x-kubernetes-preserve-unknown-fields without one).
			}
		}
		JsonNode allowed = schema.path("enum");
		if (allowed.isArray() && !allowed.isEmpty() && !contains(allowed, value)) {
			problems.add(path + ": " + value + " is not one of " + allowed);
		}
	}

	private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
		if (!value.isObject()) {
			problems.add(path + ": an object expected");
			return;
		}
		JsonNode properties = schema.path("properties");
		JsonNode additional = schema.path("additionalProperties");
		boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
		for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
			if (properties.has(field.getKey())) {
				check(field.getValue(), properties.get(field.getKey()), fieldPath, problems);
			}
			else if (additional.isObject()) {
				check(field.getValue(), additional, fieldPath, problems);
			}
			else if (!preserveUnknown && !additional.asBoolean(false) && !path.equals("metadata")) {
				// metadata is read by fabric8's ObjectMeta; everywhere else the API
				// server would drop the field.
				problems.add(fieldPath + ": unknown field");
			}
		}
		for (JsonNode required : schema.path("required")) {
			if (!value.has(required.asText())) {
				problems.add((path.isEmpty() ? "" : path + ".") + required.asText() + ": required");
			}
		}
	}

	private static boolean contains(JsonNode values, JsonNode value) {
		for (JsonNode candidate : values) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

}
