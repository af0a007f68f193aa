package org.groundgame.web.console.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * The console's sessions, kept in the {@code sessions} collection of this module's own
 * database rather than in memory, so that an organizer stays signed in when {@code web}
 * restarts and any instance can answer them. Spring Session's {@link SessionRepository}
 * is the extension point made for this; its MongoDB implementation has no release for
 * Spring Session 4 (only a milestone), so this small one stands in for it.
 * <p>
 * A session holds what Spring Security keeps for a signed-in person: the security context
 * and the OAuth2 authorized client (the access and refresh tokens, which never reach the
 * browser), serialized together. A session that changed nothing but its last access is
 * stored with a targeted update of that time only, so that two requests of one person at
 * once do not overwrite each other's attributes with an older copy.
 */
public class StoredSessions implements SessionRepository<StoredSession> {

	static final String COLLECTION = "sessions";

	private static final String EXPIRES_AT = "expiresAt";

	private final MongoTemplate store;

	private final Duration maxInactive;

	private final Clock clock;

	private final SerializingConverter serializer = new SerializingConverter();

	private final DeserializingConverter deserializer;

	public StoredSessions(MongoTemplate store, Duration maxInactive, Clock clock) {
		this.store = store;
		this.maxInactive = maxInactive;
		this.clock = clock;
		this.deserializer = new DeserializingConverter(StoredSessions.class.getClassLoader());
	}

	@Override
	public StoredSession createSession() {
		MapSession session = new MapSession();
		session.setCreationTime(this.clock.instant());
		session.setLastAccessedTime(session.getCreationTime());
		session.setMaxInactiveInterval(this.maxInactive);
		return StoredSession.created(session);
	}

	@Override
	public void save(StoredSession session) {
		MapSession state = session.state();
		if (session.isNew() || session.attributesChanged() || session.idChanged()) {
			Map<String, Object> attributes = new HashMap<>();
			for (String name : state.getAttributeNames()) {
				attributes.put(name, state.getAttribute(name));
			}
			Document document = new Document("_id", state.getId())
				.append("createdAt", Date.from(state.getCreationTime()))
				.append("lastAccessedAt", Date.from(state.getLastAccessedTime()))
				.append("maxInactiveSeconds", state.getMaxInactiveInterval().toSeconds())
				.append(EXPIRES_AT, Date.from(expiresAt(state)))
				.append("attributes", new Binary(this.serializer.convert(attributes)));
			this.store.getCollection(COLLECTION)
				.replaceOne(new Document("_id", state.getId()), document, new ReplaceOptions().upsert(true));
			if (session.idChanged()) {
				deleteById(session.originalId());
			}
		}
		else {
			this.store.updateFirst(Query.query(Criteria.where("_id").is(state.getId())),
					new Update().set("lastAccessedAt", Date.from(state.getLastAccessedTime()))
						.set(EXPIRES_AT, Date.from(expiresAt(state))),
					COLLECTION);
		}
		session.saved();
	}

	@Override
	public StoredSession findById(String id) {
		Document document = this.store.getCollection(COLLECTION).find(new Document("_id", id)).first();
		if (document == null) {
			return null;
		}
		MapSession session = new MapSession(id);
		session.setCreationTime(document.getDate("createdAt").toInstant());
		session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
		session
			.setMaxInactiveInterval(Duration.ofSeconds(document.get("maxInactiveSeconds", Number.class).longValue()));
		if (!expiresAt(session).isAfter(this.clock.instant())) {
			deleteById(id);
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> attributes = (Map<String, Object>) this.deserializer
			.convert(document.get("attributes", Binary.class).getData());
		attributes.forEach(session::setAttribute);
		return StoredSession.found(session);
	}

	@Override
	public void deleteById(String id) {
		this.store.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
	}

	/**
	 * Removes the sessions that have expired. A session is refused once expired anyway;
	 * this keeps the collection from growing (the store here offers no TTL index).
	 */
	@Scheduled(fixedDelayString = "${groundgame.web.console.session-cleanup-interval:PT10M}")
	public void removeExpired() {
		this.store.remove(Query.query(Criteria.where(EXPIRES_AT).lt(Date.from(this.clock.instant()))), COLLECTION);
	}

	private static Instant expiresAt(MapSession session) {
		return session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
	}

}
