package org.groundgame.volunteer.volunteer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.bson.Document;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing up, again, concurrently, and erasure, over the real broker and store; the
 * events are read back from the topic.
 */
@VolunteerServiceIntegrationTest
class VolunteerSignUpIntegrationTests {

	private static final String TOPIC = "groundgame.volunteer.events";

	private static final String SIGNED_UP = "org.groundgame.volunteer.VolunteerSignedUp.v1";

	private static final String UPDATED = "org.groundgame.volunteer.VolunteerUpdated.v1";

	private static final String ERASED = "org.groundgame.volunteer.VolunteerErased.v1";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	private KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private String chapter;

	private String suffix;

	@BeforeEach
	void registerAChapterAndListen() {
		this.consumer = volunteerEventsConsumer();
		this.chapter = registerChapter();
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void stopListening() {
		this.consumer.close();
	}

	@Test
	void aSignUpIsAnsweredWithWhatWasSentAndAnnouncedOnceAsAFirstSignUp() {
		double firstBefore = signUps("true");
		String email = "ada-" + this.suffix + "@example.org";

		RestTestClientResponse response = signUp(body(email, "(314) 555-0123", true, false));

		assertThat(response).hasStatus(HttpStatus.CREATED);
		JsonNode answer = this.json.readTree(response.getExchangeResult().getResponseBodyContent());
		String id = answer.get("id").asString();
		assertThat(response).hasHeader("Location", "/api/volunteers/" + id);
		assertThat(answer.get("email").asString()).isEqualTo(email);
		assertThat(answer.get("phone").asString()).isEqualTo("+13145550123");
		assertThat(answer.get("consent").get("email").get("status").asString()).isEqualTo("OPT_IN");
		assertThat(answer.get("consent").get("sms").get("status").asString()).isEqualTo("OPT_OUT");

		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 1);
		ConsumerRecord<String, byte[]> record = records.get(0);
		assertThat(header(record, "ce_type")).isEqualTo(SIGNED_UP);
		assertThat(header(record, "ce_subject")).isEqualTo(id);
		JsonNode data = this.json.readTree(record.value());
		assertThat(data.get("volunteerId").asString()).isEqualTo(id);
		assertThat(data.get("chapterId").asString()).isEqualTo(this.chapter);
		assertThat(data.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(data.get("email").asString()).isEqualTo(email);
		assertThat(data.get("state").asString()).isEqualTo("MO");
		assertThat(data.get("firstSignUp").asBoolean()).isTrue();
		assertThat(data.get("consent").get("email").asBoolean()).isTrue();
		assertThat(data.get("consent").get("sms").asBoolean()).isFalse();
		assertThat(data.has("phone") || data.has("zip") || data.has("interests")).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.findById(id, VolunteerDocument.class).getOutbox()).isEmpty());
		assertThat(signUps("true")).isEqualTo(firstBefore + 1);
	}

	@Test
	void signingUpAgainWithTheSameAddressUpdatesTheSameVolunteerAndAnswersTheSameWay() {
		String email = "grace-" + this.suffix + "@example.org";
		RestTestClientResponse first = signUp(body(email, "(314) 555-0123", false, null));
		String id = this.json.readTree(first.getExchangeResult().getResponseBodyContent()).get("id").asString();

		Map<String, Object> again = body("  " + email.toUpperCase() + " ", "314.555.0199", true, null);
		again.put("name", "Grace Hopper");
		RestTestClientResponse second = signUp(again);

		assertThat(second).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/volunteers/" + id);
		// The same shape for the same fields sent, known address or not.
		assertThat(fieldNames(second)).isEqualTo(fieldNames(first));
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 2);
		assertThat(records).extracting((record) -> header(record, "ce_type")).containsExactly(SIGNED_UP, UPDATED);
		JsonNode update = this.json.readTree(records.get(1).value());
		assertThat(update.get("volunteerId").asString()).isEqualTo(id);
		assertThat(update.get("name").asString()).isEqualTo("Grace Hopper");
		assertThat(update.get("chapterId").asString()).isEqualTo(this.chapter);
		assertThat(update.get("previousChapterId").asString()).isEqualTo(this.chapter);
		assertThat(update.get("consent").get("email").asBoolean()).isTrue();
		assertThat(update.has("phone") || update.has("zip") || update.has("interests")).isFalse();
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is(email)), VolunteerDocument.class))
			.isOne();
		Volunteer stored = this.mongo.findById(id, VolunteerDocument.class).toVolunteer();
		assertThat(stored.name()).isEqualTo("Grace Hopper");
		assertThat(stored.phone()).isEqualTo("+13145550199");
		assertThat(stored.emailConsent().status()).isEqualTo(ConsentStatus.OPT_IN);
	}

	@Test
	void concurrentSignUpsWithOneAddressLeaveOneVolunteerAndOneFirstSignUpTheRestUpdates() throws Exception {
		int people = 16;
		String email = "rush-" + this.suffix + "@example.org";
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RestTestClientResponse>> signUps = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			String spelled = switch (i % 4) {
				case 0 -> email;
				case 1 -> email.toUpperCase();
				case 2 -> "  " + email + " ";
				default -> " " + email.toUpperCase() + "\t";
			};
			signUps.add(() -> {
				start.await();
				return signUp(body(spelled, null, true, null));
			});
		}
		List<String> ids = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(people)) {
			List<Future<RestTestClientResponse>> answers = signUps.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<RestTestClientResponse> answer : answers) {
				RestTestClientResponse response = answer.get();
				assertThat(response).hasStatus(HttpStatus.CREATED);
				ids.add(this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString());
			}
		}

		assertThat(ids).containsOnly(ids.get(0));
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is(email)), VolunteerDocument.class))
			.isOne();
		// At-least-once: count events, not deliveries (an event may come twice, so wait
		// for every distinct one rather than for as many records).
		Map<String, String> typeByEvent = new HashMap<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			awaitRecords(ids.get(0), 1)
				.forEach((record) -> typeByEvent.put(header(record, "ce_id"), header(record, "ce_type")));
			assertThat(typeByEvent).hasSize(people);
		});
		assertThat(typeByEvent.values()).filteredOn(SIGNED_UP::equals).hasSize(1);
		assertThat(typeByEvent.values()).filteredOn(UPDATED::equals).hasSize(people - 1);
	}

	@Test
	void erasureKeepsNoPersonalDataAndIsAnnounced() {
		String email = "erase-" + this.suffix + "@example.org";
		String id = this.json
			.readTree(signUp(body(email, "(816) 555-0142", true, true)).getExchangeResult().getResponseBodyContent())
			.get("id")
			.asString();
		awaitRecords(id, 1);

		RestTestClientResponse erased = call("DELETE", "/api/volunteers/" + id, TestTokens.chapter(this.chapter));

		assertThat(erased).hasStatus(HttpStatus.NO_CONTENT);
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 2);
		assertThat(header(records.get(1), "ce_type")).isEqualTo(ERASED);
		assertThat(this.json.readTree(records.get(1).value()).get("volunteerId").asString()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.findById(id, VolunteerDocument.class).getOutbox()).isEmpty());
		Document raw = this.mongo.findById(id, Document.class, VolunteerDocument.COLLECTION);
		assertThat(raw).isNotNull();
		assertThat(raw.toJson()).doesNotContainIgnoringCase(email)
			.doesNotContainIgnoringCase("erase-" + this.suffix)
			.doesNotContain("Ada Lovelace")
			.doesNotContain("Lovelace")
			.doesNotContain("8165550142")
			.doesNotContain("63101");
		assertThat(raw.get("erasedAt")).isNotNull();
		assertThat(call("GET", "/api/volunteers/" + id, TestTokens.staff())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("DELETE", "/api/volunteers/" + id, TestTokens.staff())).hasStatus(HttpStatus.NOT_FOUND);

		// The person may sign up afresh: a new volunteer.
		RestTestClientResponse afresh = signUp(body(email, null, null, null));
		assertThat(afresh).hasStatus(HttpStatus.CREATED);
		assertThat(this.json.readTree(afresh.getExchangeResult().getResponseBodyContent()).get("id").asString())
			.isNotEqualTo(id);
	}

	@Test
	void movingAVolunteerToAnotherChapterIsAnnouncedAsAnUpdateFromTheChapterLeft() {
		String id = this.json
			.readTree(signUp(body("move-" + this.suffix + "@example.org", null, null, null)).getExchangeResult()
				.getResponseBodyContent())
			.get("id")
			.asString();
		String other = registerChapter();

		RestTestClientResponse moved = RestTestClientResponse.from(this.client.put()
			.uri("/api/volunteers/{id}/chapter", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("chapterId", other))
			.exchange());

		assertThat(moved).hasStatusOk();
		assertThat(moved).bodyJson().extractingPath("$.chapterId").isEqualTo(other);
		ConsumerRecord<String, byte[]> record = awaitRecords(id, 2).get(1);
		assertThat(header(record, "ce_type")).isEqualTo(UPDATED);
		JsonNode data = this.json.readTree(record.value());
		assertThat(data.get("chapterId").asString()).isEqualTo(other);
		assertThat(data.get("previousChapterId").asString()).isEqualTo(this.chapter);
		assertThat(call("GET", "/api/volunteers/" + id, TestTokens.chapter(this.chapter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("GET", "/api/volunteers/" + id, TestTokens.chapter(other))).hasStatusOk();
	}

	@Test
	void aChapterMayHandAMemberOnButNotTakeInAnotherChaptersMember() {
		String id = this.json
			.readTree(signUp(body("hand-" + this.suffix + "@example.org", null, null, null)).getExchangeResult()
				.getResponseBodyContent())
			.get("id")
			.asString();
		String other = registerChapter();

		assertThat(move(id, this.chapter, TestTokens.chapter(other))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(move(id, other, TestTokens.chapter(other))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(move(id, "no-such-chapter", TestTokens.chapter(this.chapter))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("chapterId");
		Long versionBefore = this.mongo.findById(id, VolunteerDocument.class).getVersion();
		// Moving a volunteer to the chapter they are in changes nothing and tells nobody.
		assertThat(move(id, this.chapter, TestTokens.chapter(this.chapter))).hasStatusOk();
		assertThat(this.mongo.findById(id, VolunteerDocument.class).getVersion()).isEqualTo(versionBefore);
		assertThat(move(id, other, TestTokens.chapter(this.chapter))).hasStatusOk();
		assertThat(this.mongo.findById(id, VolunteerDocument.class).toVolunteer().chapterId()).isEqualTo(other);
	}

	private RestTestClientResponse move(String id, String chapterId, String token) {
		return RestTestClientResponse.from(this.client.put()
			.uri("/api/volunteers/{id}/chapter", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("chapterId", chapterId))
			.exchange());
	}

	@Test
	void aChapterListsItsOwnMembersOnlyAndItsTotalsCountOnlyThem() {
		String other = registerChapter();
		signUp(body("m1-" + this.suffix + "@example.org", null, null, null));
		Map<String, Object> canvasser = body("m2-" + this.suffix + "@example.org", null, null, null);
		canvasser.put("interests", List.of("DATA"));
		signUp(canvasser);
		Map<String, Object> elsewhere = body("m3-" + this.suffix + "@example.org", null, null, null);
		elsewhere.put("chapterId", other);
		signUp(elsewhere);

		RestTestClientResponse own = call("GET", "/api/volunteers", TestTokens.chapter(this.chapter));
		assertThat(own).hasStatusOk();
		assertThat(own).bodyJson().extractingPath("$.page.totalElements").isEqualTo(2);
		assertThat(own).bodyJson().extractingPath("$.content[*].chapterId").asArray().containsOnly(this.chapter);
		assertThat(call("GET", "/api/volunteers?interest=data", TestTokens.chapter(this.chapter))).bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(1);
		assertThat(call("GET", "/api/volunteers?chapterId=" + other, TestTokens.chapter(this.chapter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("GET", "/api/volunteers?chapterId=" + other, TestTokens.staff())).bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(1);
		assertThat(call("GET", "/api/volunteers?email=M3-" + this.suffix + "@EXAMPLE.org", TestTokens.staff()))
			.bodyJson()
			.extractingPath("$.content[0].chapterId")
			.isEqualTo(other);
	}

	@Test
	void badInputIsAProblemNamingEveryFieldAtFaultAndStoresNothing() {
		long before = this.mongo.count(new Query(), VolunteerDocument.class);
		Map<String, Object> bad = new HashMap<>();
		bad.put("name", "x".repeat(201));
		bad.put("email", "not-an-address");
		bad.put("phone", "555-01");
		bad.put("zip", "ABCDE");
		bad.put("state", "ZZ");
		bad.put("chapterId", "no-such-chapter");
		bad.put("interests", List.of("CANVASSING", "KNITTING"));
		bad.put("consent", Map.of("email", "perhaps"));

		RestTestClientResponse response = signUp(bad);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("name", "email", "phone", "zip", "state", "chapterId", "interests",
					"consent.email");
		assertThat(this.mongo.count(new Query(), VolunteerDocument.class)).isEqualTo(before);
	}

	private Map<String, Object> body(String email, String phone, Boolean emailConsent, Boolean smsConsent) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Ada Lovelace");
		body.put("email", email);
		if (phone != null) {
			body.put("phone", phone);
		}
		body.put("zip", "63101");
		body.put("state", "MO");
		body.put("chapterId", this.chapter);
		body.put("interests", List.of("CANVASSING", "PHONE_BANKING"));
		Map<String, Object> consent = new HashMap<>();
		if (emailConsent != null) {
			consent.put("email", emailConsent);
		}
		if (smsConsent != null) {
			consent.put("sms", smsConsent);
		}
		body.put("consent", consent);
		body.put("source", "integration-test");
		return body;
	}

	private RestTestClientResponse signUp(Map<String, Object> body) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/api/volunteers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse call(String method, String uri, String token) {
		return RestTestClientResponse.from(this.client.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange());
	}

	private String registerChapter() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/api/chapters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Volunteer Test " + UUID.randomUUID(), "state", "MO", "city", "St. Louis",
					"contactEmail", "chapter@example.org"))
			.exchange());
		assertThat(response).hasStatus(HttpStatus.CREATED);
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();
	}

	private List<String> fieldNames(RestTestClientResponse response) {
		List<String> names = new ArrayList<>(
				this.json.readTree(response.getExchangeResult().getResponseBodyContent()).propertyNames());
		names.sort(null);
		return names;
	}

	private double signUps(String first) {
		var counter = this.meters.find("groundgame.volunteer.signups").tag("first", first).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Waits for at least {@code count} events keyed by a volunteer's id, oldest first,
	 * each once: delivery is at-least-once, so the same event (the same {@code ce_id})
	 * may be on the topic twice.
	 */
	private List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			Map<String, ConsumerRecord<String, byte[]>> byEvent = new LinkedHashMap<>();
			this.seen.stream()
				.filter((record) -> key.equals(record.key()))
				.forEach((record) -> byEvent.putIfAbsent(header(record, "ce_id"), record));
			return List.copyOf(byEvent.values());
		}, (records) -> records.size() >= count);
	}

	private static KafkaConsumer<String, byte[]> volunteerEventsConsumer() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "volunteer-sign-up-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(TOPIC));
		return consumer;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse(null);
	}

}
