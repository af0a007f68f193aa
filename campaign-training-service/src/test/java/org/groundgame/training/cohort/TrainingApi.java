package org.groundgame.training.cohort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * What the school's integration tests do over HTTP, as clients do, and the events they
 * read back from the training topic.
 */
final class TrainingApi {

	static final String TOPIC = "groundgame.training.events";

	static final String EVENT_TYPE = "org.groundgame.training.%s.v1";

	final JsonMapper json = JsonMapper.builder().build();

	private final RestTestClient client;

	TrainingApi(RestTestClient client) {
		this.client = client;
	}

	/**
	 * A cohort body: three weekly sessions a month from now, applications open till then.
	 */
	static Map<String, Object> cohort(int capacity) {
		LocalDate start = LocalDate.now().plusMonths(1);
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Candidate Cohort " + UUID.randomUUID());
		body.put("track", "CANDIDATE");
		body.put("sessions", List.of(start.toString(), start.plusWeeks(1).toString(), start.plusWeeks(2).toString()));
		body.put("format", "ONLINE");
		body.put("capacity", capacity);
		body.put("applicationDeadline", start.minusDays(1).toString());
		body.put("offerHours", 48);
		return body;
	}

	JsonNode openCohort(int capacity) {
		return body(expect(call(HttpMethod.POST, "/api/training/cohorts", TestTokens.staff(), cohort(capacity)), 201));
	}

	static Map<String, Object> application(String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Trainee");
		body.put("email", email);
		body.put("plansToRun", true);
		body.put("office", "City Council");
		return body;
	}

	RestTestClientResponse apply(String cohortId, String email) {
		return call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/applications", null, application(email));
	}

	JsonNode enrollment(String enrollmentId) {
		return body(expect(call(HttpMethod.GET, "/api/training/enrollments/" + enrollmentId, TestTokens.staff(), null),
				200));
	}

	RestTestClientResponse call(HttpMethod method, String uri, String token, Object body) {
		return call(method, uri, token, body, null);
	}

	RestTestClientResponse call(HttpMethod method, String uri, String token, Object body, String manageToken) {
		RequestBodySpec request = this.client.method(method).uri(uri);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (manageToken != null) {
			request.header("X-Manage-Token", manageToken);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	static RestTestClientResponse expect(RestTestClientResponse response, int status) {
		assertThat(response).hasStatus(status);
		return response;
	}

	JsonNode body(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

	/** The events read from the topic so far, by id (delivery is at-least-once). */
	static final class Events {

		private final KafkaConsumer<String, byte[]> consumer;

		private final Map<String, ConsumerRecord<String, byte[]>> seen = new LinkedHashMap<>();

		private final JsonMapper json = JsonMapper.builder().build();

		Events() {
			this.consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
							ConsumerConfig.GROUP_ID_CONFIG, "training-test-" + UUID.randomUUID(),
							ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
					new StringDeserializer(), new ByteArrayDeserializer());
			this.consumer.subscribe(List.of(TOPIC));
		}

		/**
		 * Waits until the events keyed by the key satisfy the condition; oldest first.
		 */
		List<Event> awaitEvents(String key, Predicate<List<Event>> until) {
			return await().atMost(Duration.ofSeconds(60)).until(() -> {
				this.consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> this.seen.putIfAbsent(header(record, "ce_id"), record));
				return this.seen.values()
					.stream()
					.filter((record) -> key.equals(record.key()))
					.map((record) -> new Event(header(record, "ce_type"), this.json.readTree(record.value())))
					.toList();
			}, until);
		}

		List<Event> awaitEvents(String key, String type, int count) {
			return awaitEvents(key, (events) -> events.stream().filter((event) -> event.is(type)).count() >= count)
				.stream()
				.filter((event) -> event.is(type))
				.toList();
		}

		void close() {
			this.consumer.close();
		}

	}

	/** An event read back: its CloudEvents type and its data. */
	record Event(String type, JsonNode data) {

		boolean is(String simpleName) {
			return this.type.equals(EVENT_TYPE.formatted(simpleName));
		}

		String text(String field) {
			JsonNode value = this.data.get(field);
			return (value == null || value.isNull()) ? null : value.asString();
		}

	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse(null);
	}

}
