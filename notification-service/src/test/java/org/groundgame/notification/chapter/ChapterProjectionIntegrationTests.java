package org.groundgame.notification.chapter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
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

	private final ChapterDirectory chapters;

	private final MongoTemplate mongo;

	@Autowired
	ChapterProjectionIntegrationTests(ChapterDirectory chapters, MongoTemplate mongo) {
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

}
