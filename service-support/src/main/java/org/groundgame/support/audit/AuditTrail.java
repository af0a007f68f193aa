package org.groundgame.support.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.groundgame.support.outbox.OutboxEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service's append-only audit trail: every event it publishes (so every change of every
 * aggregate, in the order its document recorded them: the order of each waitlist, each
 * offer, each override) and every change it makes without an event, with who made it,
 * when and through which request, chained by hash.
 * <p>
 * Appending is safe with several instances and at-least-once callers: an entry takes the
 * next sequence number by inserting it under the unique {@code _id} (a loser of the race
 * reads the new end of the chain and tries again), and its {@code entryId} is unique too,
 * so the same event appended twice (a relay that died after appending) is kept once. An
 * instance remembers the end of the chain it appended, so an append is one insert, not a
 * read of the chain's end and an insert (the relay appends once per published event).
 */
public class AuditTrail {

	/** The collection, in the service's own database. */
	public static final String COLLECTION = "audit_trail";

	private final MongoTemplate mongo;

	private final AuditActors actors;

	private final Clock clock;

	private final AuditFacts facts = new AuditFacts();

	private final ReentrantLock appending = new ReentrantLock();

	private final Counter appended;

	private volatile boolean indexed;

	/**
	 * The end of the chain as this instance last appended or read it (guarded by
	 * {@link #appending}): the next entry follows it without reading the store first.
	 * When another instance appended since, the insert under the taken sequence number
	 * fails as a duplicate and the end is read again, so the cache never makes a gap or a
	 * fork.
	 */
	private @Nullable AuditEntry end;

	public AuditTrail(MongoTemplate mongo, AuditActors actors, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.actors = actors;
		this.clock = clock;
		this.appended = Counter.builder("groundgame.audit.entries")
			.description("Entries appended to the service's audit chain")
			.register(meters);
	}

	/**
	 * Appends the fact that an event was published, with the actor and request its outbox
	 * entry recorded. Called by the relay once Kafka acknowledged the event and before
	 * the event leaves the outbox, so that no published event is missing from the trail.
	 */
	public AuditEntry recordPublished(OutboxEvent event) {
		AuditActor actor = (event.actor() != null) ? event.actor() : AuditActor.SYSTEM;
		return append(event.eventId(), event.occurredAt(), event.type(), event.key(), actor, event.requestId(),
				this.facts.ofEvent(event.type(), event.payload()));
	}

