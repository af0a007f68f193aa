package org.groundgame.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final CloudEventPublisher publisher;

	private final OutboxProperties properties;

	private final MeterRegistry meters;

	private final AuditTrail audit;

	private final PersonalDataProtection personalData;

	private final Set<String> collections = ConcurrentHashMap.newKeySet();

	private final BlockingQueue<Pending> wakeUps = new LinkedBlockingQueue<>();

	private final ReentrantLock relaying = new ReentrantLock();

	private final Timer delay;

	private final Counter failures;

	private volatile Thread worker;

	private volatile boolean running;

	public OutboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, OutboxProperties properties,
			MeterRegistry meters, AuditTrail audit, PersonalDataProtection personalData) {
		this.mongo = mongo;
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
				for (Object id : ids) {
					if (!publishPendingOf(collection, id)) {
						return false;
					}
				}
				if (ids.size() < this.properties.batchSize()) {
					break;
				}
			}
		}
		return true;
	}

	/**
	 * Publishes the pending events of one document in order, removing each once
	 * acknowledged.
	 * @return whether all were published
	 */
	public boolean publishPendingOf(String collection, Object documentId) {
		this.relaying.lock();
		try {
			MongoCollection<Document> documents = this.mongo.getCollection(collection);
			Document document = documents.find(Filters.eq("_id", documentId))
				.projection(Projections.include(HasOutbox.FIELD))
				.first();
			if (document == null) {
				return true;
			}
			for (Document pending : document.getList(HasOutbox.FIELD, Document.class, List.of())) {
				OutboxEvent event = toEvent(pending);
				try {
					// The key before the event that needs it; an erasure's keys destroyed
					// before the erasure is announced. Both are idempotent.
					if (event.personalDataKey() != null) {
						this.personalData.shareKey(event.personalDataKey());
					}
					if (!event.erasedSubjects().isEmpty()) {
						this.personalData.destroyKeys(Topics.keysOf(event.topic()), event.erasedSubjects());
					}
					this.publisher.publish(event);
					// Before the event leaves the outbox: a relay that dies in between
					// publishes and appends it again, and the trail keeps it once.
					this.audit.recordPublished(event);
				}
				catch (RuntimeException ex) {
					this.failures.increment();
					log.warn("Event {} ({}) could not be published and audited yet, will retry: {}", event.eventId(),
							event.type(), ex.getMessage());
					return false;
				}
				documents.updateOne(Filters.eq("_id", documentId),
						Updates.pull(HasOutbox.FIELD, new Document("eventId", event.eventId())));
				this.delay.record(Duration.between(event.occurredAt(), Instant.now()));
				this.meters.counter("groundgame.outbox.published", "type", event.type()).increment();
			}
			return true;
		}
		finally {
			this.relaying.unlock();
		}
	}

	private List<Object> documents(String collection, Bson filter) {
		return this.mongo.getCollection(collection)
			.find(filter)
			.projection(Projections.include("_id"))
			.limit(this.properties.batchSize())
			.map((document) -> document.get("_id"))
			.into(new java.util.ArrayList<>());
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
					if (firstLook) {
						publishAllPending();
						firstLook = false;
					}
					else {
						publishPendingOlderThan(Instant.now().minus(this.properties.pollInterval()));
					}
					nextLook = System.nanoTime() + this.properties.pollInterval().toNanos();
				}
				Pending first = this.wakeUps.poll(Math.max(0, nextLook - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (first == null) {
					continue;
				}
				Set<Pending> batch = new LinkedHashSet<>();
				batch.add(first);
				this.wakeUps.drainTo(batch);
				for (Pending pending : batch) {
					if (!publishPendingOf(pending.collection(), pending.documentId())) {
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

}
