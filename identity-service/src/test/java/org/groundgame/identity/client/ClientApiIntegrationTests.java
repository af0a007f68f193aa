package org.groundgame.identity.client;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.groundgame.identity.ChapterRegistrations;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.chapter.RegisteredChapters;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/clients}: staff register, list and disable the platform's clients. */
@IdentityServiceIntegrationTest
class ClientApiIntegrationTests {

	private final IdentityHttp http;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private RegisteredChapters chapters;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	ClientApiIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void staffRegisterAChapterClientWhoseSecretGetsAChapterToken() {
		ChapterRegistrations.register("chapter-como", this.chapters);
		HttpResponse<String> response = this.http.post("/api/clients",
				"{\"name\":\"Columbia chapter CRM\",\"role\":\"CHAPTER\",\"chapterId\":\"chapter-como\"}",
				this.http.staffToken());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode created = IdentityHttp.json(response);
		String clientId = created.get("clientId").asString();
		String secret = created.get("clientSecret").asString();
		assertThat(clientId).startsWith("chapter-");
		assertThat(response.headers().firstValue("Location")).hasValue("/api/clients/" + clientId);
		assertThat(created.get("name").asString()).isEqualTo("Columbia chapter CRM");
		assertThat(created.get("role").asString()).isEqualTo("CHAPTER");
		assertThat(created.get("chapterId").asString()).isEqualTo("chapter-como");
		assertThat(created.get("createdAt").asString()).isNotBlank();
		// 32 random bytes, URL-safe Base64 without padding.
		assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");

		Jwt jwt = this.http.decoderFromJwks().decode(this.http.accessToken(clientId, secret));
		assertThat(jwt.getSubject()).isEqualTo(clientId);
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CHAPTER");
		assertThat(jwt.getClaimAsString("chapter_id")).isEqualTo("chapter-como");

		Document stored = this.mongo.getCollection(ClientDocument.COLLECTION)
			.find(new Document("_id", clientId))
			.first();
		assertThat(stored).isNotNull();
		assertThat(stored.toJson()).doesNotContain(secret);
		assertThat(stored.getString("secretHash")).startsWith("{bcrypt}");
		assertThat(stored.getString("role")).isEqualTo("CHAPTER");
		assertThat(stored.getString("chapterId")).isEqualTo("chapter-como");
	}

	@Test
	void staffRegisterATrainingStaffClientWhoseSecretGetsATokenOfTheSchoolsStaff() {
		JsonNode created = IdentityHttp.json(this.http.post("/api/clients",
				"{\"name\":\"Leadership School roster sync\",\"role\":\"TRAINING_STAFF\"}", this.http.staffToken()));
		String clientId = created.get("clientId").asString();

		assertThat(clientId).startsWith("training-staff-");
		assertThat(created.get("role").asString()).isEqualTo("TRAINING_STAFF");
		assertThat(created.get("chapterId").isNull()).isTrue();
		Jwt jwt = this.http.decoderFromJwks()
			.decode(this.http.accessToken(clientId, created.get("clientSecret").asString()));
		assertThat(jwt.getSubject()).isEqualTo(clientId);
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TRAINING_STAFF");
		assertThat(jwt.hasClaim("chapter_id")).isFalse();
	}

	@Test
	void aTrainingStaffTokenMayNotManageClients() {
		JsonNode created = IdentityHttp.json(this.http.post("/api/clients",
				"{\"name\":\"School tool\",\"role\":\"TRAINING_STAFF\"}", this.http.staffToken()));
		String school = this.http.accessToken(created.get("clientId").asString(),
				created.get("clientSecret").asString());
		long before = this.mongo.getCollection(ClientDocument.COLLECTION).countDocuments();

		for (HttpResponse<String> response : List.of(
				this.http.post("/api/clients", "{\"name\":\"Mine\",\"role\":\"STAFF\"}", school),
				this.http.get("/api/clients", school),
				this.http.delete("/api/clients/" + IdentityHttp.STAFF_CLIENT, school))) {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(IdentityHttp.json(response).get("type").asString())
				.isEqualTo("urn:groundgame:problem:forbidden");
		}
		assertThat(this.mongo.getCollection(ClientDocument.COLLECTION).countDocuments()).isEqualTo(before);
		assertThat(this.http.token(IdentityHttp.STAFF_CLIENT, IdentityHttp.STAFF_SECRET).statusCode()).isEqualTo(200);
	}

	@Test
	void aStaffClientIdSaysSo() {
		JsonNode created = IdentityHttp.json(
				this.http.post("/api/clients", "{\"name\":\"Reporting\",\"role\":\"STAFF\"}", this.http.staffToken()));

		assertThat(created.get("clientId").asString()).startsWith("staff-");
		assertThat(created.get("chapterId").isNull()).isTrue();
	}

	@Test
	void theListNeverShowsASecret() {
		String staff = this.http.staffToken();
		String secret = IdentityHttp
			.json(this.http.post("/api/clients", "{\"name\":\"Listed\",\"role\":\"STAFF\"}", staff))
			.get("clientSecret")
			.asString();

		HttpResponse<String> response = this.http.get("/api/clients?page=0&size=100", staff);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(secret)
			.doesNotContain("ecret")
			.doesNotContain("Hash")
			.contains(IdentityHttp.STAFF_CLIENT);
		JsonNode page = IdentityHttp.json(response);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(100);
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(page.get("content").get(0).get("clientId").asString()).isNotBlank();
	}

