package org.groundgame.support.outbox;

import java.util.Collection;

import com.mongodb.client.result.UpdateResult;
import org.groundgame.events.DomainEvent;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Changes a stored aggregate in place, with the events the change caused, in one document
 * write: the caller's update ({@code $set} of what changed), the events pushed to the
 * outbox and the version raised, on the condition that the document is still at the
 * version it was read at. Then it wakes the relay up, as a save does.
 * <p>
 * Use it for every change after the insert, rather than saving a whole document read
 * earlier: the relay removes published events without touching the version, so a
 * replacement built from a stale read would put published events back (to be published
 * again).
 */
public class OutboxUpdates {

	/** The version field of every aggregate document ({@code @Version Long version}). */
	static final String VERSION = "version";

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxRelay relay;

	public OutboxUpdates(MongoTemplate mongo, Outbox outbox, OutboxRelay relay) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.relay = relay;
	}

	/**
	 * @param type the aggregate's document class (its collection)
	 * @param id the document's id
	 * @param version the version the document was read at
	 * @param update what changes; the version and the outbox are this method's to set
	 * @param events the events the change caused, possibly none
	 * @return whether it was written; {@code false} when the stored document is no longer
	 * at that version (another write came first: read it again)
	 */
	public boolean updateIfUnchanged(Class<? extends HasOutbox> type, Object id, Long version, Update update,
			Collection<? extends DomainEvent> events) {
		if (!events.isEmpty()) {
			update.push(HasOutbox.FIELD)
				.each(events.stream().map(this.outbox::toOutboxEvent).toArray(OutboxEvent[]::new));
		}
		update.inc(VERSION, 1);
		UpdateResult result = this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(VERSION).is(version)),
				update, type);
		if (result.getMatchedCount() == 0) {
			return false;
		}
		if (!events.isEmpty()) {
			this.relay.wakeUp(this.mongo.getCollectionName(type), id);
		}
		return true;
	}

}
