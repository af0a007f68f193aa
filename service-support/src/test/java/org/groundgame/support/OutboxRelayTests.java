package org.groundgame.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.app.SupportTestApplication;
import org.groundgame.support.app.TestAggregateDocument;
import org.groundgame.support.app.TestAggregateRepository;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxRelay;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SupportIntegrationTest
class OutboxRelayTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TestAggregateRepository aggregates;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Tracer tracer;

	@Autowired
	OutboxRelay relay;

	@Test
	void aSavedEventIsPublishedAsACloudEventKeyedByItsAggregateAndLeavesTheOutbox() {
		ChapterRegistered event = saveChapter("Mobilize Missouri Columbia");

		ConsumerRecord<String, byte[]> record = KafkaTestClients.awaitRecord(Topics.VOLUNTEER,
				(candidate) -> event.eventId().equals(KafkaTestClients.header(candidate, "ce_id")));

		assertThat(record.key()).isEqualTo(event.chapterId());
		assertThat(KafkaTestClients.header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(KafkaTestClients.header(record, "ce_type"))
			.isEqualTo("org.groundgame.volunteer.ChapterRegistered.v1");
		assertThat(KafkaTestClients.header(record, "ce_source")).isEqualTo("/groundgame/support-tests");
		assertThat(KafkaTestClients.header(record, "ce_subject")).isEqualTo(event.chapterId());
		assertThat(Instant.parse(KafkaTestClients.header(record, "ce_time"))).isNotNull();
		assertThat(KafkaTestClients.header(record, "content-type")).isEqualTo("application/json");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"chapterId\":\"" + event.chapterId())
			.contains("\"name\":\"Mobilize Missouri Columbia\"");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingOf(event.chapterId())).isEmpty());
	}

	@Test
	void changesMadeWhileTheBrokerIsDownArePublishedOnceItIsBackWithNothingLost() {
		List<ChapterRegistered> events = new ArrayList<>();
		TestInfrastructure.get().stopKafka();
		try {
			for (int i = 0; i < 5; i++) {
				events.add(saveChapter("Outage chapter " + i));
			}
			assertThat(events).allSatisfy((event) -> assertThat(pendingOf(event.chapterId())).hasSize(1));
		}
		finally {
			TestInfrastructure.get().startKafka();
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(events)
				.allSatisfy((event) -> assertThat(effectsOf(event.chapterId())).isEqualTo(1)));
		assertThat(events).allSatisfy((event) -> assertThat(pendingOf(event.chapterId())).isEmpty());
	}

	@Test
	void theConsumerWorksInTheTraceOfTheRequestThatCausedTheEvent() {
		Span request = this.tracer.nextSpan().name("a request").start();
		ChapterRegistered event;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			event = saveChapter("Traced chapter");
		}
		finally {
			request.end();
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(SupportTestApplication.TRACES.get(event.eventId()))
				.isEqualTo(request.context().traceId()));
	}

	@Test
	void theEventsOfManyDocumentsSentTogetherArriveExactlyOnceEachDocumentsInItsOrder() {
		Map<String, List<String>> written = new LinkedHashMap<>();
		// Held back, so that every document has all its events pending when one pass
		// sends them.
		this.relay.stop();
		try {
			for (int i = 0; i < 10; i++) {
				String id = UUID.randomUUID().toString();
				TestAggregateDocument document = new TestAggregateDocument(id, "Chapter " + i);
				List<String> events = new ArrayList<>();
				for (int change = 0; change < 4; change++) {
					ChapterUpdated event = renamed(id, "Chapter " + i + " renamed " + change);
					this.outbox.append(document, event);
					events.add(event.eventId());
				}
				this.aggregates.save(document);
				written.put(id, events);
			}

			assertThat(this.relay.publishPendingOf("test_aggregates", List.copyOf(written.keySet()))).isTrue();
		}
		finally {
			this.relay.start();
		}

		// Every acknowledged record is on the topic now: all of them, duplicates too.
		Map<String, List<String>> published = KafkaTestClients.readAll(Topics.VOLUNTEER)
			.stream()
			.filter((record) -> written.containsKey(record.key()))
			.collect(Collectors.groupingBy(ConsumerRecord::key,
					Collectors.mapping((record) -> KafkaTestClients.header(record, "ce_id"), Collectors.toList())));
		assertThat(published).isEqualTo(written);
		assertThat(written.keySet()).allSatisfy((id) -> assertThat(pendingOf(id)).isEmpty());
	}

	@Test
	void aRecordTheBrokerRefusesHoldsBackOnlyItsOwnDocumentsEventsInOrder() {
		String refusedId = UUID.randomUUID().toString();
		String keptId = UUID.randomUUID().toString();
		// Over the producer's max.request.size (1 MB): refused, however often it is
		// tried.
		ChapterUpdated tooLarge = renamed(refusedId, "x".repeat(2_000_000));
		ChapterUpdated afterIt = renamed(refusedId, "After the refused one");
		List<ChapterUpdated> kept = List.of(renamed(keptId, "Kept one"), renamed(keptId, "Kept two"));
		this.relay.stop();
		try {
			TestAggregateDocument refused = new TestAggregateDocument(refusedId, "Refused");
			this.outbox.append(refused, tooLarge);
			this.outbox.append(refused, afterIt);
			this.aggregates.save(refused);
			TestAggregateDocument other = new TestAggregateDocument(keptId, "Kept");
			kept.forEach((event) -> this.outbox.append(other, event));
			this.aggregates.save(other);

			assertThat(this.relay.publishPendingOf("test_aggregates", List.of(refusedId, keptId))).isFalse();

			List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readAll(Topics.VOLUNTEER);
			assertThat(records.stream()
				.filter((record) -> keptId.equals(record.key()))
				.map((record) -> KafkaTestClients.header(record, "ce_id")))
				.containsExactly(kept.get(0).eventId(), kept.get(1).eventId());
			assertThat(records).noneMatch((record) -> refusedId.equals(record.key()));
			assertThat(pendingOf(keptId)).isEmpty();
			assertThat(pendingOf(refusedId)).extracting((pending) -> pending.getString("eventId"))
				.containsExactly(tooLarge.eventId(), afterIt.eventId());
		}
		finally {
			// What the relay would retry at every look, left to no other test.
			this.mongo.getCollection("test_aggregates").deleteOne(Filters.eq("_id", refusedId));
			this.relay.start();
		}
	}

	private static ChapterUpdated renamed(String id, String name) {
		return new ChapterUpdated(UUID.randomUUID().toString(), Instant.now(), id, name, "MO", "St. Louis",
				"stlouis@example.org", null, List.of());
	}

	private ChapterRegistered saveChapter(String name) {
		String id = UUID.randomUUID().toString();
		ChapterRegistered event = new ChapterRegistered(UUID.randomUUID().toString(), Instant.now(), id, name, "MO",
				"Columbia", "columbia@example.org");
		TestAggregateDocument document = new TestAggregateDocument(id, name);
		this.outbox.append(document, event);
		this.aggregates.save(document);
		return event;
	}

	private List<Document> pendingOf(String id) {
		Document document = this.mongo.getCollection("test_aggregates").find(Filters.eq("_id", id)).first();
		return document.getList("outbox", Document.class, List.of());
	}

	private int effectsOf(String chapterId) {
		Document effect = this.mongo.getCollection(SupportTestApplication.EFFECTS)
			.find(Filters.eq("_id", chapterId))
			.first();
		return (effect != null) ? effect.getInteger("applied") : 0;
	}

}
