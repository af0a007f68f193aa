package org.groundgame.test.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiReferenceTests {

	static final String DOCUMENT = """
			{"openapi": "3.1.0",
			 "info": {"title": "Ground Game sample-service", "version": "v1", "description": "Shifts and more."},
			 "servers": [{"url": "http://localhost:54321"}],
			 "security": [{"oauth2": []}],
			 "tags": [{"name": "Shifts", "description": "When volunteers show up."}],
			 "paths": {
			  "/api/shifts/{id}": {
			   "post": {"tags": ["Shifts"], "summary": "Change a shift",
			    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
			    "requestBody": {"required": true, "content": {"application/json": {
			      "schema": {"$ref": "#/components/schemas/ShiftChange"},
			      "example": {"capacity": 12}}}},
			    "responses": {"409": {"description": "Conflict"},
			     "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Shift"}}}}}},
			   "get": {"tags": ["Shifts"], "summary": "One shift", "security": [],
			    "responses": {"200": {"description": "OK"}}}},
			  "/api/badges": {"get": {"tags": ["badge-controller"], "responses": {"200": {"description": "OK"}}}}},
			 "components": {
			  "securitySchemes": {"oauth2": {"type": "oauth2", "description": "Roles come from the token.",
			   "flows": {"clientCredentials": {"tokenUrl": "/oauth2/token", "scopes": {}}}}},
			  "schemas": {
			   "ShiftChange": {"type": "object", "required": ["capacity"], "properties": {
			    "capacity": {"type": "integer", "format": "int32", "minimum": 1, "description": "Seats | places"},
			    "kind": {"type": "string", "enum": ["CANVASS", "PHONE_BANK"]},
			    "tags": {"type": "array", "items": {"type": "string"}}}},
			   "Shift": {"type": "object", "properties": {"id": {"type": ["string", "null"]}}}}}}
			""";

	@Test
	void operationsAreGroupedByTagWithWhoMayCallThem() {
		String reference = ApiReference.render("sample-service", DOCUMENT);

		assertThat(reference).startsWith("# sample-service API\n")
			.contains("- [Shifts](#shifts): When volunteers show up. (2 operations)")
			.contains("## Shifts\n\nWhen volunteers show up.")
			.contains("- `oauth2` (oauth2: clientCredentials (token `/oauth2/token`)): Roles come from the token.")
			.doesNotContain("54321");
		// By path, then GET before POST; the tag's own order does not matter.
		assertThat(reference.indexOf("### `GET /api/shifts/{id}`"))
			.isLessThan(reference.indexOf("### `POST /api/shifts/{id}`"));
		assertThat(reference.indexOf("## Shifts")).isGreaterThan(reference.indexOf("## badge-controller"));
		String get = section(reference, "### `GET /api/shifts/{id}`");
		assertThat(get).contains("**One shift**").contains("Who may call it: public, no token needed.");
		String post = section(reference, "### `POST /api/shifts/{id}`");
		assertThat(post).contains("Who may call it: a bearer token (`oauth2`).")
			.contains("| `id` | path | string | yes |  |")
			.contains("Request body (required):")
			.contains("- `application/json`: [ShiftChange](#shiftchange)")
			.contains("```json\n{\n  \"capacity\" : 12\n}\n```")
			.contains("| 200 | OK | `application/json`: [Shift](#shift) |\n| 409 | Conflict | none |");
	}

	@Test
	void schemasListTheirFieldsWithTypesAndRules() {
		String reference = ApiReference.render("sample-service", DOCUMENT);

		assertThat(section(reference, "### ShiftChange"))
			.contains("| `capacity` | integer (int32) | yes | Seats \\| places (minimum 1) |")
			.contains("| `kind` | string: CANVASS, PHONE_BANK | no |  |")
			.contains("| `tags` | array of string | no |  |");
		assertThat(section(reference, "### Shift")).contains("| `id` | string | no |  |");
	}

	@Test
	void aCommittedReferenceThatDiffersFailsAndSaysHowToRegenerate(@TempDir Path docs) throws IOException {
		Path file = docs.resolve("api").resolve("sample-service.md");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ApiReference.verify("sample-service", DOCUMENT, file, false))
			.withMessageContaining("is missing")
			.withMessageContaining("-Dapi-reference.write=true");

		ApiReference.verify("sample-service", DOCUMENT, file, true);
		assertThat(file).hasContent(ApiReference.render("sample-service", DOCUMENT));
		ApiReference.verify("sample-service", DOCUMENT, file, false);

		Files.writeString(file, Files.readString(file).replace("One shift", "A shift"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ApiReference.verify("sample-service", DOCUMENT, file, false))
			.withMessageContaining("differs")
			.withMessageContaining("is \"**A shift**\", the API says \"**One shift**\"");
	}

	private static String section(String reference, String heading) {
		int start = reference.indexOf(heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = reference.indexOf("\n#", start + heading.length());
		return reference.substring(start, (end < 0) ? reference.length() : end);
	}

}
