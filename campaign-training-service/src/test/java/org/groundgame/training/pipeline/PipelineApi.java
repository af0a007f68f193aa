package org.groundgame.training.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the pipeline's integration tests do: make graduates over HTTP as staff and
 * trainees do, publish endorsement-service's events to the real broker as it does
 * (CloudEvents in binary mode, keyed by aggregate id), and read the training topic back.
 */
public final class PipelineApi implements AutoCloseable {

	static final String TRAINING_TOPIC = "groundgame.training.events";

	private final JsonMapper json = JsonMapper.builder().build();

	private final RestTestClient client;

	private final KafkaProducer<String, byte[]> producer;

	private final KafkaConsumer<String, byte[]> consumer;

	/**
	 * The training topic's records read so far, every one: none de-duplicated, so that an
	 * event published twice is seen twice.
	 */
	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private final PersonalDataProtection protection;

	private final EventJson events = new EventJson();

	public PipelineApi(RestTestClient client, PersonalDataProtection protection) {
		this.client = client;
		this.protection = protection;
		String servers = TestInfrastructure.get().kafkaBootstrapServers();
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG,
						"pipeline-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(TRAINING_TOPIC));
	}

	/**
	 * Opens a one-day cohort held today (UTC), so that it can be completed at once.
	 * @return the cohort's id
	 */
	public String openCohortToday(String track) {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Pipeline Cohort " + UUID.randomUUID());
		body.put("track", track);
		body.put("sessions", List.of(today));
		body.put("format", "ONLINE");
		body.put("capacity", 10);
		body.put("applicationDeadline", today);
		body.put("offerHours", 48);
		return body(expect(call(HttpMethod.POST, "/api/training/cohorts", TestTokens.staff(), body), 201)).get("id")
			.asString();
	}

	/**
	 * @return the enrollment's id
	 */
	public String apply(String cohortId, String name, String email, String state) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("state", state);
		body.put("plansToRun", true);
		body.put("office", "City Council");
		expect(call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/applications", null, body), 202);
		// The answer tells nothing: the seat is read from the event that e-mails the
		// trainee.
		String address = email.strip().toLowerCase(Locale.ROOT);
		JsonNode enrolled = await().atMost(Duration.ofSeconds(30))
			.until(() -> trainingEvents(cohortId, "TraineeEnrolled").stream()
				.filter((event) -> address.equals(event.path("email").asString()))
				.findFirst()
				.orElse(null), Objects::nonNull);
		return enrolled.get("enrollmentId").asString();
	}

	public void complete(String cohortId, String... graduates) {
		JsonNode completion = body(expect(call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/completion",
				TestTokens.staff(), Map.of("graduates", List.of(graduates))), 200));
		assertThat(completion.get("completed")).hasSize(graduates.length);
	}

	void erase(String enrollmentId) {
		expect(call(HttpMethod.DELETE, "/api/training/enrollments/" + enrollmentId, TestTokens.staff(), null), 204);
	}

	RestTestClientResponse pipeline(String token) {
		return call(HttpMethod.GET, "/api/training/pipeline", token, null);
	}

	JsonNode pipeline() {
		return body(expect(pipeline(TestTokens.staff()), 200));
	}

	/** The people behind the counts ({@code /api/training/pipeline/graduates}). */
	RestTestClientResponse graduates(String query, String token) {
		return call(HttpMethod.GET, "/api/training/pipeline/graduates" + query, token, null);
	}

	JsonNode graduates(String query) {
		return body(expect(graduates(query, TestTokens.staff()), 200)).get("graduates");
	}

	/** The report's row of one cohort, or {@code null} while it has none. */
	JsonNode cohortRow(String cohortId) {
		for (JsonNode row : pipeline().get("cohorts")) {
			if (cohortId.equals(row.get("cohortId").asString())) {
				return row;
			}
		}
		return null;
	}

	/** Publishes an event as endorsement-service's relay does, and waits for the ack. */
	public void publish(DomainEvent event) {
		List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", event.eventId()),
				header("ce_type", EventCatalog.typeOf(event.getClass())),
				header("ce_source", "/groundgame/" + sourceOf(event)), header("ce_subject", event.aggregateId()),
				header("ce_time", event.occurredAt().toString()), header("content-type", "application/json"));
		try {
			this.producer
				.send(new ProducerRecord<>(EventCatalog.topicOf(event.getClass()), null, event.aggregateId(),
						this.json.writeValueAsBytes(event), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * The training topic's records of one type keyed by a cohort, read so far (every
	 * record, none de-duplicated), their personal data opened as a consumer opens it.
	 */
	List<JsonNode> trainingEvents(String cohortId, String type) {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
		List<JsonNode> events = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : this.seen) {
			if (cohortId.equals(record.key())
					&& ("org.groundgame.training." + type + ".v1").equals(text(record, "ce_type"))) {
				Class<? extends DomainEvent> eventType = EventCatalog.classOf(text(record, "ce_type")).orElseThrow();
				events.add(this.events.tree(this.protection.read(record.value(), eventType)));
			}
		}
		return events;
	}

	private static String sourceOf(DomainEvent event) {
		return event.getClass().getPackageName().endsWith(".training") ? "campaign-training-service"
				: "endorsement-service";
	}

	private RestTestClientResponse call(HttpMethod method, String uri, String token, Object body) {
		RequestBodySpec request = this.client.method(method).uri(uri);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	private static RestTestClientResponse expect(RestTestClientResponse response, int status) {
		assertThat(response).hasStatus(status);
		return response;
	}

	private JsonNode body(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map((header) -> new String(header.value(), StandardCharsets.UTF_8))
			.orElse(null);
	}

	@Override
	public void close() {
		this.producer.close();
		this.consumer.close();
	}

}
