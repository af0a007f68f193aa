package org.groundgame.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.events.Topics;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.support.app.SupportTestApplication;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Crypto-shredding, over the JVM's real broker and store: personal data leaves a service
 * only sealed with its record's key, consumers read it in clear with the key shared on
 * the keys topic, and an erasure destroys the key so that no copy on Kafka opens again.
 */
@SupportIntegrationTest
class PersonalDataTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEYS = Topics.keysOf(Topics.VOLUNTEER);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	PersonalDataProtection protection;

	@Autowired
	MongoTemplate mongo;

	@Test
	void personalDataTravelsSealedAndConsumersReadItInClear() throws Exception {
		String name = "Imani Okafor " + UUID.randomUUID();
		String email = "imani." + UUID.randomUUID() + "@example.org";
		String volunteerId = signUp(name, email);

		ConsumerRecord<String, byte[]> published = KafkaTestClients.awaitRecord(Topics.VOLUNTEER,
				(record) -> volunteerId.equals(record.key()));
		String payload = new String(published.value(), StandardCharsets.UTF_8);
		assertThat(payload).doesNotContain(name).doesNotContain(email).doesNotContain("imani.");
		JsonNode data = JSON.readTree(payload);
		assertThat(data.path("name").asString()).startsWith("{pd:" + KEYS + ":" + volunteerId + "}");
		assertThat(data.path("email").asString()).startsWith("{pd:" + KEYS + ":" + volunteerId + "}");
		// What is not personal stays readable to every consumer.
		assertThat(data.path("state").asString()).isEqualTo("MO");
		assertThat(data.path("chapterId").asString()).isEqualTo("chapter-1");

		// The key went out before the event, sealed with the key-encryption key.
		ConsumerRecord<String, byte[]> key = KafkaTestClients.awaitRecord(KEYS,
				(record) -> volunteerId.equals(record.key()));
		assertThat(new String(key.value(), StandardCharsets.UTF_8)).startsWith("{kek:");
		assertThat(key.offset()).isGreaterThanOrEqualTo(0);

		VolunteerSignedUp read = await().atMost(Duration.ofSeconds(30))
			.until(() -> SupportTestApplication.SIGN_UPS_READ.get(volunteerId), Objects::nonNull);
		assertThat(read.name()).isEqualTo(name);
		assertThat(read.email()).isEqualTo(email);
		assertThat(read.state()).isEqualTo("MO");
	}

	@Test
	void anErasureDestroysTheKeySoThatNoCopyOnKafkaOpensAgain() throws Exception {
		String name = "Tomasz Wielki " + UUID.randomUUID();
		String email = "tomasz." + UUID.randomUUID() + "@example.org";
		String volunteerId = signUp(name, email);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> SupportTestApplication.SIGN_UPS_READ.get(volunteerId), Objects::nonNull);
		byte[] signUp = KafkaTestClients.awaitRecord(Topics.VOLUNTEER, (record) -> volunteerId.equals(record.key())
				&& "org.groundgame.volunteer.VolunteerSignedUp.v1".equals(KafkaTestClients.header(record, "ce_type")))
			.value();
		assertThat(this.protection.read(signUp, VolunteerSignedUp.class).name()).isEqualTo(name);

		assertThat(delete("/audited-volunteers/" + volunteerId, TestTokens.staff()).statusCode()).isEqualTo(204);

		// The erasure event is out only after the key was destroyed and its tombstone
		// shared.
		KafkaTestClients.awaitRecord(Topics.VOLUNTEER, (record) -> volunteerId.equals(record.key())
				&& "org.groundgame.volunteer.VolunteerErased.v1".equals(KafkaTestClients.header(record, "ce_type")));
		assertThat(this.mongo.getCollection("personal_data_keys").countDocuments(Filters.eq("subject", volunteerId)))
			.isZero();
		List<ConsumerRecord<String, byte[]>> keys = KafkaTestClients.readAll(KEYS)
			.stream()
			.filter((record) -> volunteerId.equals(record.key()))
			.toList();
		assertThat(keys).isNotEmpty();
		assertThat(keys.get(keys.size() - 1).value()).as("the last word on the keys topic is a tombstone").isNull();

		// This service's consumer dropped its copy of the key when it read the erasure
		// (asynchronously: it reads the topic on its own thread).
		VolunteerSignedUp erased = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.protection.read(signUp, VolunteerSignedUp.class), (event) -> event.name() == null);
		assertThat(erased.email()).isNull();
		assertThat(erased.volunteerId()).isEqualTo(volunteerId);
		assertThat(erased.state()).isEqualTo("MO");

		// No topic, dead-letter topics included, holds the name or the address in clear.
		for (String topic : KafkaTestClients.topics()) {
			for (ConsumerRecord<String, byte[]> record : KafkaTestClients.readAll(topic)) {
				String value = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : "";
				assertThat(value).as("a record of " + topic).doesNotContain(name).doesNotContain(email);
			}
		}
	}

	@Test
	void aSealedValueOpensOnlyInItsOwnFieldOfItsOwnRecord() {
		VolunteerSignedUp first = signedUp("volunteer-" + UUID.randomUUID(), "Ada Field", "ada@example.org");
		VolunteerSignedUp second = signedUp("volunteer-" + UUID.randomUUID(), "Bo Other", "bo@example.org");
		ObjectNode firstData = (ObjectNode) JSON.readTree(sealAndShare(first));
		ObjectNode secondData = (ObjectNode) JSON.readTree(sealAndShare(second));
		assertThat(this.protection.read(bytes(firstData), VolunteerSignedUp.class).name()).isEqualTo("Ada Field");

		ObjectNode swapped = firstData.deepCopy();
		swapped.put("name", firstData.path("email").asString());
		assertThatThrownBy(() -> this.protection.read(bytes(swapped), VolunteerSignedUp.class))
			.hasMessageContaining("does not open");

		ObjectNode moved = firstData.deepCopy();
		moved.put("name", secondData.path("name").asString().replace(second.volunteerId(), first.volunteerId()));
		assertThatThrownBy(() -> this.protection.read(bytes(moved), VolunteerSignedUp.class))
			.hasMessageContaining("does not open");
	}

	@Test
	void eventsPublishedBeforePersonalDataWasSealedAreReadAsTheyAre() {
		VolunteerSignedUp plain = signedUp("volunteer-" + UUID.randomUUID(), "Old Record", "old@example.org");
		byte[] payload = new EventJson().write(plain).getBytes(StandardCharsets.UTF_8);
		VolunteerSignedUp read = this.protection.read(payload, VolunteerSignedUp.class);
		assertThat(read.name()).isEqualTo("Old Record");
		assertThat(read.email()).isEqualTo("old@example.org");
	}

	@Test
	void theFirstEventsOfOneRecordMadeAtOnceShareOneKey() throws Exception {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		int writers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> payloads = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
			for (int i = 0; i < writers; i++) {
				String name = "Same Person " + i;
				Callable<String> seal = () -> {
					start.await();
					return sealAndShare(signedUp(volunteerId, name, "same@example.org"));
				};
				payloads.add(pool.submit(seal));
			}
			start.countDown();
			for (int i = 0; i < writers; i++) {
				String payload = payloads.get(i).get();
				// Each opens with the one key the store kept: none was sealed with a lost
				// one.
				assertThat(
						this.protection.read(payload.getBytes(StandardCharsets.UTF_8), VolunteerSignedUp.class).name())
					.isEqualTo("Same Person " + i);
			}
		}
		assertThat(this.mongo.getCollection("personal_data_keys").countDocuments(Filters.eq("subject", volunteerId)))
			.isOne();
	}

	private static VolunteerSignedUp signedUp(String volunteerId, String name, String email) {
		return new VolunteerSignedUp(UUID.randomUUID().toString(), Instant.now(), volunteerId, "chapter-1", name, email,
				"MO", new VolunteerSignedUp.Consent(true, false), true);
	}

	/** What the outbox and its relay do: seal the event, and share its key. */
	private String sealAndShare(VolunteerSignedUp event) {
		PersonalDataProtection.Sealed sealed = this.protection.seal(event);
		this.protection.shareKey(sealed.key());
		return sealed.payload();
	}

	private static byte[] bytes(JsonNode data) {
		return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
	}

	private String signUp(String name, String email) throws Exception {
		String query = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&email="
				+ URLEncoder.encode(email, StandardCharsets.UTF_8);
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(uri("/audited-volunteers?" + query))
			.header("Authorization", "Bearer " + TestTokens.staff())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		return created.body();
	}

	private HttpResponse<String> delete(String path, String token) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
