package org.groundgame.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.app.TestAggregateDocument;
import org.groundgame.support.app.TestAggregateRepository;
import org.groundgame.support.outbox.OutboxUpdates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SupportIntegrationTest
class OutboxUpdatesTests {

	@Autowired
	OutboxUpdates updates;

	@Autowired
	TestAggregateRepository aggregates;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aChangeOnTheVersionReadIsWrittenWithItsEventWhichIsPublishedAndLeavesTheOutbox() {
		String id = UUID.randomUUID().toString();
		this.aggregates.save(new TestAggregateDocument(id, "Mobilize Missouri"));
		long version = stored(id).getLong("version");
		ChapterUpdated event = renamed(id, "Mobilize Missouri - St. Louis");

		boolean written = this.updates.updateIfUnchanged(TestAggregateDocument.class, id, version,
				new Update().set("name", "Mobilize Missouri - St. Louis"), List.of(event));

		assertThat(written).isTrue();
		assertThat(stored(id).getString("name")).isEqualTo("Mobilize Missouri - St. Louis");
		assertThat(stored(id).getLong("version")).isEqualTo(version + 1);
		KafkaTestClients.awaitRecord(Topics.VOLUNTEER,
				(record) -> event.eventId().equals(KafkaTestClients.header(record, "ce_id")));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stored(id).getList("outbox", Document.class, List.of())).isEmpty());
	}

	@Test
	void aChangeOnAnOlderVersionIsNotWrittenAndItsEventIsNotKept() {
		String id = UUID.randomUUID().toString();
		this.aggregates.save(new TestAggregateDocument(id, "Mobilize Missouri"));
		long version = stored(id).getLong("version");
		assertThat(this.updates.updateIfUnchanged(TestAggregateDocument.class, id, version,
				new Update().set("name", "First"), List.of()))
			.isTrue();

		boolean written = this.updates.updateIfUnchanged(TestAggregateDocument.class, id, version,
				new Update().set("name", "Second"), List.of(renamed(id, "Second")));

		assertThat(written).isFalse();
		Document stored = stored(id);
		assertThat(stored.getString("name")).isEqualTo("First");
		assertThat(stored.getLong("version")).isEqualTo(version + 1);
		assertThat(stored.getList("outbox", Document.class, List.of())).isEmpty();
	}

	private static ChapterUpdated renamed(String id, String name) {
		return new ChapterUpdated(UUID.randomUUID().toString(), Instant.now(), id, name, "MO", "St. Louis",
				"stlouis@example.org", null, List.of());
	}

	private Document stored(String id) {
		return this.mongo.getCollection("test_aggregates").find(Filters.eq("_id", id)).first();
	}

}
