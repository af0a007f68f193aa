package org.groundgame.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
import org.groundgame.support.outbox.OutboxEvent;
import org.groundgame.support.outbox.OutboxProperties;
import org.groundgame.support.outbox.OutboxRelay;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The relay killed at the exact points where a crash can hurt, a thousand times: right
 * after a change was written with its event and before the event is published, and right
 * after Kafka acknowledged the event and before it left the outbox. After each crash a
 * new relay (what a restarted instance runs) publishes what was left. State and events
 * never disagree: every change's event is on the topic, once per event id and in the
 * order of the changes, the outbox ends empty, and the document holds the last change. An
 * event acknowledged before the crash is published once more (the same {@code ce_id},
 * which consumers apply once): exactly as many records again as crashes of that kind, and
 * no others.
 */
@SupportIntegrationTest
class RelayCrashTests {

	/**
	 * Crashes, alternately before the publish and after the acknowledgement: 100 in the
	 * suite, 1,000 in the chaos suite's full run ({@code -Dchaos.relay-crashes=1000}).
	 */
	static final int CRASHES = Integer.getInteger("chaos.relay-crashes", 100);

	private static final String COLLECTION = "test_aggregates";

	@Autowired
	OutboxUpdates updates;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TestAggregateRepository aggregates;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StreamBridge streamBridge;

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
	void aRelayKilledBetweenTheWriteAndThePublishOrTheAcknowledgementAndTheRemovalLeavesNoMismatch() {
		String id = UUID.randomUUID().toString();
		this.aggregates.save(new TestAggregateDocument(id, "Mobilize Missouri"));
		List<String> changes = new ArrayList<>();
		int republished = 0;
		// Only the relays of this test publish meanwhile: the context's own is the
		// instance that crashed, down until the end.
		this.relay.stop();
		try {
			for (int i = 0; i < CRASHES; i++) {
				Crash.Point point = (i % 2 == 0) ? Crash.Point.BEFORE_PUBLISH : Crash.Point.AFTER_ACKNOWLEDGEMENT;
				changes.add(change(id, "Mobilize Missouri " + i));

				OutboxRelay crashing = relay(new CrashingPublisher(this.publisher, point));
				assertThatExceptionOfType(Crash.class).isThrownBy(() -> crashing.publishPendingOf(COLLECTION, id));
				assertThat(pending(id)).as("the event after the crash").hasSize(1);
				republished += (point == Crash.Point.AFTER_ACKNOWLEDGEMENT) ? 1 : 0;

				// The instance restarted: a new relay looks for what was left behind.
				assertThat(relay(this.publisher).lookForLeftovers(true)).isTrue();
				assertThat(pending(id)).as("the outbox after the restart").isEmpty();
			}
		}
		finally {
			this.relay.start();
		}
		String barrier = change(id, "Barrier");

		List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readKeyUpTo(Topics.VOLUNTEER, id, barrier);
		List<String> expected = new ArrayList<>(changes);
		expected.add(barrier);
		assertThat(records.stream().map((record) -> KafkaTestClients.header(record, "ce_id")).distinct())
			.containsExactlyElementsOf(expected);
		assertThat(records).hasSize(CRASHES + 1 + republished);
		assertThat(stored(id).getString("name")).isEqualTo("Barrier");
		// Every second crash came after the acknowledgement.
		assertThat(republished).isEqualTo(CRASHES / 2);
	}

	private OutboxRelay relay(CloudEventPublisher publisher) {
		OutboxRelay relay = new OutboxRelay(this.mongo, publisher, this.properties, this.meters, this.audit,
				this.personalData, new MongoLockProvider(this.mongo.getDb()));
		relay.watch(COLLECTION);
		return relay;
	}

	private String change(String id, String name) {
		ChapterUpdated event = new ChapterUpdated(UUID.randomUUID().toString(), Instant.now(), id, name, "MO",
				"St. Louis", "stlouis@example.org", null, List.of());
		assertThat(this.updates.updateIfUnchanged(TestAggregateDocument.class, id, stored(id).getLong("version"),
				new Update().set("name", name), List.of(event)))
			.isTrue();
		return event.eventId();
	}

	private List<Document> pending(String id) {
		return stored(id).getList("outbox", Document.class, List.of());
	}

	private Document stored(String id) {
		return this.mongo.getCollection(COLLECTION).find(Filters.eq("_id", id)).first();
	}

	/**
	 * What a {@code kill -9} does to the relay's thread at that point: it stops there.
	 */
	static final class Crash extends Error {

		enum Point {

			/** The change and its event are written; nothing is published. */
			BEFORE_PUBLISH,

			/** Kafka acknowledged the event; it is still in the outbox. */
			AFTER_ACKNOWLEDGEMENT

		}

		Crash(Point point) {
			super("Killed " + point, null, false, false);
		}

	}

	/** The test's hook: the publisher of an instance about to be killed at a point. */
	static final class CrashingPublisher extends CloudEventPublisher {

		private final CloudEventPublisher publisher;

		private final Crash.Point point;

		CrashingPublisher(CloudEventPublisher publisher, Crash.Point point) {
			super(null, "crashing", null);
			this.publisher = publisher;
			this.point = point;
		}

		@Override
		public CompletableFuture<?> send(OutboxEvent event) {
			if (this.point == Crash.Point.BEFORE_PUBLISH) {
				throw new Crash(this.point);
			}
			this.publisher.send(event).join();
			throw new Crash(this.point);
		}

	}

}
