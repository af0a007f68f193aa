package org.groundgame.volunteer.chapter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@VolunteerServiceIntegrationTest
class ChapterRegistrationIntegrationTests {

	private static final String TOPIC = "groundgame.volunteer.events";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private RegisteredChapters registeredChapters;

	@BeforeEach
	void startWithNoChapters() {
		this.mongo.remove(new Query(), ChapterDocument.class);
	}

	@Test
	void aRegisteredChapterIsAnnouncedAsACloudEventKeyedByItsIdAndLeavesTheOutbox() {
		double registeredBefore = registeredCount();
		try (KafkaConsumer<String, byte[]> consumer = volunteerEventsConsumer()) {
			RestTestClientResponse response = register("Mobilize Missouri", "MO", "St. Louis",
					"info@mobilizemissouri.org");

			assertThat(response).hasStatus(HttpStatus.CREATED);
			String id = this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();
			assertThat(response).hasHeader("Location", "/api/chapters/" + id);

			ConsumerRecord<String, byte[]> record = awaitRecordKeyed(consumer, id);
			assertThat(header(record, "ce_type")).isEqualTo("org.groundgame.volunteer.ChapterRegistered.v1");
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(header(record, "ce_source")).isEqualTo("/groundgame/volunteer-service");
			assertThat(header(record, "ce_subject")).isEqualTo(id);
			assertThat(header(record, "ce_id")).isNotBlank();
			assertThat(header(record, "ce_time")).isNotBlank();
			JsonNode data = this.json.readTree(record.value());
			assertThat(data.get("eventId").asString()).isEqualTo(header(record, "ce_id"));
			assertThat(data.get("chapterId").asString()).isEqualTo(id);
			assertThat(data.get("name").asString()).isEqualTo("Mobilize Missouri");
			assertThat(data.get("state").asString()).isEqualTo("MO");
			assertThat(data.get("city").asString()).isEqualTo("St. Louis");
			assertThat(data.get("contactEmail").asString()).isEqualTo("info@mobilizemissouri.org");

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.mongo.findById(id, ChapterDocument.class).getOutbox()).isEmpty());
			assertThat(registeredCount()).isEqualTo(registeredBefore + 1);

			RestTestClientResponse read = RestTestClientResponse
				.from(this.client.get().uri("/api/chapters/{id}", id).exchange());
			assertThat(read).hasStatusOk();
			assertThat(read).bodyJson()
				.isEqualTo(new String(response.getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8));

