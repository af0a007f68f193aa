package org.groundgame.volunteer.hours;

import java.util.Map;
import java.util.UUID;

import org.groundgame.test.security.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Chapters and volunteers made through the service's own API, for tests. */
public final class Organizers {

	private final JsonMapper json = JsonMapper.builder().build();

	private final RestTestClient client;

	public Organizers(RestTestClient client) {
		this.client = client;
	}

	/** Registers a chapter (as staff) and answers its id. */
	public String chapter(String name, String state) {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/api/chapters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name + " " + UUID.randomUUID(), "state", state, "city", "Columbia", "contactEmail",
					"hello@example.org"))
			.exchange());
		assertThat(response).hasStatus(201);
		return id(response);
	}

	/**
	 * Signs a volunteer up with a chapter (as staff, whose answer names the id) and
	 * answers their id.
	 */
	public String volunteer(String name, String chapterId) {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/api/volunteers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "email", "hours-" + UUID.randomUUID() + "@example.org", "chapterId", chapterId))
			.exchange());
		assertThat(response).hasStatus(201);
		return id(response);
	}

	/** Moves a volunteer to another chapter (as staff). */
	public void move(String volunteerId, String chapterId) {
		assertThat(RestTestClientResponse.from(this.client.put()
			.uri("/api/volunteers/" + volunteerId + "/chapter")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("chapterId", chapterId))
			.exchange())).hasStatus(200);
	}

	/** Erases a volunteer (as staff). */
	public void erase(String volunteerId) {
		assertThat(RestTestClientResponse.from(this.client.delete()
			.uri("/api/volunteers/" + volunteerId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.exchange())).hasStatus(204);
	}

	private String id(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();
	}

}
