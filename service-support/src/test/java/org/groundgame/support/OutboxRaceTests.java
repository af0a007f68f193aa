package org.groundgame.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.app.TestAggregateDocument;
import org.groundgame.support.app.TestAggregateRepository;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.outbox.CloudEventPublisher;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxProperties;
import org.groundgame.support.outbox.OutboxRelay;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands racing the relay on one document: each change is a version-checked targeted
 * update that pushes its event while the relay publishes and removes the ones before it.
 * Counted on the topic record by record, with no de-duplication, each event is there
 * exactly once and in order. A whole-document save from a read made before the relay
 * removed an event puts that event back, and it is published again: the defect the
 * targeted updates (and the architecture rule against saves) keep out. Two relays (two
 * instances of a service) looking for events left behind at the same moment publish each
 * of them once.
 */
@SupportIntegrationTest
class OutboxRaceTests {

	static final int CHANGES = 100;

	@Autowired
	OutboxUpdates updates;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TestAggregateRepository aggregates;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	OutboxProperties properties;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AuditTrail audit;

	@Autowired
	PersonalDataProtection personalData;

	@Test
	void quickSuccessiveChangesWhileTheRelayPublishesArePublishedEachExactlyOnceInOrder() {
		String id = insert("Mobilize Missouri");
		List<String> changes = new ArrayList<>();
		boolean relayRemovedEventsMeanwhile = false;

		for (int i = 0; i < CHANGES; i++) {
			// Read, change, write, at once again: the relay, woken by each write,
			// publishes
			// and removes the events before it meanwhile.
			ChapterUpdated event = renamed(id, "Mobilize Missouri " + i);
			assertThat(this.updates.updateIfUnchanged(TestAggregateDocument.class, id, version(id),
					new Update().set("name", event.name()), List.of(event)))
				.isTrue();
			changes.add(event.eventId());
			relayRemovedEventsMeanwhile |= pending(id).size() < changes.size();
		}
		String barrier = change(id, "Barrier");

		assertThat(relayRemovedEventsMeanwhile).as("the relay published while the changes were written").isTrue();
		List<String> published = eventIds(KafkaTestClients.readKeyUpTo(Topics.VOLUNTEER, id, barrier));
		List<String> expected = new ArrayList<>(changes);
		expected.add(barrier);
		assertThat(published).containsExactlyElementsOf(expected);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pending(id)).isEmpty());
	}

	@Test
	void writersRacingEachOtherAndTheRelayPublishEveryEventExactlyOnceEachWritersInItsOrder() throws Exception {
		String id = insert("Mobilize Missouri");
		int writers = 4;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<String>>> written = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(writers)) {
			for (int writer = 0; writer < writers; writer++) {
				String name = "Writer " + writer;
				written.add(threads.submit(() -> {
					start.await();
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < CHANGES / writers; i++) {
						ChapterUpdated event = renamed(id, name + " change " + i);
						// On a version conflict, read again and retry, as a command does.
						while (!this.updates.updateIfUnchanged(TestAggregateDocument.class, id, version(id),
								new Update().set("name", event.name()), List.of(event))) {
							Thread.onSpinWait();
						}
						mine.add(event.eventId());
					}
					return mine;
				}));
			}
			start.countDown();
		}
		List<List<String>> byWriter = new ArrayList<>();
		for (Future<List<String>> writer : written) {
			byWriter.add(writer.get());
		}
		String barrier = change(id, "Barrier");

		List<String> published = eventIds(KafkaTestClients.readKeyUpTo(Topics.VOLUNTEER, id, barrier));
		assertThat(published).hasSize(CHANGES + 1).doesNotHaveDuplicates().endsWith(barrier);
		assertThat(byWriter).allSatisfy((mine) -> assertThat(published).containsSubsequence(mine));
	}

	@Test
	void aWholeDocumentSaveFromAReadBeforeTheRelayRemovedAnEventPublishesItAgain() {
		String id = UUID.randomUUID().toString();
		ChapterUpdated event = renamed(id, "Mobilize Missouri Columbia");
		TestAggregateDocument staleRead;
		// Held back for a moment, so that the read below is certain to see the event
		// still in the outbox (what a command reading just before the relay's removal
		// sees).
		this.relay.stop();
		try {
			TestAggregateDocument document = new TestAggregateDocument(id, "Mobilize Missouri Columbia");
			this.outbox.append(document, event);
			this.aggregates.save(document);
			staleRead = this.aggregates.findById(id).orElseThrow();
		}
		finally {
			this.relay.start();
		}
		this.relay.wakeUp("test_aggregates", id);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pending(id)).isEmpty());

		// The relay's removal left the version as it was, so the stale save passes its
		// version check and writes the published event back into the outbox.
		this.aggregates.save(staleRead);
		String barrier = change(id, "Barrier");

		List<String> published = eventIds(KafkaTestClients.readKeyUpTo(Topics.VOLUNTEER, id, barrier));
		assertThat(published).containsExactly(event.eventId(), event.eventId(), barrier);
	}

	@Test
	void twoInstancesLookingForLeftoversAtTheSameMomentPublishEachEventOnce() throws Exception {
		String id = insert("Mobilize Missouri");
		// A second instance of the service: its own relay, with its own lock provider,
		// over the same store and broker.
		OutboxRelay second = new OutboxRelay(this.mongo, this.publisher, this.properties, this.meters, this.audit,
				this.personalData, new MongoLockProvider(this.mongo.getDb()));
		second.watch("test_aggregates");
		List<String> leftBehind = new ArrayList<>();
		List<Boolean> looked = new ArrayList<>();
		// Events no wake-up takes care of: written while this instance's relay is
		// stopped (a crash, say), so that only the two looks can publish them.
		this.relay.stop();
		try {
			for (int i = 0; i < CHANGES / 2; i++) {
				leftBehind.add(change(id, "Left behind " + i));
			}
			CountDownLatch start = new CountDownLatch(1);
			try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
				List<Future<Boolean>> looks = new ArrayList<>();
				for (OutboxRelay relay : List.of(this.relay, second)) {
					looks.add(instances.submit(() -> {
						start.await();
						return relay.lookForLeftovers(true);
					}));
				}
				start.countDown();
				for (Future<Boolean> look : looks) {
					looked.add(look.get());
				}
			}
		}
		finally {
			this.relay.start();
		}
		String barrier = change(id, "Barrier");

		assertThat(looked).contains(true);
		assertThat(pending(id).stream().map((event) -> event.getString("eventId")))
			.doesNotContainAnyElementsOf(leftBehind);
		List<String> published = eventIds(KafkaTestClients.readKeyUpTo(Topics.VOLUNTEER, id, barrier));
		List<String> expected = new ArrayList<>(leftBehind);
		expected.add(barrier);
		assertThat(published).containsExactlyElementsOf(expected);
	}

	private String insert(String name) {
		String id = UUID.randomUUID().toString();
		this.aggregates.save(new TestAggregateDocument(id, name));
		return id;
	}

	private String change(String id, String name) {
		ChapterUpdated event = renamed(id, name);
		assertThat(this.updates.updateIfUnchanged(TestAggregateDocument.class, id, version(id),
				new Update().set("name", name), List.of(event)))
			.isTrue();
		return event.eventId();
	}

	private long version(String id) {
		return stored(id).getLong("version");
	}

	private List<Document> pending(String id) {
		return stored(id).getList("outbox", Document.class, List.of());
	}

	private Document stored(String id) {
		return this.mongo.getCollection("test_aggregates").find(Filters.eq("_id", id)).first();
	}

	private static List<String> eventIds(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map((record) -> KafkaTestClients.header(record, "ce_id")).toList();
	}

	private static ChapterUpdated renamed(String id, String name) {
		return new ChapterUpdated(UUID.randomUUID().toString(), Instant.now(), id, name, "MO", "St. Louis",
				"stlouis@example.org", null, List.of());
	}

}
