package org.groundgame.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.groundgame.support.audit.AuditActor;
import org.groundgame.support.audit.AuditActors;
import org.groundgame.support.audit.AuditEntry;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.audit.AuditTrailAccess;
import org.groundgame.support.audit.AuditVerification;
import org.groundgame.support.outbox.OutboxEvent;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SupportIntegrationTest
class AuditTrailTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aStaffChangeIsChainedWithWhoMadeItAndThroughWhichRequestWithoutPersonalData() throws Exception {
		String staff = TestTokens.token().roles("STAFF").subject("dana").clientId("ground-game-web").build();
		HttpResponse<String> created = this.http
			.send(HttpRequest.newBuilder(uri("/audited-volunteers?name=Rosa%20Example&email=rosa@example.org"))
				.header("Authorization", "Bearer " + staff)
				.header("X-Request-Id", "req-audit-1")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		String volunteerId = created.body();

		// The event's entry follows its publication; the request's, its answer.
		JsonNode page = await().atMost(Duration.ofSeconds(30))
			.until(() -> entriesOf(volunteerId, staff), (entries) -> entries.path("content").size() == 2);

		JsonNode request = entryWithAction(page, "POST /audited-volunteers");
		assertThat(request.path("actor").path("subject").asString()).isEqualTo("dana");
		assertThat(request.path("requestId").asString()).isEqualTo("req-audit-1");
		assertThat(request.path("facts").path("status").asInt()).isEqualTo(201);
		JsonNode entry = entryWithAction(page, "org.groundgame.volunteer.VolunteerSignedUp.v1");
		assertThat(entry.path("action").asString()).isEqualTo("org.groundgame.volunteer.VolunteerSignedUp.v1");
		assertThat(entry.path("resourceId").asString()).isEqualTo(volunteerId);
		assertThat(entry.path("actor").path("subject").asString()).isEqualTo("dana");
		assertThat(entry.path("actor").path("clientId").asString()).isEqualTo("ground-game-web");
		assertThat(entry.path("actor").path("role").asString()).isEqualTo("STAFF");
		assertThat(entry.path("requestId").asString()).isEqualTo("req-audit-1");
		assertThat(entry.path("facts").path("volunteerId").asString()).isEqualTo(volunteerId);
		assertThat(entry.path("facts").path("state").asString()).isEqualTo("MO");
		assertThat(entry.path("facts").has("name")).isFalse();
		assertThat(entry.path("facts").has("email")).isFalse();
		assertThat(this.mongo.getCollection(AuditTrail.COLLECTION)
			.find(Filters.eq("resourceId", volunteerId))
			.first()
			.toJson()).doesNotContain("Rosa").doesNotContain("rosa@example.org");
	}

	@Test
	void aChangeThatPublishesNoEventIsOnTheRecordAndARefusedOneIsNot() throws Exception {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		String path = "/audited-volunteers/" + volunteerId + "/hours/7?hours=3";
		assertThat(put(path, TestTokens.chapter("chapter-2")).statusCode()).isEqualTo(403);
		assertThat(put(path, null).statusCode()).isEqualTo(401);
		String chapter = TestTokens.token().roles("CHAPTER").chapterId("chapter-1").subject("columbia-site").build();
		assertThat(put(path, chapter).statusCode()).isEqualTo(200);

		// Appended once the change is answered, so it may follow the answer by a moment.
		JsonNode entries = await().atMost(Duration.ofSeconds(10))
			.until(() -> entriesOf(volunteerId, TestTokens.staff()).path("content"), (found) -> !found.isEmpty());
		assertThat(entries).hasSize(1);
		JsonNode entry = entries.get(0);
		assertThat(entry.path("action").asString()).isEqualTo("PUT /audited-volunteers/{volunteerId}/hours/{week}");
		assertThat(entry.path("actor").path("subject").asString()).isEqualTo("columbia-site");
		assertThat(entry.path("actor").path("role").asString()).isEqualTo("CHAPTER");
		assertThat(entry.path("actor").path("chapterId").asString()).isEqualTo("chapter-1");
		assertThat(entry.path("facts").path("path").path("week").asString()).isEqualTo("7");
		assertThat(entry.path("facts").path("status").asInt()).isEqualTo(200);
	}

	@Test
	void onlyStaffReadTheTrail() throws Exception {
		String path = "/api/audit/support-tests/entries?resourceId=anything";
		assertThat(get(path, null).statusCode()).isEqualTo(401);
		assertThat(get(path, TestTokens.chapter("chapter-1")).statusCode()).isEqualTo(403);
		assertThat(get("/api/audit/support-tests/verify", TestTokens.chapter("chapter-1")).statusCode()).isEqualTo(403);
		assertThat(get(path, TestTokens.staff()).statusCode()).isEqualTo(200);
	}