			// Announced once: every raw record keyed by the chapter up to a barrier, an
			// update of it (same key, same partition, after the registration in its
			// outbox).
			assertThat(RestTestClientResponse.from(this.client.put()
				.uri("/api/chapters/{id}", id)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "Mobilize Missouri", "state", "MO", "city", "St. Louis", "contactEmail",
						"info@mobilizemissouri.org"))
				.exchange())).hasStatus(HttpStatus.OK);
			assertThat(recordsBefore(consumer, id, "org.groundgame.volunteer.ChapterUpdated.v1"))
				.extracting((each) -> header(each, "ce_type"))
				.containsExactly("org.groundgame.volunteer.ChapterRegistered.v1");
		}
	}

	@Test
	void concurrentRegistrationsOfOneNameInOneStateLeaveExactlyOneChapter() throws Exception {
		int registrars = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Integer>> registrations = new ArrayList<>();
		for (int i = 0; i < registrars; i++) {
			// The same name, spelled as different registrars would type it.
			String name = (i % 3 == 0) ? "Tenants United" : (i % 3 == 1) ? " tenants united " : "TENANTS  UNITED";
			registrations.add(() -> {
				start.await();
				return register(name, "MO", "Kansas City", "kc@tenantsunited.org").getExchangeResult()
					.getStatus()
					.value();
			});
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(registrars)) {
			List<Future<Integer>> answers = registrations.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
		}

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(registrars - 1);
		assertThat(this.mongo.count(Query.query(Criteria.where("state").is("MO").and("nameKey").is("tenants united")),
				ChapterDocument.class))
			.isOne();
	}

	@Test
	void aSecondChapterOfTheSameNameInTheStateIsAConflictThatChangesNothing() {
		assertThat(register("Mid-Missouri Progressives", "MO", "Columbia", "hello@midmo.org"))
			.hasStatus(HttpStatus.CREATED);

		RestTestClientResponse duplicate = register("mid-missouri progressives", "mo", "Jefferson City",
				"other@midmo.org");

		assertThat(duplicate).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(duplicate).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("A chapter named 'mid-missouri progressives' is already registered in MO");
		assertThat(this.mongo.findAll(ChapterDocument.class)).singleElement()
			.satisfies((chapter) -> assertThat(chapter.toChapter().city()).isEqualTo("Columbia"));
	}

	@Test
	void theSameNameMayBeRegisteredInAnotherState() {
		assertThat(register("Our Revolution", "MO", "St. Joseph", "stjoe@example.org")).hasStatus(HttpStatus.CREATED);
		assertThat(register("Our Revolution", "KS", "Wichita", "ict@example.org")).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void theChaptersOfAStateAreListedByNamePageByPage() {
		register("central Vermont", "VT", "Montpelier", "cv@example.org");
		register("Addison County", "VT", "Middlebury", "ac@example.org");
		register("Burlington", "VT", "Burlington", "btv@example.org");
		register("Boston", "MA", "Boston", "bos@example.org");

		RestTestClientResponse first = list("/api/chapters?state=vt&size=2");
		assertThat(first).hasStatusOk();
		assertThat(first).bodyJson()
			.extractingPath("$.content[*].name")
			.asArray()
			.containsExactly("Addison County", "Burlington");
		assertThat(first).bodyJson()
			.extractingPath("$.page")
			.isEqualTo(Map.of("number", 0, "size", 2, "totalElements", 3, "totalPages", 2));

		RestTestClientResponse second = list("/api/chapters?state=VT&size=2&page=1");
		assertThat(second).bodyJson().extractingPath("$.content[*].name").asArray().containsExactly("central Vermont");

		RestTestClientResponse everywhere = list("/api/chapters");
		assertThat(everywhere).bodyJson()
			.extractingPath("$.content[*].name")
			.asArray()
			.containsExactly("Addison County", "Boston", "Burlington", "central Vermont");
		assertThat(everywhere).bodyJson().extractingPath("$.page.size").isEqualTo(20);
	}

	@Test
	void aStateWithoutChaptersIsAnEmptyPage() {
		RestTestClientResponse response = list("/api/chapters?state=WY");

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isEqualTo("""
				{"content":[],"page":{"number":0,"size":20,"totalElements":0,"totalPages":0}}""");
	}

	@Test
	void theServerChoosesTheIdWhateverTheBodySays() {
		RestTestClientResponse response = register(Map.of("name", "Show Me Progress", "state", "MO", "city",
				"Springfield", "contactEmail", "hi@showmeprogress.org", "id", "chosen-by-the-client", "status",
				"APPROVED", "registeredAt", "1999-01-01T00:00:00Z"));

		assertThat(response).hasStatus(HttpStatus.CREATED);
		String id = this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();
		assertThat(id).isNotBlank().isNotEqualTo("chosen-by-the-client");
		assertThat(response).hasHeader("Location", "/api/chapters/" + id);
		assertThat(response).bodyJson().doesNotHavePath("$.status");
		assertThat(response).bodyJson().extractingPath("$.registeredAt").asString().doesNotStartWith("1999");
		assertThat(list("/api/chapters/chosen-by-the-client")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mongo.findAll(ChapterDocument.class)).singleElement()
			.satisfies((chapter) -> assertThat(chapter.getId()).isEqualTo(id));
	}

	@Test
	void otherFeaturesLearnInWhichStateARegisteredChapterIs() {
		RestTestClientResponse response = register("Kansas City Progressives", "mo", "Kansas City", "kc@example.org");
		String id = this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();

		assertThat(this.registeredChapters.stateOf(id)).contains("MO");
		assertThat(this.registeredChapters.stateOf("no-such-chapter")).isEmpty();
		assertThat(this.registeredChapters.stateOf(null)).isEmpty();
	}

	@Test
	void anUnknownChapterIsAProblem() {
		RestTestClientResponse response = list("/api/chapters/" + UUID.randomUUID());

		assertThat(response).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private RestTestClientResponse register(String name, String state, String city, String contactEmail) {
		return register(Map.of("name", name, "state", state, "city", city, "contactEmail", contactEmail));
	}

	/** Registers as national staff, the only ones who may. */
	private RestTestClientResponse register(Map<String, String> body) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/api/chapters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse list(String uri) {
		return RestTestClientResponse.from(this.client.get().uri(uri).exchange());
	}

	private double registeredCount() {
		return this.meters.get("groundgame.volunteer.chapters.registered").counter().count();
	}

	private static KafkaConsumer<String, byte[]> volunteerEventsConsumer() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "chapter-registration-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(TOPIC));
		return consumer;
	}

	private static ConsumerRecord<String, byte[]> awaitRecordKeyed(KafkaConsumer<String, byte[]> consumer, String key) {
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
			return seen.stream().filter((record) -> key.equals(record.key())).findFirst();
		}, Optional::isPresent).orElseThrow();
	}

	/**
	 * Every raw record keyed by the key (none de-duplicated) before the first of the
	 * barrier's type, read from the start of the topic.
	 */
	private static List<ConsumerRecord<String, byte[]>> recordsBefore(KafkaConsumer<String, byte[]> consumer,
			String key, String barrierType) {
		consumer.seekToBeginning(consumer.assignment());
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		List<ConsumerRecord<String, byte[]>> keyed = await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
			return seen.stream().filter((record) -> key.equals(record.key())).toList();
		}, (read) -> read.stream().anyMatch((record) -> barrierType.equals(header(record, "ce_type"))));
		List<String> types = keyed.stream().map((record) -> header(record, "ce_type")).toList();
		return keyed.subList(0, types.indexOf(barrierType));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse(null);
	}

}
