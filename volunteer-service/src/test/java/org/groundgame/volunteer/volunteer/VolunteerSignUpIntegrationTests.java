package org.groundgame.volunteer.volunteer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing up, again (as an outsider, confirmed by the person, by staff), concurrently,
 * and erasure, over the real broker and store; the events are read back from the topic,
 * where the links e-mailed to the person are too.
 */
@VolunteerServiceIntegrationTest
class VolunteerSignUpIntegrationTests {

	private static final String TOPIC = "groundgame.volunteer.events";

	private static final String SIGNED_UP = "org.groundgame.volunteer.VolunteerSignedUp.v1";

	private static final String UPDATED = "org.groundgame.volunteer.VolunteerUpdated.v1";

	private static final String ERASED = "org.groundgame.volunteer.VolunteerErased.v1";

	private static final String LINK_ISSUED = "org.groundgame.volunteer.VolunteerLinkIssued.v1";

	private static final String CHANGE_REQUESTED = "org.groundgame.volunteer.VolunteerChangeRequested.v1";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private PersonalDataProtection protection;

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
	void aFirstSignUpIsAcceptedWithoutAnIdAndTheVolunteersLinkGoesOnlyToTheirAddress() {
		double firstBefore = signUps("true");
		String email = "ada-" + this.suffix + "@example.org";

		RestTestClientResponse response = signUp(body(email, "(314) 555-0123", true, false));

		assertThat(response).hasStatus(HttpStatus.ACCEPTED);
		assertThat(response.getExchangeResult().getResponseHeaders().getLocation()).isNull();
		JsonNode answer = answer(response);
		assertThat(answer.has("id")).isFalse();
		assertThat(answer.get("email").asString()).isEqualTo(email);
		assertThat(answer.get("phone").asString()).isEqualTo("+13145550123");
		assertThat(answer.get("consent").get("email").get("status").asString()).isEqualTo("OPT_IN");
		assertThat(answer.get("consent").get("sms").get("status").asString()).isEqualTo("OPT_OUT");
		assertThat(answer.toString()).doesNotContain("token").doesNotContain("calendar");

		String id = idOf(email);
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 2);
		assertThat(records).extracting((record) -> header(record, "ce_type")).containsExactly(SIGNED_UP, LINK_ISSUED);
		ConsumerRecord<String, byte[]> record = records.get(0);
		assertThat(header(record, "ce_subject")).isEqualTo(id);
		JsonNode data = this.json.readTree(record.value());
		assertThat(data.get("volunteerId").asString()).isEqualTo(id);
		assertThat(data.get("chapterId").asString()).isEqualTo(this.chapter);
		// Personal data travels sealed with the volunteer's own key; a consumer opens it.
		assertThat(data.get("name").asString()).startsWith("{pd:groundgame.volunteer.keys:" + id + "}");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Ada").doesNotContain(email);
		VolunteerSignedUp opened = this.protection.read(record.value(), VolunteerSignedUp.class);
		assertThat(opened.name()).isEqualTo("Ada Lovelace");
		assertThat(opened.email()).isEqualTo(email);
		assertThat(data.get("state").asString()).isEqualTo("MO");
		assertThat(data.get("firstSignUp").asBoolean()).isTrue();
		assertThat(data.get("consent").get("email").asBoolean()).isTrue();
		assertThat(data.get("consent").get("sms").asBoolean()).isFalse();
		assertThat(data.has("phone") || data.has("zip") || data.has("interests")).isFalse();
		// The private link and the calendar feed go to the address, in an event of their
		// own (the chapter's webhook gets VolunteerSignedUp, never the link).
		JsonNode link = opened(records.get(1));
		assertThat(link.get("email").asString()).isEqualTo(email);
		assertThat(link.get("manageUrl").asString()).startsWith("http://localhost:8080/volunteers/" + id + "#token=");
		assertThat(link.get("calendarUrl").asString())
			.startsWith("http://localhost:8080/api/volunteers/" + id + "/calendar.ics?token=");
		String key = tokenOf(link.get("manageUrl").asString());
		Document raw = this.mongo.findById(id, Document.class, VolunteerDocument.COLLECTION);
		assertThat(raw.getString("manageTokenHash")).isEqualTo(CapabilityTokens.hash(key));
		assertThat(raw.toJson()).doesNotContain(key);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.findById(id, VolunteerDocument.class).getOutbox()).isEmpty());
		assertThat(signUps("true")).isEqualTo(firstBefore + 1);
		// Announced once: every raw record up to a later event on the same key.
		assertThat(recordsBeforeABarrier(id)).extracting((each) -> header(each, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED);
	}

	/**
	 * Attack 2 of issue 15: an outsider signing up with someone else's address used to
	 * replace their name, phone, state and chapter, withdraw their consent and learn
	 * their id.
	 */
	@Test
	void anOutsiderSigningUpWithAKnownAddressChangesNothingAndLearnsNothing() {
		String email = "grace-" + this.suffix + "@example.org";
		RestTestClientResponse first = signUp(body(email, "(314) 555-0123", true, true));
		String id = idOf(email);
		awaitRecords(id, 2);
		Document before = this.mongo.findById(id, Document.class, VolunteerDocument.COLLECTION);
		String other = registerChapter();

		Map<String, Object> hostile = body("  " + email.toUpperCase() + " ", "(816) 555-0666", false, false);
		hostile.put("name", "Mallory Intruder");
		hostile.put("state", "KS");
		hostile.put("chapterId", other);
		RestTestClientResponse second = signUp(hostile);

		// The same answer as for a new address: status, shape, and nothing of the person.
		assertThat(second).hasStatus(HttpStatus.ACCEPTED);
		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		assertThat(second.getExchangeResult().getResponseHeaders().getLocation()).isNull();
		assertThat(fieldNames(second)).isEqualTo(fieldNames(first));
		assertThat(new String(second.getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8))
			.doesNotContain(id)
			.doesNotContain("Ada Lovelace")
			.doesNotContain("3145550123");
		assertThat(answer(second).get("name").asString()).isEqualTo("Mallory Intruder");

		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 3);
		assertThat(records).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, CHANGE_REQUESTED);
		JsonNode request = opened(records.get(2));
		assertThat(request.get("email").asString()).isEqualTo(email);
		// The person is greeted by the name they are known by; nothing the outsider typed
		// reaches their mailbox.
		assertThat(request.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(request.toString()).doesNotContain("Mallory").doesNotContain("8165550666").doesNotContain(other);
		assertThat(request.get("confirmUrl").asString()).startsWith("http://localhost:8080/volunteers/confirm#token=");
		assertThat(request.get("expiresAt").asString()).isNotBlank();
		Volunteer stored = this.mongo.findById(id, VolunteerDocument.class).toVolunteer();
		assertThat(stored.name()).isEqualTo("Ada Lovelace");
		assertThat(stored.phone()).isEqualTo("+13145550123");
		assertThat(stored.state().code()).isEqualTo("MO");
		assertThat(stored.chapterId()).isEqualTo(this.chapter);
		assertThat(stored.emailConsent().status()).isEqualTo(ConsentStatus.OPT_IN);
		assertThat(stored.smsConsent().status()).isEqualTo(ConsentStatus.OPT_IN);
		assertThat(stored.manageTokenHash()).isEqualTo(before.getString("manageTokenHash"));
		assertThat(call("GET", "/api/volunteers/" + id, TestTokens.chapter(other))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is(email)), VolunteerDocument.class))
			.isOne();
		assertThat(recordsBeforeABarrier(id)).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, CHANGE_REQUESTED);
	}

	@Test
	void theChangeAppliesOnceWhenThePersonFollowsTheLinkSentToTheirAddress() {
		String email = "hopper-" + this.suffix + "@example.org";
		signUp(body(email, "(314) 555-0123", false, null));
		String id = idOf(email);
		String firstKey = tokenOf(opened(awaitRecords(id, 2).get(1)).get("manageUrl").asString());
		Map<String, Object> again = body(email, "314.555.0199", true, null);
		again.put("name", "Grace Hopper");
		signUp(again);
		String token = tokenOf(opened(awaitRecords(id, 3).get(2)).get("confirmUrl").asString());

		assertThat(confirm("not-" + token)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(confirm(null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mongo.findById(id, VolunteerDocument.class).toVolunteer().name()).isEqualTo("Ada Lovelace");

		RestTestClientResponse confirmed = confirm(token);

		assertThat(confirmed).hasStatusOk();
		assertThat(confirmed).bodyJson().extractingPath("$.id").isEqualTo(id);
		assertThat(confirmed).bodyJson().extractingPath("$.name").isEqualTo("Grace Hopper");
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 5);
		assertThat(records).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, CHANGE_REQUESTED, UPDATED, LINK_ISSUED);
		JsonNode update = opened(records.get(3));
		assertThat(update.get("name").asString()).isEqualTo("Grace Hopper");
		assertThat(update.get("previousChapterId").asString()).isEqualTo(this.chapter);
		assertThat(update.get("consent").get("email").asBoolean()).isTrue();
		assertThat(update.has("phone") || update.has("zip") || update.has("interests")).isFalse();
		Volunteer stored = this.mongo.findById(id, VolunteerDocument.class).toVolunteer();
		assertThat(stored.name()).isEqualTo("Grace Hopper");
		assertThat(stored.phone()).isEqualTo("+13145550199");
		assertThat(stored.emailConsent().status()).isEqualTo(ConsentStatus.OPT_IN);
		assertThat(stored.pendingChange()).isNull();
		// A new key replaces the old one: signing up again is how a lost link is renewed.
		String newKey = tokenOf(opened(records.get(4)).get("manageUrl").asString());
		assertThat(stored.holdsKey(newKey)).isTrue();
		assertThat(stored.holdsKey(firstKey)).isFalse();
		// Single use.
		assertThat(confirm(token)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(recordsBeforeABarrier(id)).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, CHANGE_REQUESTED, UPDATED, LINK_ISSUED);
	}

	@Test
	void aLinkFollowedManyTimesAtOnceAppliesTheChangeOnce() throws Exception {
		String email = "twice-" + this.suffix + "@example.org";
		signUp(body(email, null, null, null));
		String id = idOf(email);
		Map<String, Object> again = body(email, null, null, null);
		again.put("name", "Ada Once");
		signUp(again);
		String token = tokenOf(opened(awaitRecords(id, 3).get(2)).get("confirmUrl").asString());
		Long versionBefore = this.mongo.findById(id, VolunteerDocument.class).getVersion();
		int clicks = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(clicks)) {
			List<Future<RestTestClientResponse>> answers = new ArrayList<>();
			for (int i = 0; i < clicks; i++) {
				answers.add(executor.submit(() -> {
					start.await();
					return confirm(token);
				}));
			}
			start.countDown();
			for (Future<RestTestClientResponse> answer : answers) {
				statuses.add(answer.get().getExchangeResult().getStatus().value());
			}
		}

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 404).hasSize(clicks - 1);
		// One write won: one change announced, one new key sent, each published once
		// (every raw record up to a later event on the same key).
		assertThat(this.mongo.findById(id, VolunteerDocument.class).getVersion()).isEqualTo(versionBefore + 1);
		assertThat(this.mongo.findById(id, VolunteerDocument.class).toVolunteer().name()).isEqualTo("Ada Once");
		assertThat(recordsBeforeABarrier(id)).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, CHANGE_REQUESTED, UPDATED, LINK_ISSUED);
	}

	@Test
	void anExpiredLinkConfirmsNothing() {
		String email = "late-" + this.suffix + "@example.org";
		signUp(body(email, null, null, null));
		String id = idOf(email);
		Map<String, Object> again = body(email, null, null, null);
		again.put("name", "Too Late");
		signUp(again);
		String token = tokenOf(opened(awaitRecords(id, 3).get(2)).get("confirmUrl").asString());
		// As if the link's validity had run out: a raw write on purpose, since no store
		// nor command ages a request (the service runs on the system clock here).
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("pendingChange.expiresAt", Instant.now().minusSeconds(1)), VolunteerDocument.class);

		assertThat(confirm(token)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mongo.findById(id, VolunteerDocument.class).toVolunteer().name()).isEqualTo("Ada Lovelace");
	}

	@Test
	void staffSigningSomeoneUpAgainChangesTheirDetailsAtOnceAndAreToldTheirId() {
		String email = "staffed-" + this.suffix + "@example.org";
		signUp(body(email, null, true, null));
		String id = idOf(email);
		Map<String, Object> again = body(email, "(314) 555-0188", null, null);
		again.put("name", "Katherine Johnson");

		RestTestClientResponse response = signUp(again, TestTokens.staff());

		assertThat(response).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/volunteers/" + id);
		assertThat(response).bodyJson().extractingPath("$.id").isEqualTo(id);
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 3);
		assertThat(records).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, UPDATED);
		assertThat(this.mongo.findById(id, VolunteerDocument.class).toVolunteer().name())
			.isEqualTo("Katherine Johnson");
		assertThat(recordsBeforeABarrier(id)).extracting((record) -> header(record, "ce_type"))
			.containsExactly(SIGNED_UP, LINK_ISSUED, UPDATED);
	}

	@Test
	void concurrentSignUpsWithOneAddressLeaveOneVolunteerAndOneFirstSignUpTheRestAwaitConfirmation() throws Exception {
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
		try (ExecutorService executor = Executors.newFixedThreadPool(people)) {
			List<Future<RestTestClientResponse>> answers = signUps.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<RestTestClientResponse> answer : answers) {
				RestTestClientResponse response = answer.get();
				assertThat(response).hasStatus(HttpStatus.ACCEPTED);
				assertThat(answer(response).has("id")).isFalse();
			}
		}

		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is(email)), VolunteerDocument.class))
			.isOne();
		String id = idOf(email);
		// Each event published once: every raw record up to a later event on the same key
		// (an event published twice would be counted twice). One first sign-up,
		// announced once, and nothing follows it but the others' requests.
		List<String> types = recordsBeforeABarrier(id).stream().map((record) -> header(record, "ce_type")).toList();
		assertThat(types).hasSize(people + 1);
		assertThat(types.subList(0, 2)).containsExactly(SIGNED_UP, LINK_ISSUED);
		assertThat(types).filteredOn(SIGNED_UP::equals).hasSize(1);
		assertThat(types).filteredOn(LINK_ISSUED::equals).hasSize(1);
		assertThat(types).filteredOn(CHANGE_REQUESTED::equals).hasSize(people - 1);
		assertThat(types).doesNotContain(UPDATED);
	}

	@Test
	void erasureKeepsNoPersonalDataAndIsAnnounced() {
		String email = "erase-" + this.suffix + "@example.org";
		signUp(body(email, "(816) 555-0142", true, true));
		String id = idOf(email);
		Map<String, Object> pending = body(email, "(816) 555-0143", true, true);
		pending.put("name", "Ada Pending");
		signUp(pending);
		awaitRecords(id, 3);

		RestTestClientResponse erased = call("DELETE", "/api/volunteers/" + id, TestTokens.chapter(this.chapter));

		assertThat(erased).hasStatus(HttpStatus.NO_CONTENT);
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 4);
		assertThat(header(records.get(3), "ce_type")).isEqualTo(ERASED);
		assertThat(this.json.readTree(records.get(3).value()).get("volunteerId").asString()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.findById(id, VolunteerDocument.class).getOutbox()).isEmpty());
		Document raw = this.mongo.findById(id, Document.class, VolunteerDocument.COLLECTION);
		assertThat(raw).isNotNull();
		assertThat(raw.toJson()).doesNotContainIgnoringCase(email)
			.doesNotContainIgnoringCase("erase-" + this.suffix)
			.doesNotContain("Ada Lovelace")
			.doesNotContain("Lovelace")
			.doesNotContain("Pending")
			.doesNotContain("8165550142")
			.doesNotContain("8165550143")
			.doesNotContain("63101");
		assertThat(raw.get("erasedAt")).isNotNull();
		assertThat(raw.containsKey("manageTokenHash") || raw.containsKey("pendingChange")).isFalse();
		assertThat(call("GET", "/api/volunteers/" + id, TestTokens.staff())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("DELETE", "/api/volunteers/" + id, TestTokens.staff())).hasStatus(HttpStatus.NOT_FOUND);

		// The person may sign up afresh: a new volunteer, at once.
		RestTestClientResponse afresh = signUp(body(email, null, null, null));
		assertThat(afresh).hasStatus(HttpStatus.ACCEPTED);
		assertThat(idOf(email)).isNotEqualTo(id);
	}

	@Test
	void movingAVolunteerToAnotherChapterIsAnnouncedAsAnUpdateFromTheChapterLeft() {
		String email = "move-" + this.suffix + "@example.org";
		signUp(body(email, null, null, null));
		String id = idOf(email);
		String other = registerChapter();

		RestTestClientResponse moved = RestTestClientResponse.from(this.client.put()
			.uri("/api/volunteers/{id}/chapter", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("chapterId", other))
			.exchange());

		assertThat(moved).hasStatusOk();
		assertThat(moved).bodyJson().extractingPath("$.chapterId").isEqualTo(other);
		ConsumerRecord<String, byte[]> record = awaitRecords(id, 3).get(2);
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
		String email = "hand-" + this.suffix + "@example.org";
		signUp(body(email, null, null, null));
		String id = idOf(email);
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
		return signUp(body, null);
	}

	private RestTestClientResponse signUp(Map<String, Object> body, String token) {
		var request = this.client.post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON).body(body);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	private RestTestClientResponse confirm(String token) {
		var request = this.client.post().uri("/api/volunteers/confirmations");
		if (token != null) {
			request.header("X-Confirmation-Token", token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	/** The id of the volunteer with this address, as staff would look it up. */
	private String idOf(String email) {
		VolunteerDocument document = this.mongo
			.findOne(Query.query(Criteria.where("emailKey").is(Contact.emailKey(email))), VolunteerDocument.class);
		assertThat(document).as("volunteer of " + email).isNotNull();
		return document.getId();
	}

	/** The token of a private link, from its fragment. */
	static String tokenOf(String link) {
		assertThat(link).contains("#token=");
		return link.substring(link.indexOf("#token=") + "#token=".length());
	}

	private JsonNode answer(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
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
	 * Waits for at least {@code count} records keyed by a volunteer's id, oldest first:
	 * every raw record, none de-duplicated (each event is published once, and a test
	 * should see it if one were published twice).
	 */
	private List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return this.seen.stream().filter((record) -> key.equals(record.key())).toList();
		}, (records) -> records.size() >= count);
	}

	/**
	 * Every raw record keyed by the volunteer before a barrier: staff erase them, and
	 * their {@code VolunteerErased} goes into the same document's outbox after every
	 * event before it, so the relay publishes it after them on the same key and
	 * partition. Reading up to it shows every record published before, duplicates
	 * included, and that none of them came again before it.
	 * @return the records before the erasure, oldest first
	 */
	private List<ConsumerRecord<String, byte[]>> recordsBeforeABarrier(String id) {
		assertThat(call("DELETE", "/api/volunteers/" + id, TestTokens.staff())).hasStatus(HttpStatus.NO_CONTENT);
		List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return this.seen.stream().filter((record) -> id.equals(record.key())).toList();
		}, (read) -> read.stream().anyMatch((record) -> ERASED.equals(header(record, "ce_type"))));
		List<String> types = records.stream().map((record) -> header(record, "ce_type")).toList();
		return records.subList(0, types.indexOf(ERASED));
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

	/** The record's data with its personal data opened, as a consumer reads it. */
	private JsonNode opened(ConsumerRecord<String, byte[]> record) {
		Class<? extends DomainEvent> type = EventCatalog.classOf(header(record, "ce_type")).orElseThrow();
		return new EventJson().tree(this.protection.read(record.value(), type));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse(null);
	}

}
