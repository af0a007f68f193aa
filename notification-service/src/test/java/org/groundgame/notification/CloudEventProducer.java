package org.groundgame.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.events.DomainEvent;
import org.groundgame.test.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes CloudEvents the way any producer on the platform does, with a plain Kafka
 * producer: binary mode ({@code ce_*} headers, {@code content-type}), UTF-8 header
 * values, the aggregate id as key and the event record as JSON data.
 */
public final class CloudEventProducer implements AutoCloseable {

	public static final String ENDORSEMENT_TOPIC = "groundgame.endorsement.events";

	public static final String VOLUNTEER_TOPIC = "groundgame.volunteer.events";

	public static final String CHAPTER_REGISTERED = "org.groundgame.volunteer.ChapterRegistered.v1";

	public static final String ENDORSEMENT_GRANTED = "org.groundgame.endorsement.EndorsementGranted.v1";

	public static final String NOMINATION_SUBMITTED = "org.groundgame.endorsement.NominationSubmitted.v1";

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	public CloudEventProducer() {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	public void chapterRegistered(DomainEvent event) {
		publish(VOLUNTEER_TOPIC, CHAPTER_REGISTERED, "/groundgame/volunteer-service", event);
	}

	/** Many chapters at once: sent together, then waited for together. */
	public void chaptersRegistered(List<? extends DomainEvent> events) {
		List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
		for (DomainEvent event : events) {
			sent.add(this.producer
				.send(record(VOLUNTEER_TOPIC, CHAPTER_REGISTERED, "/groundgame/volunteer-service", event.eventId(),
						event.aggregateId(), event.occurredAt().toString(), this.json.writeValueAsBytes(event))));
		}
		for (java.util.concurrent.Future<?> future : sent) {
			await(future, CHAPTER_REGISTERED);
		}
	}

	public void endorsementGranted(DomainEvent event) {
		publish(ENDORSEMENT_TOPIC, ENDORSEMENT_GRANTED, "/groundgame/endorsement-service", event);
	}

	public void nominationSubmitted(DomainEvent event) {
		publish(ENDORSEMENT_TOPIC, NOMINATION_SUBMITTED, "/groundgame/endorsement-service", event);
	}

	public void publish(String topic, String type, String source, DomainEvent event) {
		publish(topic, type, source, event.eventId(), event.aggregateId(), event.occurredAt().toString(),
				this.json.writeValueAsBytes(event));
	}

	/** Any CloudEvent, including ones of types this service does not know. */
	public void publish(String topic, String type, String source, String id, String subject, String time, byte[] data) {
		await(this.producer.send(record(topic, type, source, id, subject, time, data)), type);
	}

	private static ProducerRecord<String, byte[]> record(String topic, String type, String source, String id,
			String subject, String time, byte[] data) {
		List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", id), header("ce_type", type),
				header("ce_source", source), header("ce_subject", subject), header("ce_time", time),
				header("content-type", "application/json"));
		return new ProducerRecord<>(topic, null, subject, data, headers);
	}

	private static void await(java.util.concurrent.Future<?> sent, String type) {
		try {
			sent.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish " + type, ex);
		}
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
