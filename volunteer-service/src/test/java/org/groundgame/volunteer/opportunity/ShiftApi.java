package org.groundgame.volunteer.opportunity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * What the opportunities' integration tests do over HTTP, as clients do, and the events
 * they read back from the volunteer topic.
 */
final class ShiftApi {

	static final String TOPIC = "groundgame.volunteer.events";

	static final String EVENT_TYPE = "org.groundgame.volunteer.%s.v1";

	final JsonMapper json = JsonMapper.builder().build();

	private final RestTestClient client;

	ShiftApi(RestTestClient client) {
		this.client = client;
	}

	String registerChapter(String state) {
		JsonNode chapter = body(expect(call(HttpMethod.POST, "/api/chapters", TestTokens.staff(),
				Map.of("name", "Shift Test " + UUID.randomUUID(), "state", state, "city", "Columbia", "contactEmail",
						"chapter@example.org")),
				201));
		return chapter.get("id").asString();
	}

	String signUp(String chapterId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Shift Volunteer");
		body.put("email", "shift-" + UUID.randomUUID() + "@example.org");
		if (chapterId != null) {
			body.put("chapterId", chapterId);
		}
		return body(expect(call(HttpMethod.POST, "/api/volunteers", null, body), 201)).get("id").asString();
	}

	/** An opportunity body with one shift per capacity, starting in three days. */
	static Map<String, Object> opportunity(String chapterId, String state, boolean draft, int... capacities) {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		List<Map<String, Object>> shifts = new ArrayList<>();
		for (int capacity : capacities) {
			shifts.add(shift(start, start.plus(Duration.ofHours(3)), capacity));
		}
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Canvass for Sarah Unsicker");
		body.put("type", "CANVASS");
		body.put("state", state);
		if (chapterId != null) {
			body.put("chapterId", chapterId);
		}
		body.put("location", "Tower Grove Park, St. Louis");
		body.put("draft", draft);
		body.put("shifts", shifts);
		return body;
	}

	static Map<String, Object> shift(Instant startsAt, Instant endsAt, int capacity) {
		Map<String, Object> shift = new HashMap<>();
		shift.put("startsAt", startsAt.toString());
		shift.put("endsAt", endsAt.toString());
		shift.put("capacity", capacity);
		return shift;
	}

	JsonNode createOpportunity(String token, Map<String, Object> body) {
		return body(expect(call(HttpMethod.POST, "/api/opportunities", token, body), 201));
	}

	/**
	 * Creates an open opportunity of the chapter with one shift, and answers the shift
	 * id.
	 */
	String openShift(String chapterId, int capacity) {
		return createOpportunity(TestTokens.staff(), opportunity(chapterId, "MO", false, capacity)).get("shifts")
			.get(0)
			.get("id")
			.asString();
	}

	RestTestClientResponse rsvp(String shiftId, String volunteerId) {
		return call(HttpMethod.POST, "/api/shifts/" + shiftId + "/signups", null, Map.of("volunteerId", volunteerId));
	}

	JsonNode roster(String shiftId) {
		return body(expect(
				call(HttpMethod.GET, "/api/shifts/" + shiftId + "/signups?size=1000", TestTokens.staff(), null), 200));
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

	static KafkaConsumer<String, byte[]> topicConsumer() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "shift-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(TOPIC));
		return consumer;
	}

	/** The events read from the topic so far, by id (delivery is at-least-once). */
	static final class Events {

		private final KafkaConsumer<String, byte[]> consumer = topicConsumer();

		private final Map<String, ConsumerRecord<String, byte[]>> seen = new java.util.LinkedHashMap<>();

		private final JsonMapper json = JsonMapper.builder().build();

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
