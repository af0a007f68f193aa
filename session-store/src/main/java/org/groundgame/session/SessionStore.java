package org.groundgame.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * Browser sessions kept in a collection of the module's own MongoDB database rather than
 * in one process's memory, so that every instance of the module answers every session,
 * and a restart signs nobody out. Spring Session's {@link SessionRepository} is the
 * extension point made for this ({@code @EnableSpringHttpSession} puts it behind
 * {@code HttpSession}); Spring Session's MongoDB module has no release for Spring Session
 * 4 (only milestones), and Spring Boot 4 manages only its Redis and JDBC stores, neither
 * of which the platform runs, so this small one stands in for it.
 * <p>
 * A session's attributes (what Spring Security and the pages keep in it) are serialized
 * together, as Spring Session's own stores do, and sealed ({@link SessionSealing}). A
 * session that changed nothing but its last access is stored with a targeted update of
 * that time only, so that two requests of one person at once (on two instances or one) do
 * not overwrite each other's attributes with an older copy. A session expires after its
 * maximum inactive interval: it is refused when read after that, and
 * {@link #removeExpired()} deletes what expired with one conditional delete, which any
 * number of instances may run at once. No TTL index is relied on.
 *
 * @param <S> the module's kind of session
 */
public class SessionStore<S extends SharedSession> implements SessionRepository<S> {

	private static final String EXPIRES_AT = "expiresAt";

	private static final String ATTRIBUTES = "attributes";

	private static final String KEY = "key";

	private final MongoTemplate store;

	private final String collection;

	private final Duration maxInactive;

	private final Clock clock;

	private final SessionSealing sealing;

	private final Function<MapSession, S> sessions;

	private final SerializingConverter serializer = new SerializingConverter();

	private final DeserializingConverter deserializer;

	/**
	 * @param store the module's database
	 * @param collection the sessions' collection
	 * @param maxInactive how long a session lives unused
	 * @param clock the time
	 * @param sealing what seals the attributes; {@code null} stores them unsealed
	 * @param sessions the module's kind of session around the state
	 */
	protected SessionStore(MongoTemplate store, String collection, Duration maxInactive, Clock clock,
			SessionSealing sealing, Function<MapSession, S> sessions) {
		this.store = store;
		this.collection = collection;
		this.maxInactive = maxInactive;
		this.clock = clock;
		this.sealing = sealing;
		this.sessions = sessions;
		this.deserializer = new DeserializingConverter(getClass().getClassLoader());
	}

	/** Sessions of the plain kind: a module that needs no subclass of its own. */
	public static SessionStore<SharedSession> of(MongoTemplate store, String collection, Duration maxInactive,
			Clock clock, SessionSealing sealing) {
		return new SessionStore<>(store, collection, maxInactive, clock, sealing, SharedSession::new);
	}

	@Override
	public S createSession() {
		MapSession state = new MapSession();
		state.setCreationTime(this.clock.instant());
		state.setLastAccessedTime(state.getCreationTime());
		state.setMaxInactiveInterval(this.maxInactive);
		S session = this.sessions.apply(state);
		session.markNew();
		return session;
	}

	@Override
	public void save(S session) {
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
				.append(EXPIRES_AT, Date.from(expiresAt(state)));
			byte[] serialized = this.serializer.convert(attributes);
			if (this.sealing != null) {
				document.append(KEY, this.sealing.currentKeyId())
					.append(ATTRIBUTES, new Binary(this.sealing.seal(serialized)));
			}
			else {
				document.append(ATTRIBUTES, new Binary(serialized));
			}
			this.store.getCollection(this.collection)
				.replaceOne(new Document("_id", state.getId()), document, new ReplaceOptions().upsert(true));
			if (session.idChanged()) {
				deleteById(session.originalId());
			}
		}
		else {
			this.store.updateFirst(Query.query(Criteria.where("_id").is(state.getId())),
					new Update().set("lastAccessedAt", Date.from(state.getLastAccessedTime()))
						.set(EXPIRES_AT, Date.from(expiresAt(state))),
					this.collection);
		}
		session.saved();
	}

	@Override
	public S findById(String id) {
		Document document = this.store.getCollection(this.collection).find(new Document("_id", id)).first();
		if (document == null) {
			return null;
		}
		MapSession state = new MapSession(id);
		state.setCreationTime(document.getDate("createdAt").toInstant());
		state.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
		state.setMaxInactiveInterval(Duration.ofSeconds(document.get("maxInactiveSeconds", Number.class).longValue()));
		if (!expiresAt(state).isAfter(this.clock.instant())) {
			deleteById(id);
			return null;
		}
		byte[] serialized = attributes(document);
		if (serialized == null) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> attributes = (Map<String, Object>) this.deserializer.convert(serialized);
		attributes.forEach(state::setAttribute);
		return this.sessions.apply(state);
	}

	/**
	 * The serialized attributes; {@code null} when they are sealed with a key this
	 * instance does not have, or were sealed and this instance seals nothing (a session
	 * that cannot be opened is as good as gone).
	 */
	private byte[] attributes(Document document) {
		byte[] stored = document.get(ATTRIBUTES, Binary.class).getData();
		String key = document.getString(KEY);
		if (key == null) {
			return stored;
		}
		return (this.sealing != null) ? this.sealing.open(key, stored) : null;
	}

	@Override
	public void deleteById(String id) {
		this.store.remove(Query.query(Criteria.where("_id").is(id)), this.collection);
	}

	/**
	 * Removes the sessions that have expired, with one delete conditional on the expiry:
	 * any number of instances may run it at once, each removes only what has expired. A
	 * session is refused once expired anyway; this keeps the collection from growing.
	 */
	public void removeExpired() {
		this.store.remove(Query.query(Criteria.where(EXPIRES_AT).lt(Date.from(this.clock.instant()))), this.collection);
	}

	private static Instant expiresAt(MapSession session) {
		return session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
	}

}