	/**
	 * Appends the facts that several events were published, in the given order, as
	 * {@link #recordPublished(OutboxEvent)} does for one, in one insert when this
	 * instance knows the end of the chain and nothing is in the way. When something is
	 * (another instance appended, or an event was recorded before), it appends the ones
	 * not in the trail yet one by one, reading the chain's end again.
	 */
	public void recordPublished(List<OutboxEvent> events) {
		if (events.size() == 1) {
			recordPublished(events.get(0));
			return;
		}
		MongoCollection<Document> entries = entries();
		this.appending.lock();
		try {
			AuditEntry last = (this.end != null) ? this.end : readEnd(entries);
			List<AuditEntry> chained = new ArrayList<>(events.size());
			for (OutboxEvent event : events) {
				long sequence = (last != null) ? last.sequence() + 1 : 1;
				String previousHash = (last != null) ? last.hash() : AuditEntry.GENESIS;
				AuditActor actor = (event.actor() != null) ? event.actor() : AuditActor.SYSTEM;
				last = AuditEntry.chain(sequence, previousHash, event.eventId(), event.occurredAt(), event.type(),
						event.key(), actor, event.requestId(), this.facts.ofEvent(event.type(), event.payload()));
				chained.add(last);
			}
			try {
				entries.insertMany(chained.stream().map(AuditEntry::toDocument).toList());
				this.end = last;
				this.appended.increment(chained.size());
				return;
			}
			catch (MongoBulkWriteException ex) {
				if (ex.getWriteErrors()
					.stream()
					.anyMatch((error) -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
					throw ex;
				}
				// Some may be in: each one appended alone finds itself by its entry id.
				this.end = null;
			}
		}
		finally {
			this.appending.unlock();
		}
		events.forEach(this::recordPublished);
	}

	/**
	 * Appends a change made without an event (a client, a subscription), by the caller of
	 * the current request. Call it once the change is stored.
	 * @param action what was done, in the form {@code <resource>.<verb>}, e.g.
	 * {@code subscription.changed}
	 * @param resourceId what it was done to
	 * @param facts the change's facts; never personal data or secrets
	 */
	public AuditEntry record(String action, String resourceId, Map<String, ?> facts) {
		return append(UUID.randomUUID().toString(), this.clock.instant(), action, resourceId, this.actors.current(),
				this.actors.currentRequestId(), this.facts.of(facts));
	}

	private AuditEntry append(String entryId, java.time.Instant at, String action, String resourceId, AuditActor actor,
			@Nullable String requestId, String facts) {
		MongoCollection<Document> entries = entries();
		this.appending.lock();
		try {
			AuditEntry last = (this.end != null) ? this.end : readEnd(entries);
			while (true) {
				long sequence = (last != null) ? last.sequence() + 1 : 1;
				String previousHash = (last != null) ? last.hash() : AuditEntry.GENESIS;
				AuditEntry entry = AuditEntry.chain(sequence, previousHash, entryId, at, action, resourceId, actor,
						requestId, facts);
				try {
					entries.insertOne(entry.toDocument());
					this.end = entry;
					this.appended.increment();
					return entry;
				}
				catch (MongoWriteException ex) {
					if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
						throw ex;
					}
					Document existing = entries.find(Filters.eq("entryId", entryId)).first();
					if (existing != null) {
						return AuditEntry.of(existing);
					}
					// Another instance took this place in the chain: append after it.
					last = readEnd(entries);
				}
			}
		}
		finally {
			this.appending.unlock();
		}
	}

	/** The last entry of the chain in the store, or {@code null} for an empty chain. */
	private static @Nullable AuditEntry readEnd(MongoCollection<Document> entries) {
		Document last = entries.find().sort(Sorts.descending("_id")).limit(1).first();
		return (last != null) ? AuditEntry.of(last) : null;
	}

	/** The entries about one resource, oldest first. */
	public Page<AuditEntry> entriesOf(String resourceId, int page, int size) {
		MongoCollection<Document> entries = entries();
		List<AuditEntry> content = entries.find(Filters.eq("resourceId", resourceId))
			.sort(Sorts.ascending("_id"))
			.skip(page * size)
			.limit(size)
			.map(AuditEntry::of)
			.into(new ArrayList<>());
		return new PageImpl<>(content, PageRequest.of(page, size),
				entries.countDocuments(Filters.eq("resourceId", resourceId)));
	}

	/**
	 * Reads the whole chain in order and checks that it has no gap, that each entry
	 * follows the hash of the one before, and that each hash is its entry's.
	 */
	public AuditVerification verify() {
		long expected = 1;
		String previousHash = AuditEntry.GENESIS;
		for (Document document : entries().find().sort(Sorts.ascending("_id"))) {
			AuditEntry entry = AuditEntry.of(document);
			if (entry.sequence() != expected) {
				return AuditVerification.broken(expected - 1, previousHash, expected,
						"Entry " + expected + " is missing: the chain goes on at " + entry.sequence());
			}
			if (!entry.previousHash().equals(previousHash)) {
				return AuditVerification.broken(expected - 1, previousHash, expected,
						"Entry " + expected + " does not follow the hash of the entry before it");
			}
			if (!entry.hashMatches()) {
				return AuditVerification.broken(expected - 1, previousHash, expected,
						"Entry " + expected + " is not what was recorded: its hash does not match its fields");
			}
			previousHash = entry.hash();
			expected++;
		}
		return AuditVerification.intact(expected - 1, previousHash);
	}

	private MongoCollection<Document> entries() {
		MongoCollection<Document> entries = this.mongo.getCollection(COLLECTION);
		if (!this.indexed) {
			entries.createIndex(Indexes.ascending("entryId"), new IndexOptions().unique(true));
			entries.createIndex(Indexes.ascending("resourceId", "_id"));
			this.indexed = true;
		}
		return entries;
	}

}