	@Test
	void theChainVerifiesAndShowsWhichPastEntryWasChangedOrDeleted() throws Exception {
		AuditEntry first = this.trail.record("thing.changed", "thing-" + UUID.randomUUID(), Map.of("capacity", 10));
		AuditEntry second = this.trail.record("thing.changed", first.resourceId(), Map.of("capacity", 12));
		this.trail.record("thing.changed", first.resourceId(), Map.of("capacity", 14));
		assertThat(this.trail.verify().intact()).isTrue();
		JsonNode viaApi = JSON.readTree(get("/api/audit/support-tests/verify", TestTokens.staff()).body());
		assertThat(viaApi.path("intact").asBoolean()).isTrue();

		MongoCollection<Document> entries = this.mongo.getCollection(AuditTrail.COLLECTION);
		Document original = entries.find(Filters.eq("_id", second.sequence())).first();
		try {
			entries.updateOne(Filters.eq("_id", second.sequence()), Updates.set("facts", "{\"capacity\":1200}"));
			AuditVerification edited = this.trail.verify();
			assertThat(edited.intact()).isFalse();
			assertThat(edited.brokenAt()).isEqualTo(second.sequence());
			assertThat(edited.verifiedEntries()).isEqualTo(second.sequence() - 1);

			// Recomputing the edited entry's own hash does not hide the edit: the next
			// entry still follows the old one.
			entries.updateOne(Filters.eq("_id", second.sequence()),
					Updates.set("hash", rehashed(original, "{\"capacity\":1200}")));
			assertThat(this.trail.verify().brokenAt()).isEqualTo(second.sequence() + 1);

			entries.deleteOne(Filters.eq("_id", second.sequence()));
			AuditVerification deleted = this.trail.verify();
			assertThat(deleted.intact()).isFalse();
			assertThat(deleted.brokenAt()).isEqualTo(second.sequence());
			assertThat(deleted.problem()).contains("missing");
		}
		finally {
			entries.deleteOne(Filters.eq("_id", second.sequence()));
			entries.insertOne(original);
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void batchesAppendedByTwoInstancesMakeOneChainEachBatchInItsOrderAndEveryEventOnce() throws Exception {
		AuditTrail other = new AuditTrail(this.mongo, new AuditActors(null), java.time.Clock.systemUTC(),
				new SimpleMeterRegistry());
		String shift = "shift-" + UUID.randomUUID();
		List<OutboxEvent> events = new ArrayList<>();
		for (int i = 0; i < 96; i++) {
			events.add(new OutboxEvent(UUID.randomUUID().toString(), "org.groundgame.volunteer.ShiftWaitlisted.v1",
					"groundgame.volunteer.events", shift, Instant.now(), "{\"position\":" + (i + 1) + "}", null,
					AuditActor.ANONYMOUS, null));
		}
		// One batch alone: one entry after the other, in the batch's order.
		this.trail.recordPublished(events.subList(0, 6));
		assertThat(entriesOf(shift)).extracting((entry) -> entry.getString("entryId"))
			.containsExactlyElementsOf(events.subList(0, 6).stream().map(OutboxEvent::eventId).toList());

		// Then every batch by both instances at once, some batches holding events the
		// trail has already (a relay that died after appending, and one publishing
		// again), while the other instance moves the chain's end.
		runTogether(4, (thread) -> {
			AuditTrail instance = (thread % 2 == 0) ? this.trail : other;
			int size = 3 + thread;
			for (int from = 0; from < events.size(); from += size) {
				instance.recordPublished(events.subList(from, Math.min(events.size(), from + size)));
			}
		});

		assertThat(entriesOf(shift)).extracting((entry) -> entry.getString("entryId"))
			.containsExactlyInAnyOrderElementsOf(events.stream().map(OutboxEvent::eventId).toList());
		AuditVerification verification = this.trail.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
	}

	/** Runs the work on that many threads at once, and waits for all of them. */
	private static void runTogether(int threads, IntConsumer work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				running.add(pool.submit(() -> {
					start.await();
					work.accept(thread);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> each : running) {
				each.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<Document> entriesOf(String resourceId) {
		return this.mongo.getCollection(AuditTrail.COLLECTION)
			.find(Filters.eq("resourceId", resourceId))
			.sort(Sorts.ascending("_id"))
			.into(new ArrayList<>());
	}

	@Test
	void concurrentAppendsFromTwoInstancesMakeOneChainWithoutGapsAndEveryEventOnce() throws Exception {
		// Two instances of a service: their own trail objects (and locks) over one store.
		AuditActors actors = new AuditActors(null);
		List<AuditTrail> instances = List.of(this.trail,
				new AuditTrail(this.mongo, actors, java.time.Clock.systemUTC(), new SimpleMeterRegistry()));
		String shift = "shift-" + UUID.randomUUID();
		List<OutboxEvent> events = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			events.add(new OutboxEvent(UUID.randomUUID().toString(), "org.groundgame.volunteer.ShiftWaitlisted.v1",
					"groundgame.volunteer.events", shift, Instant.now(), "{\"position\":" + (i + 1) + "}", null,
					AuditActor.ANONYMOUS, null));
		}
		runTogether(8, (thread) -> {
			// Every event is appended by two threads (a relay that died after appending,
			// and the one that publishes it again).
			for (int i = thread % 4; i < events.size(); i += 4) {
				instances.get(thread % 2).recordPublished(events.get(i));
			}
		});

		List<Document> chained = this.mongo.getCollection(AuditTrail.COLLECTION)
			.find(Filters.eq("resourceId", shift))
			.into(new ArrayList<>());
		assertThat(chained).hasSize(events.size());
		assertThat(chained.stream().map((entry) -> entry.getString("entryId")).distinct()).hasSize(events.size());
		AuditVerification verification = this.trail.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
	}

	private String rehashed(Document original, String facts) {
		Document copy = new Document(original).append("facts", facts);
		AuditEntry entry = AuditTrailAccess.of(copy);
		return AuditTrailAccess.hashOf(entry);
	}

	private static JsonNode entryWithAction(JsonNode page, String action) {
		for (JsonNode entry : page.path("content")) {
			if (action.equals(entry.path("action").asString())) {
				return entry;
			}
		}
		throw new AssertionError("No entry " + action + " in " + page);
	}

	private HttpResponse<String> put(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode entriesOf(String resourceId, String token) throws Exception {
		return JSON.readTree(get("/api/audit/support-tests/entries?resourceId=" + resourceId, token).body());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
