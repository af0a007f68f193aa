package org.groundgame.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.PlatformCredentials;

import static org.awaitility.Awaitility.await;

/**
 * One run of the chaos suite: a sustained stream of nominations, each by one of a few
 * chapters with its own token, sent through the gateway by several clients at once, while
 * faults are injected at even intervals; then, for every nomination, its effects are
 * counted where they land: its events on the endorsement topic, its entry in the
 * chapter's inbox (notification-service's store), the nomination itself (read back
 * through the gateway).
 * <p>
 * A nomination the platform acknowledged ({@code 201}) must have each effect exactly
 * once: one {@code NominationSubmitted} event (one event id; the relay may publish the
 * same event again after a crash, which the report counts apart and consumers apply
 * once), one inbox entry. One it did not acknowledge (an error, no answer) may have
 * happened or not, but never twice.
 */
final class ChaosRun {

	static final String SUBMITTED = "org.groundgame.endorsement.NominationSubmitted.v1";

	private static final String STATE = "VT";

	private static final int CHAPTERS = 4;

	private static final Duration EFFECTS = Duration.ofMinutes(5);

	private final LocalPlatform platform;

	private final Api api;

	private final int nominations;

	private final int concurrency;

	private final List<Fault> faults;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	ChaosRun(LocalPlatform platform, int nominations, int concurrency, List<Fault> faults) {
		this.platform = platform;
		this.api = new Api(platform.gateway());
		this.nominations = nominations;
		this.concurrency = concurrency;
		this.faults = List.copyOf(faults);
	}

