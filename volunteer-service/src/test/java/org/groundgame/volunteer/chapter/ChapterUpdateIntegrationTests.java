package org.groundgame.volunteer.chapter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Updating chapters and their sisters over the real broker and store; the events are read
 * back from the topic. Every chapter's name carries a suffix of its test, as the store
 * outlives each test.
 */
@VolunteerServiceIntegrationTest
class ChapterUpdateIntegrationTests {

	private static final String TOPIC = "groundgame.volunteer.events";

	private static final String UPDATED = "org.groundgame.volunteer.ChapterUpdated.v1";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private String suffix;

	@BeforeEach
	void listen() {
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "chapter-update-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(TOPIC));
	}

	@AfterEach
	void stopListening() {
		this.consumer.close();
	}

	@Test
	void aChapterUpdatesItsDetailsAndTheUpdateIsAnnouncedWithAllOfThem() {
		String columbia = register("Columbia " + this.suffix, "Columbia", null, List.of());
		String mobilize = register("Mobilize Missouri " + this.suffix, "St. Louis", null, List.of());

		RestTestClientResponse updated = update(mobilize, TestTokens.chapter(mobilize),
				details("Mobilize Missouri Action " + this.suffix, "mo", "Saint Louis", "Our Revolution",
						List.of(columbia, columbia)));

		assertThat(updated).hasStatusOk();
		assertThat(updated).bodyJson().extractingPath("$.id").isEqualTo(mobilize);
		assertThat(updated).bodyJson().extractingPath("$.city").isEqualTo("Saint Louis");
		assertThat(updated).bodyJson().extractingPath("$.state").isEqualTo("MO");
		assertThat(updated).bodyJson().extractingPath("$.parentOrganization").isEqualTo("Our Revolution");
		assertThat(updated).bodyJson().extractingPath("$.sisterChapterIds").asArray().containsExactly(columbia);
		assertThat(updated).bodyJson().extractingPath("$.sisterChapters[*].id").asArray().containsExactly(columbia);

		ConsumerRecord<String, byte[]> record = awaitRecord(mobilize, UPDATED);
		assertThat(header(record, "ce_subject")).isEqualTo(mobilize);
		JsonNode data = this.json.readTree(record.value());
		assertThat(data.get("chapterId").asString()).isEqualTo(mobilize);
		assertThat(data.get("name").asString()).isEqualTo("Mobilize Missouri Action " + this.suffix);
		assertThat(data.get("state").asString()).isEqualTo("MO");
		assertThat(data.get("city").asString()).isEqualTo("Saint Louis");
		assertThat(data.get("contactEmail").asString()).isEqualTo("info@example.org");
		assertThat(data.get("parentOrganization").asString()).isEqualTo("Our Revolution");
		List<String> sisters = new ArrayList<>();
		data.get("sisterChapterIds").forEach((sister) -> sisters.add(sister.asString()));
		assertThat(sisters).containsExactly(columbia);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.mongo.findById(mobilize, ChapterDocument.class).getOutbox()).isEmpty());

		RestTestClientResponse read = get("/api/chapters/" + mobilize);
		assertThat(read).bodyJson()
			.isStrictlyEqualTo(
					new String(updated.getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8));
	}

	@Test
	void sisterChaptersAreShownBothWays() {
		String columbia = register("Columbia " + this.suffix, "Columbia", null, List.of());
		String kansasCity = register("Kansas City " + this.suffix, "Kansas City", null, List.of());
		String mobilize = register("Mobilize Missouri " + this.suffix, "St. Louis", "Our Revolution",
				List.of(kansasCity, columbia));
		String stJoseph = register("St. Joseph " + this.suffix, "St. Joseph", "Our Revolution", List.of(mobilize));

		RestTestClientResponse mobilizeMissouri = get("/api/chapters/" + mobilize);
		assertThat(mobilizeMissouri).bodyJson()
			.extractingPath("$.sisterChapterIds")
			.asArray()
			.containsExactly(kansasCity, columbia);
		// Those it names and the one naming it, by name.
		assertThat(mobilizeMissouri).bodyJson()
			.extractingPath("$.sisterChapters[*].id")
			.asArray()
			.containsExactly(columbia, kansasCity, stJoseph);
		assertThat(mobilizeMissouri).bodyJson()
			.extractingPath("$.sisterChapters[0]")
			.isEqualTo(Map.of("id", columbia, "name", "Columbia " + this.suffix, "city", "Columbia", "state", "MO"));

		RestTestClientResponse columbiaChapter = get("/api/chapters/" + columbia);
		assertThat(columbiaChapter).bodyJson().extractingPath("$.sisterChapterIds").asArray().isEmpty();
		assertThat(columbiaChapter).bodyJson()
			.extractingPath("$.sisterChapters[*].id")
			.asArray()
			.containsExactly(mobilize);

		RestTestClientResponse listed = get("/api/chapters?state=MO&size=100");
		assertThat(listed).bodyJson()
			.extractingPath("$.content[?(@.id == '" + kansasCity + "')].sisterChapters[*].id")
			.asArray()
			.containsExactly(mobilize);
		assertThat(listed).bodyJson()
			.extractingPath("$.content[?(@.id == '" + stJoseph + "')].sisterChapters[*].id")
			.asArray()
			.containsExactly(mobilize);

		// Mobilize Missouri no longer names Columbia: neither shows the other.
		assertThat(update(mobilize, TestTokens.staff(),
				details("Mobilize Missouri " + this.suffix, null, "St. Louis", null, List.of(kansasCity))))
			.hasStatusOk();
		assertThat(get("/api/chapters/" + columbia)).bodyJson().extractingPath("$.sisterChapters").asArray().isEmpty();
		assertThat(get("/api/chapters/" + mobilize)).bodyJson()
			.extractingPath("$.sisterChapters[*].id")
			.asArray()
			.containsExactly(kansasCity, stJoseph);
	}

	@Test
	void aRegistrationNamingAnUnknownSisterIsAProblemThatStoresNothing() {
		String columbia = register("Columbia " + this.suffix, "Columbia", null, List.of());

		RestTestClientResponse response = post(
				details("Nowhere " + this.suffix, "MO", "Nowhere", null, List.of(columbia, "no-such-chapter")));

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("sisterChapterIds[1]");
		assertThat(get("/api/chapters?state=MO&size=100")).bodyJson()
			.extractingPath("$.content[*].name")
			.asArray()
			.doesNotContain("Nowhere " + this.suffix);
	}

	@Test
	void aRefusedUpdateNamesEveryFieldAtFaultAndChangesNothing() {
		String columbia = register("Columbia " + this.suffix, "Columbia", null, List.of());
		ChapterDocument before = this.mongo.findById(columbia, ChapterDocument.class);

		Map<String, Object> bad = details(" ", "KS", "Columbia", "x".repeat(201), List.of("no-such-chapter", columbia));
		bad.put("contactEmail", "not-an-address");
		RestTestClientResponse response = update(columbia, TestTokens.chapter(columbia), bad);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("state", "name", "contactEmail", "parentOrganization", "sisterChapterIds[0]",
					"sisterChapterIds[1]");
		ChapterDocument after = this.mongo.findById(columbia, ChapterDocument.class);
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
		assertThat(after.toChapter()).isEqualTo(before.toChapter());
	}

	@Test
	void renamingAChapterAfterAnotherOfItsStateIsAConflict() {
		register("Columbia " + this.suffix, "Columbia", null, List.of());
		String other = register("Jefferson City " + this.suffix, "Jefferson City", null, List.of());

		RestTestClientResponse response = update(other, TestTokens.staff(),
				details("  columbia   " + this.suffix.toUpperCase(), "MO", "Jefferson City", null, List.of()));

		assertThat(response).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mongo.findById(other, ChapterDocument.class).toChapter().name().value())
			.isEqualTo("Jefferson City " + this.suffix);
		assertThat(this.mongo.findById(other, ChapterDocument.class).getOutbox())
			.noneMatch((event) -> event.type().equals(UPDATED));
	}

	@Test
	void anUnknownChapterIsNotFoundForStaffAndForbiddenToAChapter() {
		Map<String, Object> body = details("Ghost " + this.suffix, "MO", "Nowhere", null, List.of());

		assertThat(update("no-such-chapter", TestTokens.staff(), body)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(update("no-such-chapter", TestTokens.chapter("some-chapter"), body)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void concurrentUpdatesOfOneChapterAreAppliedOneAfterAnother() throws Exception {
		String chapter = register("Springfield " + this.suffix, "Springfield", null, List.of());
		long versionBefore = this.mongo.findById(chapter, ChapterDocument.class).getVersion();
		int editors = 6;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Integer>> updates = new ArrayList<>();
		for (int i = 0; i < editors; i++) {
			Map<String, Object> body = details("Springfield " + this.suffix, "MO", "Springfield " + i, null, List.of());
			updates.add(() -> {
				start.await();
				return update(chapter, TestTokens.staff(), body).getExchangeResult().getStatus().value();
			});
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(editors)) {
			List<Future<Integer>> answers = updates.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
		}

		assertThat(statuses).containsOnly(200);
		ChapterDocument stored = this.mongo.findById(chapter, ChapterDocument.class);
		assertThat(stored.getVersion()).isEqualTo(versionBefore + editors);
		assertThat(stored.toChapter().city()).startsWith("Springfield ");
		// Each update published once: every raw record up to a barrier, one more update
		// of the same chapter (same key, same partition, after the others in its outbox).
		assertThat(update(chapter, TestTokens.staff(),
				details("Springfield " + this.suffix, "MO", "Barrier", null, List.of())))
			.hasStatus(HttpStatus.OK);
		List<String> cities = await().atMost(Duration.ofSeconds(30)).until(() -> {
			pollInto(this.seen);
			return this.seen.stream()
				.filter((record) -> chapter.equals(record.key()) && UPDATED.equals(header(record, "ce_type")))
				.map((record) -> this.json.readTree(record.value()).get("city").asString())
				.toList();
		}, (read) -> read.contains("Barrier"));
		List<String> beforeTheBarrier = cities.subList(0, cities.indexOf("Barrier"));
		assertThat(beforeTheBarrier).hasSize(editors).doesNotHaveDuplicates();
	}

	private String register(String name, String city, String parentOrganization, List<String> sisters) {
		RestTestClientResponse response = post(details(name, "MO", city, parentOrganization, sisters));
		assertThat(response).hasStatus(HttpStatus.CREATED);
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();
	}

	private static Map<String, Object> details(String name, String state, String city, String parentOrganization,
			List<String> sisters) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("state", state);
		body.put("city", city);
		body.put("contactEmail", "info@example.org");
		body.put("parentOrganization", parentOrganization);
		body.put("sisterChapterIds", sisters);
		return body;
	}

	private RestTestClientResponse post(Map<String, Object> body) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/api/chapters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse update(String id, String token, Map<String, Object> body) {
		return RestTestClientResponse.from(this.client.put()
			.uri("/api/chapters/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse get(String uri) {
		return RestTestClientResponse.from(this.client.get().uri(uri).exchange());
	}

	private void pollInto(List<ConsumerRecord<String, byte[]>> records) {
		this.consumer.poll(Duration.ofMillis(200)).forEach(records::add);
	}

	private ConsumerRecord<String, byte[]> awaitRecord(String key, String type) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			pollInto(this.seen);
			return this.seen.stream()
				.filter((record) -> key.equals(record.key()) && type.equals(header(record, "ce_type")))
				.findFirst();
		}, java.util.Optional::isPresent).orElseThrow();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse(null);
	}

}
