package org.groundgame.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.test.security.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the delivery tests do over and over: register chapters over the broker, wait until
 * this service knows them, set their subscriptions and call the API as staff or a
 * chapter.
 */
public final class NotificationFixture {

	public static final Duration PATIENCE = Duration.ofSeconds(60);

	private final RestTestClient http;

	private final Chapters chapters;

	private final CloudEventProducer events;

	public NotificationFixture(int port, Chapters chapters, CloudEventProducer events) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.chapters = chapters;
		this.events = events;
	}

	/** Registers chapters in a state and waits until this service knows every one. */
	public List<String> registerChapters(String state, int count) {
		List<String> ids = new ArrayList<>();
		List<ChapterRegistered> registrations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String chapterId = "chapter-" + UUID.randomUUID();
			registrations.add(new ChapterRegistered(UUID.randomUUID().toString(), now(), chapterId,
					"Chapter " + i + " of " + state, state, "Somewhere", contactEmailOf(chapterId)));
			ids.add(chapterId);
		}
		this.events.chaptersRegistered(registrations);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.chapters.byIds(ids)).hasSize(count));
		return ids;
	}

	public String registerChapter(String state) {
		return registerChapters(state, 1).get(0);
	}

	public static String contactEmailOf(String chapterId) {
		return "organizers@" + chapterId + ".example";
	}

	/**
	 * Sets many chapters' subscriptions at once, as many chapters would (eight at a
	 * time).
	 */
	public void subscribeAll(List<String> chapterIds, java.util.function.Function<String, String> subscriptionOf) {
		try (var executor = java.util.concurrent.Executors.newFixedThreadPool(8)) {
			List<java.util.concurrent.Future<String>> done = new ArrayList<>();
			for (String chapterId : chapterIds) {
				done.add(executor.submit(() -> subscribe(chapterId, subscriptionOf.apply(chapterId))));
			}
			for (java.util.concurrent.Future<String> future : done) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Sets a chapter's subscription as the chapter; answers the response body. */
	public String subscribe(String chapterId, String subscription) {
		EntityExchangeResult<String> result = call(HttpMethod.PUT, "/api/notifications/subscriptions/" + chapterId,
				TestTokens.chapter(chapterId), subscription);
		assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
		return result.getResponseBody();
	}

	public EntityExchangeResult<String> call(HttpMethod method, String path, String token, String body) {
		RequestBodySpec request = this.http.method(method).uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	public static EndorsementGranted granted(String state, String endorsementId) {
		return new EndorsementGranted(UUID.randomUUID().toString(), now(), endorsementId,
				"nomination-" + UUID.randomUUID(), "Jane Example",
				new RaceSummary("State Senator", "STATE", state, "5", null, LocalDate.of(2026, 11, 3)), null, false);
	}

	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
