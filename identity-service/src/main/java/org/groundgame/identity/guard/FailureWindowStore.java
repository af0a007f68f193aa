package org.groundgame.identity.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the failure windows are kept ({@code failure_windows}), shared by every instance
 * of the service: one document per kind and key ({@code _id} the kind and the key's
 * SHA-256: no username or address is kept), with its {@code failures} and when it
 * {@code expiresAt}. Every change is one conditional update, so that failures counted at
 * the same moment on two instances are counted once each:
 * <ul>
 * <li>a failure increments the open window's count, or opens the window with an upsert;
 * an expired window (the upsert's insert is then a duplicate key) is opened again by an
 * update conditioned on its expiry, once, whoever comes first;</li>
 * <li>taking a failure back decrements an open window's count, never below zero.</li>
 * </ul>
 * Expired windows are deleted every {@code cleanup-interval} by every instance (a delete
 * conditioned on the expiry is harmless twice); a TTL index on {@code expiresAt} lets a
 * MongoDB with TTL indexes delete them as well. Correctness depends on neither: an
 * expired window is never counted in.
 */
@Component
public class FailureWindowStore implements FailureCounts {

	static final String COLLECTION = "failure_windows";

	static final String LOCAL_DECISIONS = "groundgame.identity.failure-windows.local";

	private static final Logger log = LoggerFactory.getLogger(FailureWindowStore.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final MeterRegistry meters;

	@Autowired
	public FailureWindowStore(MongoTemplate mongo, MeterRegistry meters) {
		this(mongo, meters, Clock.systemUTC());
	}

	/**
	 * @param clock wall-clock time, the same on every instance (not the service's
	 * {@link Clock} bean, which tests move)
	 */
	FailureWindowStore(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
		this.mongo = mongo;
		this.meters = meters;
		this.clock = clock;
		try {
			mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).named("expiresAt").expire(Duration.ZERO));
		}
		catch (DataAccessException ex) {
			log.warn("Could not create the index of {}: {}", COLLECTION, ex.getMessage());
		}
	}

	@Override
	public FailureWindows.Count add(String kind, String key, Duration period) {
		try {
			return count(kind, key, period);
		}
		catch (DataAccessException ex) {
			throw new Unreachable(ex);
		}
	}

	private FailureWindows.Count count(String kind, String key, Duration period) {
		String id = documentId(kind, key);
		while (true) {
			Instant now = this.clock.instant();
			Date expiresAt = Date.from(now.plus(period));
			try {
				Document window = this.mongo.findAndModify(open(id, now),
						new Update().inc("failures", 1).setOnInsert("expiresAt", expiresAt),
						FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
				return count(window, now);
			}
			catch (DuplicateKeyException ex) {
				// The key's window has expired: it opens again with this failure.
				Query expired = Query.query(Criteria.where("_id").is(id).and("expiresAt").lte(Date.from(now)));
				Document window = this.mongo.findAndModify(expired,
						new Update().set("failures", 1).set("expiresAt", expiresAt),
						FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
				if (window != null) {
					return count(window, now);
				}
				// Another instance opened it first: count in it.
			}
		}
	}

	@Override
	public void subtract(String kind, String key) {
		try {
			this.mongo.updateFirst(
					open(documentId(kind, key), this.clock.instant()).addCriteria(Criteria.where("failures").gt(0)),
					new Update().inc("failures", -1), COLLECTION);
		}
		catch (DataAccessException ex) {
			throw new Unreachable(ex);
		}
	}

	@Override
	public void forget(String kind, String key) {
		try {
			this.mongo.remove(Query.query(Criteria.where("_id").is(documentId(kind, key))), COLLECTION);
		}
		catch (DataAccessException ex) {
			throw new Unreachable(ex);
		}
	}

	/**
	 * Deletes the windows that have expired.
	 * @return how many
	 */
	@Scheduled(fixedDelayString = "${groundgame.identity.failure-windows.cleanup-interval:5m}",
			initialDelayString = "${groundgame.identity.failure-windows.cleanup-interval:5m}")
	public long removeExpired() {
		try {
			return this.mongo
				.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(this.clock.instant()))), COLLECTION)
				.getDeletedCount();
		}
		catch (DataAccessException ex) {
			log.warn("Could not delete the expired failure windows; trying again later: {}", ex.getMessage());
			return 0;
		}
	}

	/** How many windows of every kind are kept, expired or not, for tests. */
	long storedWindows() {
		return this.mongo.count(new Query(), COLLECTION);
	}

	@Override
	public void countedLocally(String kind) {
		Counter.builder(LOCAL_DECISIONS)
			.description("Failures counted in an instance's memory while the shared windows could not be reached")
			.tag("kind", kind)
			.register(this.meters)
			.increment();
	}

	private static Query open(String id, Instant now) {
		return Query.query(Criteria.where("_id").is(id).and("expiresAt").gt(Date.from(now)));
	}

	private static FailureWindows.Count count(Document window, Instant now) {
		Duration timeLeft = Duration.between(now, window.getDate("expiresAt").toInstant());
		return new FailureWindows.Count(window.getInteger("failures"),
				timeLeft.isPositive() ? timeLeft : Duration.ofNanos(1));
	}

	private static String documentId(String kind, String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return kind + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
