package org.groundgame.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.app.SupportTestApplication;
import org.groundgame.support.app.TestAggregateDocument;
import org.groundgame.support.app.TestAggregateRepository;
import org.groundgame.support.outbox.Outbox;
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