	Report execute() throws Exception {
		PlatformCredentials.Client staffClient = this.platform.credentials().staff();
		String staff = this.api.token(staffClient.clientId(), staffClient.secret());
		List<Chapter> chapters = new ArrayList<>();
		for (int i = 0; i < CHAPTERS; i++) {
			chapters.add(chapter(staff, i));
		}
		Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
		Map<Integer, String> refused = new ConcurrentHashMap<>();
		AtomicInteger sent = new AtomicInteger();
		AtomicLong lastAcknowledged = new AtomicLong(System.nanoTime());
		List<Long> acknowledgedAt = Collections.synchronizedList(new ArrayList<>());
		AtomicLong longestPause = new AtomicLong();
		List<FaultOutcome> injected = Collections.synchronizedList(new ArrayList<>());
		List<CountDownLatch> recovered = new ArrayList<>();
		this.faults.forEach((fault) -> recovered.add(new CountDownLatch(1)));
		Thread faulting = Thread.ofPlatform().name("chaos-faults").start(() -> injectFaults(sent, injected, recovered));
		long started = System.nanoTime();
		Semaphore inFlight = new Semaphore(this.concurrency);
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < this.nominations; i++) {
				// Each fault in the middle of the stream: half a segment is sent while it
				// is injected and its part comes back, the other half only once it is
				// back, before the next fault.
				for (int k = 0; k < this.faults.size(); k++) {
					if (i == threshold(k) + segment() / 2) {
						recovered.get(k).await();
					}
				}
				inFlight.acquire();
				int number = i;
				sent.incrementAndGet();
				clients.submit(() -> {
					try {
						nominate(chapters.get(number % CHAPTERS), number, acknowledged, refused);
						if (acknowledged.containsKey(number)) {
							long now = System.nanoTime();
							acknowledgedAt.add(now);
							long previous = lastAcknowledged.getAndSet(now);
							longestPause.accumulateAndGet(now - previous, Math::max);
						}
					}
					finally {
						inFlight.release();
					}
				});
			}
		}
		Duration sending = Duration.ofNanos(System.nanoTime() - started);
		faulting.join();
		if (injected.size() < this.faults.size()) {
			throw new IllegalStateException("Only " + injected.size() + " of " + this.faults.size()
					+ " faults were injected: see the platform's output");
		}
		Effects effects = effects(chapters, acknowledged);
		List<FaultOutcome> outcomes = new ArrayList<>();
		for (FaultOutcome fault : injected) {
			long after = acknowledgedAt.stream().filter((at) -> at > fault.recoveredAt()).count();
			outcomes.add(fault.withAcknowledgedAfter((int) after));
		}
		return Report.of(this.nominations, acknowledged, refused, effects, outcomes, sending,
				Duration.ofNanos(longestPause.get()));
	}

	/** The nominations between two faults. */
	private int segment() {
		return this.nominations / (this.faults.size() + 1);
	}

	/** Where in the stream fault {@code k} is injected: the faults evenly spread. */
	private int threshold(int k) {
		return (int) ((long) this.nominations * (k + 1) / (this.faults.size() + 1));
	}

	private void injectFaults(AtomicInteger sent, List<FaultOutcome> injected, List<CountDownLatch> recovered) {
		for (int i = 0; i < this.faults.size(); i++) {
			int at = threshold(i);
			while (sent.get() < at) {
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			Fault fault = this.faults.get(i);
			long started = System.nanoTime();
			try {
				fault.injectAndAwaitRecovery(this.platform);
				long recoveredAt = System.nanoTime();
				injected
					.add(new FaultOutcome(fault.name(), at, Duration.ofNanos(recoveredAt - started), recoveredAt, 0));
			}
			finally {
				// Even a fault that failed lets the stream go on; the run then fails on
				// the faults it did not inject.
				recovered.get(i).countDown();
			}
		}
	}

	private void nominate(Chapter chapter, int number, Map<Integer, String> acknowledged,
			Map<Integer, String> refused) {
		try {
			Api.Answer answer = this.api.post("/api/nominations", chapter.token(), nomination(chapter, number));
			String id = (answer.status() == 201) ? answer.json().path("id").asString("") : "";
			if (!id.isEmpty()) {
				acknowledged.put(number, id);
			}
			else if (answer.status() == 201) {
				// A 201 whose body does not say which nomination it made tells the
				// caller nothing it could rely on: not an acknowledgement.
				refused.put(number, "201 without an id (" + answer.body().length() + " characters)");
			}
			else {
				refused.put(number, String.valueOf(answer.status()));
			}
		}
		catch (Exception ex) {
			refused.put(number, ex.getClass().getSimpleName());
		}
	}

	private Map<String, Object> nomination(Chapter chapter, int number) {
		String candidate = "chaos-" + this.run + "-" + number;
		Map<String, Object> nominatedBy = new LinkedHashMap<>();
		nominatedBy.put("name", "Rowan Ellis");
		nominatedBy.put("email", "rowan.ellis@example.org");
		nominatedBy.put("chapterId", chapter.id());
		return Map.of("candidate",
				Map.of("name", "Candidate " + candidate, "email", candidate + "@example.org", "website",
						"https://" + candidate + ".candidate.example"),
				"race",
				Map.of("office", "State Representative", "level", "STATE", "state", STATE, "district",
						String.valueOf(number % 150 + 1), "jurisdiction", "Vermont House of Representatives",
						"electionDate", LocalDate.now().plusYears(1).toString()),
				"nominatedBy", nominatedBy, "statement", "A fictional candidate nominated by the chaos suite.");
	}

	private Chapter chapter(String staff, int index) throws Exception {
		String suffix = this.run + "-" + index;
		Api.Answer registered = this.api.post("/api/chapters", staff, Map.of("name", "Chaos Organizers " + suffix,
				"state", STATE, "city", "Burlington", "contactEmail", "chaos-" + suffix + "@chapters.example"));
		if (registered.status() != 201) {
			throw new IllegalStateException("Could not register a chapter: " + registered.status());
		}
		String id = registered.json().path("id").asString();
		// identity-service makes a chapter's client once it heard of the chapter.
		Api.Answer client = await().atMost(Duration.ofMinutes(1))
			.until(() -> this.api.post("/api/clients", staff,
					Map.of("name", "Chaos suite for " + id, "role", "CHAPTER", "chapterId", id)),
					(answer) -> answer.status() != 400);
		if (client.status() != 201) {
			throw new IllegalStateException("Could not make a chapter's client: " + client.status());
		}
		String token = this.api.token(client.json().path("clientId").asString(),
				client.json().path("clientSecret").asString());
		return new Chapter(id, token, staff);
	}

	/**
	 * Counts every effect once the platform has caught up: each acknowledged nomination's
	 * inbox entry is there, and notification-service's consumer group has read the
	 * endorsement topic to its end (so any duplicate would be there too).
	 */
	private Effects effects(List<Chapter> chapters, Map<Integer, String> acknowledged) throws Exception {
		Set<String> recipients = new HashSet<>();
		chapters.forEach((chapter) -> recipients.add("chapter:" + chapter.id()));
		try (MongoClient mongo = MongoClients.create(this.platform.mongoConnectionString())) {
			// What endorsement-service stored: every nomination it acknowledged, and any
			// it stored but could not acknowledge (killed before its answer left).
			Set<String> stored = storedNominations(mongo, chapters);
			await().atMost(EFFECTS).until(() -> inboxEntries(mongo, recipients).keySet().containsAll(stored));
			awaitConsumed("notification-service", Topics.ENDORSEMENT);
			Map<String, Integer> inbox = inboxEntries(mongo, recipients);
			TopicCount topic = readTopic(Topics.ENDORSEMENT, stored);
			Set<String> unreadable = new HashSet<>();
			String staff = chapters.get(0).staffToken();
			for (String id : acknowledged.values()) {
				if (this.api.get("/api/nominations/" + id, staff).status() != 200) {
					unreadable.add(id);
				}
			}
			return new Effects(stored, inbox, topic, unreadable);
		}
	}

	/**
	 * The ids of every nomination by the run's chapters in endorsement-service's store.
	 */
	private static Set<String> storedNominations(MongoClient mongo, List<Chapter> chapters) {
		Set<String> ids = new HashSet<>();
		mongo.getDatabase("groundgame-endorsement")
			.getCollection("nominations")
			.find(Filters.in("nominatedBy.chapterId", chapters.stream().map(Chapter::id).toList()))
			.projection(Projections.include("_id"))
			.forEach((Document nomination) -> ids.add(String.valueOf(nomination.get("_id"))));
		return ids;
	}

	/** Each nomination's entries in the chapters' inboxes: subject id → count. */
	private static Map<String, Integer> inboxEntries(MongoClient mongo, Set<String> recipients) {
		Map<String, Integer> counts = new HashMap<>();
		mongo.getDatabase("groundgame-notification")
			.getCollection("inbox_entries")
			.find(Filters.and(Filters.in("recipient", recipients), Filters.eq("eventType", SUBMITTED)))
			.projection(Projections.include("subjectId"))
			.forEach((Document entry) -> counts.merge(entry.getString("subjectId"), 1, Integer::sum));
		return counts;
	}

	/**
	 * Waits until a consumer group has committed every partition of a topic to its end.
	 */
	private void awaitConsumed(String group, String topic) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.platform.kafkaBootstrapServers()))) {
			await().atMost(EFFECTS).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet()
					.stream()
					.filter((partition) -> partition.topic().equals(topic))
					.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				if (latest.isEmpty()) {
					return false;
				}
				return admin.listOffsets(latest)
					.all()
					.get(10, TimeUnit.SECONDS)
					.entrySet()
					.stream()
					.allMatch((end) -> committed.get(end.getKey()).offset() >= end.getValue().offset());
			});
		}
	}

	/**
	 * Every record of the topic, from the beginning to the end it has now: for each
	 * nomination of this run (its key), the distinct submitted events and all records.
	 */
	private TopicCount readTopic(String topic, Set<String> nominations) {
		Map<String, Set<String>> submitted = new HashMap<>();
		Map<String, Set<String>> events = new HashMap<>();
		AtomicInteger records = new AtomicInteger();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.platform.kafkaBootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
						2000),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().atMost(EFFECTS).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					String type = header(record, "ce_type");
					String id = header(record, "ce_id");
					if (record.key() == null || !nominations.contains(record.key())) {
						continue;
					}
					records.incrementAndGet();
					events.computeIfAbsent(record.key(), (key) -> new HashSet<>()).add(id);
					if (SUBMITTED.equals(type)) {
						submitted.computeIfAbsent(record.key(), (key) -> new HashSet<>()).add(id);
					}
				}
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return new TopicCount(submitted, events, records.get());
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	record Chapter(String id, String token, String staffToken) {
	}

	/**
	 * One fault injected.
	 *
	 * @param name what it was
	 * @param atNomination how many nominations had been sent when it was injected
	 * @param recovery how long until the part was back
	 * @param recoveredAt when it was back ({@link System#nanoTime()})
	 * @param acknowledgedAfter nominations acknowledged after it was back
	 */
	record FaultOutcome(String name, int atNomination, Duration recovery, long recoveredAt, int acknowledgedAfter) {

		FaultOutcome withAcknowledgedAfter(int acknowledged) {
			return new FaultOutcome(this.name, this.atNomination, this.recovery, this.recoveredAt, acknowledged);
		}

	}

	/**
	 * What the topic holds for this run.
	 *
	 * @param submitted per nomination, the ids of its submitted events
	 * @param events per nomination, the ids of all its events
	 * @param records every record of this run's nominations, a republished event counted
	 * each time
	 */
	record TopicCount(Map<String, Set<String>> submitted, Map<String, Set<String>> events, int records) {
	}

	/**
	 * Where the run's nominations landed.
	 *
	 * @param stored the ids of every nomination of the run in endorsement-service's store
	 * @param inbox per nomination, its entries in its chapter's inbox
	 * @param topic its events on the endorsement topic
	 * @param unreadable acknowledged nominations the gateway did not answer for
	 */
	record Effects(Set<String> stored, Map<String, Integer> inbox, TopicCount topic, Set<String> unreadable) {
	}

}
