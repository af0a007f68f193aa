package org.groundgame.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.groundgame.support.audit.AuditActor;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.support.personaldata.PersonalDataProtection.KeyReference;
import org.groundgame.events.Topics;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the events waiting in the documents' embedded outboxes, in order per
 * document, and removes each one only after Kafka acknowledged it. A save wakes it up at
 * once (low latency); it also looks through every outbox collection at a fixed interval
 * (the safety net after a crash or while the broker is down). Delivery is at-least-once:
 * an event may be published twice (a crash between the acknowledgement and the removal),
 * never lost; consumers are idempotent. Each published event is appended to the service's
 * {@link AuditTrail} before it leaves the outbox.
 * <p>
 * With several instances of a service, each publishes what its own writes woke it up for,
 * and one at a time looks for what was left behind ({@link #lookForLeftovers}): a lock in
 * the service's database ({@code outbox-relay}) keeps two relays from reading the same
 * backlog and publishing all of it twice, as they would after a broker outage.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** The most wake-ups one pass takes on: their documents' events are sent together. */
	private static final int MAX_WOKEN = 1000;

	private static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofMinutes(1);

	/** The lock of the look for events left behind, one per service's database. */
	static final String LOOK_LOCK = "outbox-relay";

	private final MongoTemplate mongo;

	private final CloudEventPublisher publisher;

	private final OutboxProperties properties;

	private final MeterRegistry meters;

	private final AuditTrail audit;

	private final PersonalDataProtection personalData;

	private final LockProvider locks;

	private final Set<String> collections = ConcurrentHashMap.newKeySet();

	private final BlockingQueue<Pending> wakeUps = new LinkedBlockingQueue<>();

	private final ReentrantLock relaying = new ReentrantLock();

	private final Timer delay;

	private final Counter failures;

	private volatile Thread worker;

	private volatile boolean running;

	public OutboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, OutboxProperties properties,
			MeterRegistry meters, AuditTrail audit, PersonalDataProtection personalData, LockProvider locks) {
		this.mongo = mongo;
		this.locks = locks;
		this.personalData = personalData;
		this.publisher = publisher;
		this.properties = properties;
		this.meters = meters;
		this.audit = audit;
		this.delay = Timer.builder("groundgame.outbox.delay")
			.description("Time from an event's occurrence to its acknowledgement by Kafka")
			.publishPercentileHistogram()
			.register(meters);
		this.failures = Counter.builder("groundgame.outbox.failures")
			.description("Attempts to publish an event that failed and will be retried")
			.register(meters);
	}

	/** Makes the relay look at this collection when it polls. */
	public void watch(String collection) {
		if (this.collections.add(collection)) {
			try {
				// What the poll looks for: events left behind, by when they occurred.
				this.mongo.getCollection(collection).createIndex(Indexes.ascending(HasOutbox.FIELD + ".occurredAt"));
			}
			catch (RuntimeException ex) {
				log.warn("Could not index the outbox of {}; the poll will scan it: {}", collection, ex.getMessage());
			}
		}
	}

	/** Asks the relay to publish the pending events of one document now. */
	public void wakeUp(String collection, Object documentId) {
		if (!this.collections.contains(collection)) {
			watch(collection);
		}
		this.wakeUps.offer(new Pending(collection, documentId));
	}

	/**
	 * The safety net's look, on one instance of the service at a time: publishes the
	 * events the wake-ups did not take care of ({@link #publishPendingOlderThan}), or
	 * every pending event ({@link #publishAllPending}, at start-up), unless another
	 * instance is looking already (then it looks at what this one would).
	 * <p>
	 * The lock makes a second copy of each event rare, not impossible: an event a relay
	 * is publishing on a wake-up that takes longer than the poll interval, or a look
	 * outlasting {@code look-lock-at-most-for}, may be published twice, as after a crash
	 * between the acknowledgement and the removal; consumers apply it once (by
	 * {@code ce_id}).
	 * @param everything whether to look at every pending event rather than at those older
	 * than the poll interval
	 * @return whether this instance looked (false when another instance held the lock)
	 */
	public boolean lookForLeftovers(boolean everything) {
		Instant now = Instant.now();
		Optional<SimpleLock> lock = this.locks
			.lock(new LockConfiguration(now, LOOK_LOCK, this.properties.lookLockAtMostFor(), Duration.ZERO));
		if (lock.isEmpty()) {
			return false;
		}
		try {
			if (everything) {
				publishAllPending();
			}
			else {
				publishPendingOlderThan(now.minus(this.properties.pollInterval()));
			}
			return true;
		}
		finally {
			lock.get().unlock();
		}
	}

	/**
	 * Publishes every pending event of every watched collection, on the caller's thread.
	 * @return whether all were published (false when one failed and is left for later)
	 */
	public boolean publishAllPending() {
		return publishPending(Filters.exists(HasOutbox.FIELD + ".0"));
	}

	/**
	 * Publishes the pending events of the documents holding one that occurred before the
	 * given time: the events a wake-up did not take care of (a crash, the broker down, a
	 * busy relay). Newer ones are left to their wake-ups, so a relay that is behind does
	 * not also scan for and read again what it is about to publish anyway.
	 * @return whether all were published (false when one failed and is left for later)
	 */
	public boolean publishPendingOlderThan(Instant time) {
		return publishPending(Filters.lt(HasOutbox.FIELD + ".occurredAt", Date.from(time)));
	}

	private boolean publishPending(Bson withPendingEvents) {
		for (String collection : this.collections) {
			while (true) {
				List<Object> ids = documents(collection, withPendingEvents);
				if (!publishPendingOf(collection, ids)) {
					return false;
				}
				if (ids.size() < this.properties.batchSize()) {
					break;
				}
			}
		}
		return true;
	}

	/**
	 * Publishes the pending events of one document in order, removing them once
	 * acknowledged.
	 * @return whether all were published
	 */
	public boolean publishPendingOf(String collection, Object documentId) {
		return publishPendingOf(collection, List.of(documentId));
	}

	/**
	 * Publishes the pending events of some documents of one collection, each document's
	 * in order, and removes them once acknowledged.
	 * <p>
	 * The sends are pipelined: the first pending event of every document is handed to the
	 * producer before the relay waits for any acknowledgement, then the second of those
	 * that have one, and so on. A document's next event is sent only after its previous
	 * one was acknowledged, so the order per document (per key, so per partition) holds
	 * even when a send fails: the document's later events stay in its outbox for the next
	 * attempt. Each acknowledged event is appended to the audit trail, then each
	 * document's acknowledged events leave its outbox in one update.
	 * @return whether all were published (false when one failed and is left for later)
	 */
	public boolean publishPendingOf(String collection, Collection<Object> documentIds) {
		if (documentIds.isEmpty()) {
			return true;
		}
		this.relaying.lock();
		try {
			MongoCollection<Document> documents = this.mongo.getCollection(collection);
			Map<Object, Deque<OutboxEvent>> pendingByDocument = new LinkedHashMap<>();
			documents.find(Filters.in("_id", documentIds))
				.projection(Projections.include(HasOutbox.FIELD))
				.forEach((document) -> pendingByDocument.put(document.get("_id"),
						document.getList(HasOutbox.FIELD, Document.class, List.of())
							.stream()
							.map(OutboxRelay::toEvent)
							.collect(Collectors.toCollection(ArrayDeque::new))));
			Map<Object, List<OutboxEvent>> published = new LinkedHashMap<>();
			boolean allPublished = true;
			pendingByDocument.values().removeIf(Deque::isEmpty);
			while (!pendingByDocument.isEmpty()) {
				Map<Object, Sending> round = new LinkedHashMap<>();
				boolean refused = false;
				for (var pending : pendingByDocument.entrySet()) {
					Sending sending = send(pending.getValue().poll());
					round.put(pending.getKey(), sending);
					if (brokerUnreachable(sending)) {
						// Each next send would wait as long (max.block.ms) to be refused
						// too: a later pass takes them up.
						refused = true;
						break;
					}
				}
				if (refused) {
					pendingByDocument.clear();
				}
				Map<Object, OutboxEvent> acknowledged = new LinkedHashMap<>();
				for (var sending : round.entrySet()) {
					if (acknowledged(sending.getValue())) {
						acknowledged.put(sending.getKey(), sending.getValue().event());
					}
					else {
						// Its later events wait for the next attempt, in order.
						pendingByDocument.remove(sending.getKey());
						allPublished = false;
					}
				}
				if (!audited(acknowledged.values())) {
					pendingByDocument.keySet().removeAll(acknowledged.keySet());
					acknowledged.clear();
					allPublished = false;
				}
				acknowledged
					.forEach((id, event) -> published.computeIfAbsent(id, (key) -> new ArrayList<>()).add(event));
				allPublished &= !refused;
				pendingByDocument.values().removeIf(Deque::isEmpty);
			}
			removeFromOutboxes(documents, published);
			return allPublished;
		}
		finally {
			this.relaying.unlock();
		}
	}

	/** Each document's published events leave its outbox, all in one request. */
	private void removeFromOutboxes(MongoCollection<Document> documents, Map<Object, List<OutboxEvent>> published) {
		if (published.isEmpty()) {
			return;
		}
		documents.bulkWrite(published.entrySet()
			.stream()
			.map((events) -> new UpdateOneModel<Document>(Filters.eq("_id", events.getKey()),
					Updates.pull(HasOutbox.FIELD,
							Filters.in("eventId", events.getValue().stream().map(OutboxEvent::eventId).toList()))))
			.toList());
		Instant now = Instant.now();
		published.values().stream().flatMap(List::stream).forEach((event) -> {
			this.delay.record(Duration.between(event.occurredAt(), now));
			this.meters.counter("groundgame.outbox.published", "type", event.type()).increment();
		});
	}

	/** Hands one event to the producer, after what must go before it. */
	private Sending send(OutboxEvent event) {
		try {
			// The key before the event that needs it; an erasure's keys destroyed
			// before the erasure is announced. Both are idempotent.
			if (event.personalDataKey() != null) {
				this.personalData.shareKey(event.personalDataKey());
			}
			if (!event.erasedSubjects().isEmpty()) {
				this.personalData.destroyKeys(Topics.keysOf(event.topic()), event.erasedSubjects());
			}
			return new Sending(event, this.publisher.send(event));
		}
		catch (RuntimeException ex) {
			return new Sending(event, CompletableFuture.failedFuture(ex));
		}
	}

	/**
	 * Whether the producer refused a send at once because it could not reach the broker
	 * (it found no metadata for the topic in time), rather than because of the record.
	 */
	private static boolean brokerUnreachable(Sending sending) {
		if (!sending.acknowledgement().isCompletedExceptionally()) {
			return false;
		}
		for (Throwable cause = sending.acknowledgement().exceptionNow(); cause != null; cause = cause.getCause()) {
			if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Waits for an event's acknowledgement.
	 * @return whether the broker acknowledged it; a failure is counted and logged, to be
	 * retried
	 */
	private boolean acknowledged(Sending sending) {
		OutboxEvent event = sending.event();
		try {
			// The producer completes every send within its delivery timeout; the bound
			// only keeps a misconfigured producer from stopping the relay for good.
			sending.acknowledgement().get(ACKNOWLEDGEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			this.failures.increment();
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			log.warn("Event {} ({}) could not be published yet, will retry: {}", event.eventId(), event.type(),
					cause.getMessage());
			return false;
		}
	}

	/**
	 * Appends acknowledged events to the audit trail, before they leave the outbox: a
	 * relay that dies in between publishes and appends them again, and the trail keeps
	 * each once.
	 * @return whether they were appended; if not, they stay in the outbox to be retried
	 */
	private boolean audited(Collection<OutboxEvent> events) {
		if (events.isEmpty()) {
			return true;
		}
		try {
			this.audit.recordPublished(List.copyOf(events));
			return true;
		}
		catch (RuntimeException ex) {
			this.failures.increment(events.size());
			log.warn("{} published events could not be audited yet, will retry: {}", events.size(), ex.getMessage());
			return false;
		}
	}

	private List<Object> documents(String collection, Bson filter) {
		return this.mongo.getCollection(collection)
			.find(filter)
			.projection(Projections.include("_id"))
			.limit(this.properties.batchSize())
			.map((document) -> document.get("_id"))
			.into(new ArrayList<>());
	}

	private static OutboxEvent toEvent(Document pending) {
		Object occurredAt = pending.get("occurredAt");
		Instant time = (occurredAt instanceof Date date) ? date.toInstant() : Instant.parse(occurredAt.toString());
		return new OutboxEvent(pending.getString("eventId"), pending.getString("type"), pending.getString("topic"),
				pending.getString("key"), time, pending.getString("payload"), pending.getString("traceparent"),
				actorOf(pending.get("actor", Document.class)), pending.getString("requestId"),
				keyOf(pending.get("personalDataKey", Document.class)),
				pending.getList("erasedSubjects", String.class, List.of()));
	}

	private static KeyReference keyOf(Document key) {
		return (key != null) ? new KeyReference(key.getString("keysTopic"), key.getString("subject")) : null;
	}

	private static AuditActor actorOf(Document actor) {
		return (actor != null) ? new AuditActor(actor.getString("subject"), actor.getString("clientId"),
				actor.getString("role"), actor.getString("chapterId")) : null;
	}

	private void run() {
		long nextLook = 0;
		boolean firstLook = true;
		while (this.running) {
			try {
				if (System.nanoTime() - nextLook >= 0) {
					// The first look takes everything left from before this instance
					// started.
					lookForLeftovers(firstLook);
					firstLook = false;
					nextLook = System.nanoTime() + this.properties.pollInterval().toNanos();
				}
				Pending first = this.wakeUps.poll(Math.max(0, nextLook - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (first == null) {
					continue;
				}
				List<Pending> woken = new ArrayList<>();
				woken.add(first);
				this.wakeUps.drainTo(woken, MAX_WOKEN);
				Map<String, Set<Object>> byCollection = new LinkedHashMap<>();
				for (Pending pending : woken) {
					byCollection.computeIfAbsent(pending.collection(), (name) -> new LinkedHashSet<>())
						.add(pending.documentId());
				}
				for (var documentIds : byCollection.entrySet()) {
					if (!publishPendingOf(documentIds.getKey(), documentIds.getValue())) {
						// What is left is taken up by the next look.
						break;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The store may be unreachable for a moment: look again at the next
				// interval.
				log.warn("Outbox relay pass failed, will retry: {}", ex.getMessage());
				nextLook = System.nanoTime() + this.properties.pollInterval().toNanos();
			}
		}
	}

	@Override
	public void start() {
		if (!this.properties.relayEnabled() || this.running) {
			return;
		}
		this.running = true;
		this.worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Pending(String collection, Object documentId) {
	}

	private record Sending(OutboxEvent event, CompletableFuture<?> acknowledgement) {
	}

}
