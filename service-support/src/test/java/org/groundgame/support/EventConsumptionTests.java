package org.groundgame.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.groundgame.events.Topics;
import org.groundgame.support.app.SupportTestApplication;
import org.groundgame.support.consumer.ProcessedEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@SupportIntegrationTest
class EventConsumptionTests {

	static final String TYPE = "org.groundgame.volunteer.ChapterRegistered.v1";

	static final String DEAD_LETTERS = "error." + Topics.VOLUNTEER + ".support-tests";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	MeterRegistry meters;

	@Test
	void anEventDeliveredTwiceHasOneEffect() {
		String chapterId = UUID.randomUUID().toString();
		String eventId = UUID.randomUUID().toString();
		String sentinelId = UUID.randomUUID().toString();
		String sentinelChapter = UUID.randomUUID().toString();

		// Same key, so one partition: the sentinel is consumed after both copies.
		sendChapterRegistered(eventId, chapterId, chapterId, "Mobilize Missouri Kansas City");
		sendChapterRegistered(eventId, chapterId, chapterId, "Mobilize Missouri Kansas City");
		sendChapterRegistered(sentinelId, chapterId, sentinelChapter, "Sentinel");

		await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(sentinelChapter) == 1);
		assertThat(effectsOf(chapterId)).isEqualTo(1);
		assertThat(SupportTestApplication.CALLS.get(eventId)).hasValue(1);
		assertThat(this.meters
			.counter("groundgame.events.consumed", "consumer", "support-tests", "type", TYPE, "outcome", "duplicate")
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aPoisonMessageGoesToTheDeadLetterTopicAfterTheConfiguredAttemptsAndTheMessagesBehindItAreProcessed() {
		String key = UUID.randomUUID().toString();
		String poisonId = UUID.randomUUID().toString();
		String failingId = UUID.randomUUID().toString();
		String goodId = UUID.randomUUID().toString();
		String goodChapter = UUID.randomUUID().toString();

		KafkaTestClients.send(Topics.VOLUNTEER, key, KafkaTestClients.cloudEventHeaders(poisonId, TYPE, key),
				"{ this is not JSON");
		sendChapterRegistered(failingId, key, UUID.randomUUID().toString(), SupportTestApplication.FAILING_NAME);
		sendChapterRegistered(goodId, key, goodChapter, "Mobilize Missouri St. Joseph");

		await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(goodChapter) == 1);
		ConsumerRecord<String, byte[]> poison = KafkaTestClients.awaitRecord(DEAD_LETTERS,
				(record) -> poisonId.equals(KafkaTestClients.header(record, "ce_id")));
		assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not JSON");
		assertThat(poison.key()).isEqualTo(key);
		ConsumerRecord<String, byte[]> failing = KafkaTestClients.awaitRecord(DEAD_LETTERS,
				(record) -> failingId.equals(KafkaTestClients.header(record, "ce_id")));
		assertThat(KafkaTestClients.header(failing, "ce_type")).isEqualTo(TYPE);
		assertThat(SupportTestApplication.CALLS.get(failingId)).as("handler calls: the configured max-attempts")
			.hasValue(3);
	}

	@Test
	void anEventOfATypeNobodyHandlesIsSkippedAndTheOnesBehindItAreProcessed() {
		String key = UUID.randomUUID().toString();
		String goodChapter = UUID.randomUUID().toString();
		KafkaTestClients.send(Topics.VOLUNTEER, key, KafkaTestClients.cloudEventHeaders(UUID.randomUUID().toString(),
				"org.groundgame.volunteer.SomethingNew.v1", key), "{\"whatever\":true}");
		sendChapterRegistered(UUID.randomUUID().toString(), key, goodChapter, "After the unknown");

		await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(goodChapter) == 1);
	}

	/**
	 * The consumers commit their offsets without waiting for the broker's answer (the
	 * platform's defaults): the commits still reach the broker, so a consumer that starts
	 * again starts after what it processed.
	 */
	@Test
	void theGroupCommitsTheOffsetsOfWhatItProcessed() {
		String key = UUID.randomUUID().toString();
		String chapterId = UUID.randomUUID().toString();

		RecordMetadata sent = sendChapterRegistered(UUID.randomUUID().toString(), key, chapterId,
				"Mobilize Missouri Columbia");

		await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(chapterId) == 1);
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> KafkaTestClients.committedOffset("support-tests", partition) > sent.offset());
	}

	@Test
	void anEffectThatFailedRunsAgainOnTheNextDeliveryAndOnlyACompletedOneCounts() {
		String eventId = UUID.randomUUID().toString();

		assertThatIllegalStateException().isThrownBy(() -> this.processedEvents.once("retry-test", eventId, () -> {
			throw new IllegalStateException("the effect failed");
		}));

		assertThat(this.processedEvents.once("retry-test", eventId, () -> {
		})).isTrue();
		assertThat(this.processedEvents.once("retry-test", eventId, () -> {
			throw new AssertionError("a completed event must not run again");
		})).isFalse();
		assertThat(this.processedEvents.once("another-consumer", eventId, () -> {
		})).as("each consumer applies the event once").isTrue();
	}

	private RecordMetadata sendChapterRegistered(String eventId, String key, String chapterId, String name) {
		String data = """
				{"eventId":"%s","occurredAt":"2026-11-22T10:15:30Z","chapterId":"%s","name":"%s","state":"MO",
				 "city":"Columbia","contactEmail":"chapter@example.org","aFieldFromTheFuture":42}""".formatted(eventId,
				chapterId, name);
		return KafkaTestClients.send(Topics.VOLUNTEER, key, KafkaTestClients.cloudEventHeaders(eventId, TYPE, key),
				data);
	}

	private int effectsOf(String chapterId) {
		Document effect = this.mongo.getCollection(SupportTestApplication.EFFECTS)
			.find(Filters.eq("_id", chapterId))
			.first();
		return (effect != null) ? effect.getInteger("applied") : 0;
	}

}