	@Test
	void aChapterTokenMayNotManageClients() {
		String chapter = this.http.accessToken(IdentityHttp.CHAPTER_CLIENT, IdentityHttp.CHAPTER_SECRET);

		for (HttpResponse<String> response : List.of(
				this.http.post("/api/clients", "{\"name\":\"Mine\",\"role\":\"STAFF\"}", chapter),
				this.http.get("/api/clients", chapter),
				this.http.delete("/api/clients/" + IdentityHttp.STAFF_CLIENT, chapter))) {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(IdentityHttp.json(response).get("type").asString())
				.isEqualTo("urn:groundgame:problem:forbidden");
		}
		assertThat(this.http.token(IdentityHttp.STAFF_CLIENT, IdentityHttp.STAFF_SECRET).statusCode()).isEqualTo(200);
	}

	@Test
	void noTokenOrABadOneIsUnauthorized() {
		for (String token : new String[] { null, "not-a-jwt", this.http.staffToken() + "x" }) {
			HttpResponse<String> response = this.http.get("/api/clients", token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = IdentityHttp.json(response);
			assertThat(problem.get("type").asString()).isEqualTo("urn:groundgame:problem:unauthorized");
			assertThat(problem.get("status").asInt()).isEqualTo(401);
			assertThat(problem.get("title").asString()).isNotBlank();
			assertThat(problem.get("detail").asString()).isNotBlank();
		}
	}

	@Test
	void invalidRegistrationsNameTheFieldsAtFault() {
		String staff = this.http.staffToken();
		assertInvalid(staff, "{\"role\":\"STAFF\"}", "name");
		assertInvalid(staff, "{\"name\":\"  \",\"role\":\"STAFF\"}", "name");
		assertInvalid(staff, "{\"name\":\"" + "x".repeat(101) + "\",\"role\":\"STAFF\"}", "name");
		assertInvalid(staff, "{\"name\":\"No role\"}", "role");
		assertInvalid(staff, "{\"name\":\"Odd role\",\"role\":\"ADMIN\"}", "role");
		assertInvalid(staff, "{\"name\":\"No chapter\",\"role\":\"CHAPTER\"}", "chapterId");
		assertInvalid(staff, "{\"name\":\"Staff with chapter\",\"role\":\"STAFF\",\"chapterId\":\"c-1\"}", "chapterId");
		assertInvalid(staff, "{\"name\":\"School with chapter\",\"role\":\"TRAINING_STAFF\",\"chapterId\":\"c-1\"}",
				"chapterId");
		assertInvalid(staff, "{\"role\":\"CHAPTER\",\"chapterId\":\"c-1\"}", "name");
	}

	@Test
	void aClientStoredBeforeVersionsIsDisabledInPlaceKeepingTheRest() {
		String clientId = "staff-stored-before-versions";
		String secret = "a-secret-from-before-versions";
		String hash = this.passwords.encode(secret);
		this.mongo.getCollection(ClientDocument.COLLECTION)
			.insertOne(new Document("_id", clientId).append("secretHash", hash)
				.append("name", "Old tool")
				.append("role", "STAFF")
				.append("createdAt", java.util.Date.from(java.time.Instant.parse("2025-01-01T00:00:00Z")))
				.append("disabled", false));
		String staff = this.http.staffToken();
		assertThat(this.http.token(clientId, secret).statusCode()).isEqualTo(200);

		assertThat(this.http.delete("/api/clients/" + clientId, staff).statusCode()).isEqualTo(204);

		assertThat(this.http.token(clientId, secret).statusCode()).isEqualTo(401);
		Document stored = this.mongo.getCollection(ClientDocument.COLLECTION)
			.find(new Document("_id", clientId))
			.first();
		assertThat(stored.getBoolean("disabled")).isTrue();
		assertThat(stored.get("version", Number.class).longValue()).isEqualTo(1);
		assertThat(stored.getString("secretHash")).isEqualTo(hash);
		assertThat(stored.getString("name")).isEqualTo("Old tool");
		// Disabling again changes nothing.
		assertThat(this.http.delete("/api/clients/" + clientId, staff).statusCode()).isEqualTo(204);
		assertThat(this.mongo.getCollection(ClientDocument.COLLECTION)
			.find(new Document("_id", clientId))
			.first()
			.get("version", Number.class)
			.longValue()).isEqualTo(1);
	}

	@Test
	void unknownClientsAreNotFound() {
		String staff = this.http.staffToken();
		for (HttpResponse<String> response : List.of(this.http.get("/api/clients/chapter-nope", staff),
				this.http.delete("/api/clients/chapter-nope", staff))) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(IdentityHttp.json(response).get("type").asString())
				.isEqualTo("urn:groundgame:problem:not-found");
		}
	}

	private void assertInvalid(String token, String body, String field) {
		long before = this.mongo.getCollection(ClientDocument.COLLECTION).countDocuments();
		HttpResponse<String> response = this.http.post("/api/clients", body, token);

		assertThat(response.statusCode()).as(body).isEqualTo(400);
		JsonNode problem = IdentityHttp.json(response);
		assertThat(problem.get("type").asString()).isEqualTo("urn:groundgame:problem:invalid-input");
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).as(body).contains(field);
		assertThat(this.mongo.getCollection(ClientDocument.COLLECTION).countDocuments()).isEqualTo(before);
	}

}
