package org.groundgame.identity.chapter;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.identity.ChapterRegistrations;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chapter's client is made only for a chapter registered with volunteer-service, as
 * identity-service hears of it from {@code ChapterRegistered} on
 * {@code groundgame.volunteer.events} (a real broker, a real store).
 */
@IdentityServiceIntegrationTest
class RegisteredChaptersIntegrationTests {

	private final IdentityHttp http;

	@Autowired
	private RegisteredChapters chapters;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	RegisteredChaptersIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void aClientForAChapterThatWasNeverRegisteredIsRefusedNamingTheChapter() {
		HttpResponse<String> response = this.http.post("/api/clients",
				"{\"name\":\"Made-up chapter\",\"role\":\"CHAPTER\",\"chapterId\":\"chapter-that-does-not-exist\"}",
				this.http.staffToken());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode error = IdentityHttp.json(response).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("chapterId");
		assertThat(error.get("message").asString()).contains("registered chapter");
		assertThat(IdentityHttp.json(this.http.get("/api/clients?size=100", this.http.staffToken())).toString())
			.doesNotContain("Made-up chapter");
	}

	@Test
	void onceTheChapterIsRegisteredItsClientIsMade() {
		String chapterId = "chapter-kc-" + System.nanoTime();
		String body = "{\"name\":\"Kansas City CRM\",\"role\":\"CHAPTER\",\"chapterId\":\"" + chapterId + "\"}";
		assertThat(this.http.post("/api/clients", body, this.http.staffToken()).statusCode()).isEqualTo(400);

		ChapterRegistrations.register(chapterId, this.chapters);
		HttpResponse<String> response = this.http.post("/api/clients", body, this.http.staffToken());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(IdentityHttp.json(response).get("chapterId").asString()).isEqualTo(chapterId);
	}

	@Test
	void aRegistrationThatComesTwiceIsOneChapter() {
		String chapterId = "chapter-stj-" + System.nanoTime();
		ChapterRegistered registered = ChapterRegistrations.publish(chapterId);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.chapters.isRegistered(chapterId));

		double duplicatesBefore = duplicates();

		ChapterRegistrations.publish(registered);

		await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);

		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(chapterId)), ChapterDocument.class))
			.isEqualTo(1);
		assertThat(this.mongo.findById(chapterId, ChapterDocument.class).registeredAt())
			.isEqualTo(registered.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
	}

	private double duplicates() {
		return this.meters.find("groundgame.events.consumed")
			.tags("consumer", ChapterEvents.CONSUMER, "outcome", "duplicate")
			.counters()
			.stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count)
			.sum();
	}

}
