package org.groundgame.notification.chapter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chapters of North Dakota belong to this class: the store outlives each test class,
 * and other classes count the chapters of their own states.
 */
@NotificationServiceIntegrationTest
class ChapterProjectionIntegrationTests {

	private final ChapterProjection chapters;

	private final MongoTemplate mongo;

	@Autowired
	ChapterProjectionIntegrationTests(ChapterProjection chapters, MongoTemplate mongo) {
		this.chapters = chapters;
		this.mongo = mongo;
	}

	@Test
	void chapterRegisteredTwiceIsOneChapterOfItsState() {
		String chapterId = "chapter-" + UUID.randomUUID();
		ChapterRegistered registered = new ChapterRegistered(UUID.randomUUID().toString(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), chapterId, "Fargo Forward", "nd", "Fargo",
				"info@fargo-forward.example");
		ChapterRegistered republished = new ChapterRegistered(UUID.randomUUID().toString(), registered.occurredAt(),
				chapterId, "Fargo Forward", "ND", "Fargo", "info@fargo-forward.example");

		try (CloudEventProducer events = new CloudEventProducer()) {
			events.chapterRegistered(registered);
			events.chapterRegistered(registered);
			events.chapterRegistered(republished);
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.chapters.chapterIdsIn("ND")).contains(chapterId));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.mongo.count(Query.query(Criteria.where("_id").is(chapterId)), ChapterDocument.class))
				.isEqualTo(1));
		assertThat(this.mongo.findById(chapterId, ChapterDocument.class)).satisfies((chapter) -> {
			assertThat(chapter.state()).isEqualTo("ND");
			assertThat(chapter.name()).isEqualTo("Fargo Forward");
		});
	}

	@Test
	void everyChapterIsListedAtOnceWhateverItsState() {
		String chapterId = "chapter-" + UUID.randomUUID();
		try (CloudEventProducer events = new CloudEventProducer()) {
			events.chapterRegistered(
					new ChapterRegistered(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
							chapterId, "Minot Together", "ND", "Minot", "info@minot.example"));
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.chapters.allChapterIds()).contains(chapterId));
		ChapterDirectory stateByState = this.chapters::chapterIdsIn;
		assertThat(this.chapters.allChapterIds()).containsExactlyInAnyOrderElementsOf(stateByState.allChapterIds());
	}

	@Test
	void theNewestUpdateWinsAndAnOlderEventComingAgainChangesNothing() {
		String chapterId = "chapter-" + UUID.randomUUID();
		String sister = "chapter-" + UUID.randomUUID();
		Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ChapterRegistered registered = new ChapterRegistered(UUID.randomUUID().toString(), registeredAt, chapterId,
				"Bismarck Rising", "ND", "Bismarck", "info@bismarck.example", "Our Revolution", List.of());
		ChapterUpdated renamed = new ChapterUpdated(UUID.randomUUID().toString(), registeredAt.plusSeconds(60),
				chapterId, "Bismarck-Mandan Rising", "ND", "Mandan", "hello@bismarck.example", "Our Revolution",
				List.of(sister));
		ChapterUpdated newest = new ChapterUpdated(UUID.randomUUID().toString(), registeredAt.plusSeconds(120),
				chapterId, "Bismarck-Mandan Rising", "ND", "Bismarck", "hello@bismarck.example", null, List.of(sister));

		try (CloudEventProducer events = new CloudEventProducer()) {
			events.chapterRegistered(registered);
			publishUpdate(events, renamed);
			publishUpdate(events, newest);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.chapters.byId(chapterId))
					.hasValueSatisfying((chapter) -> assertThat(chapter.parentOrganization()).isNull()));

			// Redelivered or replayed: older than what is known.
			publishUpdate(events, renamed);
			events.chapterRegistered(registered);
			ChapterUpdated olderStill = new ChapterUpdated(UUID.randomUUID().toString(), registeredAt.plusSeconds(90),
					chapterId, "Old Name", "ND", "Minot", "old@bismarck.example", "Old Parent", List.of());
			publishUpdate(events, olderStill);
			awaitProcessed(olderStill.eventId());
		}

		assertThat(this.chapters.byId(chapterId)).contains(new Chapter(chapterId, "Bismarck-Mandan Rising", "ND",
				"Bismarck", "hello@bismarck.example", null, List.of(sister)));
		ChapterDocument stored = this.mongo.findById(chapterId, ChapterDocument.class);
		assertThat(stored.registeredAt()).isEqualTo(registeredAt);
		assertThat(stored.asOf()).isEqualTo(newest.occurredAt());
		assertThat(this.chapters.chapterIdsIn("ND")).contains(chapterId);
	}

	@Test
	void anUpdateOfAChapterNotYetKnownMakesItKnown() {
		String chapterId = "chapter-" + UUID.randomUUID();
		ChapterUpdated updated = new ChapterUpdated(UUID.randomUUID().toString(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), chapterId, "Grand Forks Together", "nd", "Grand Forks",
				"info@grand-forks.example", null, List.of());

		try (CloudEventProducer events = new CloudEventProducer()) {
			publishUpdate(events, updated);
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.chapters.chapterIdsIn("ND")).contains(chapterId));
		assertThat(this.chapters.byId(chapterId)).map(Chapter::name).contains("Grand Forks Together");
	}

	private static void publishUpdate(CloudEventProducer events, ChapterUpdated event) {
		events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(ChapterUpdated.class),
				"/groundgame/volunteer-service", event);
	}

	/** Waits until the projection has completed an event: what it did with it is done. */
	private void awaitProcessed(String eventId) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.mongo.getCollection("processed_events")
				.find(Filters.and(Filters.eq("_id", ChapterEvents.CONSUMER + "/" + eventId),
						Filters.eq("completed", true)))
				.first()).isNotNull());
	}

}
