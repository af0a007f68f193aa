package org.groundgame.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The rate limits' token buckets, shared by every gateway instance on the gateway's
 * MongoDB database ({@code rate_limit_buckets}): Bucket4j's compare-and-swap proxy
 * manager (Bucket4j has no MongoDB module; its maintainer's advice for a new store is
 * this base class, as its Redis and JDBC integrations do). Bucket4j reads a bucket's
 * state, applies the request to it in this process, and writes the new state back only if
 * the stored one is still the state it read: a conditional update on the document,
 * matching its {@code state} bytes. A write that lost the race changes nothing, and
 * Bucket4j reads again and retries, so that concurrent requests on any number of
 * instances never take more tokens than the bucket holds. A bucket's first write is an
 * insert; of two concurrent first writes, the second is a duplicate key, and retries.
 * <p>
 * One document per limit and key, the key hashed (SHA-256): a client's address or a
 * token's subject is not kept in the store. Each write sets {@code expiresAt} to when the
 * bucket will be full again (Bucket4j's
 * {@link ExpirationAfterWriteStrategy#basedOnTimeForRefillingBucketUpToMax}): past it,
 * the document says nothing that a new, full bucket would not, and {@link #removeExpired}
 * deletes it. A TTL index on {@code expiresAt} lets MongoDB delete them too, where it has
 * TTL indexes; correctness depends on neither (an expired bucket read before it is
 * deleted is refilled as usual, and one deleted between a read and a write makes the
 * write miss and retry on a new bucket, as full as the deleted one was).
 */
@Component
final class BucketStore extends AbstractCompareAndSwapBasedProxyManager<String> implements ExpiredEntriesCleaner {

	static final String COLLECTION = "rate_limit_buckets";

	private static final Logger log = LoggerFactory.getLogger(BucketStore.class);

	private final MongoTemplate mongo;

	private final TimeMeter clock;

	private final ExpirationAfterWriteStrategy expiration;

	@Autowired
	BucketStore(MongoTemplate mongo) {
		this(mongo, TimeMeter.SYSTEM_MILLISECONDS);
	}

	/**
	 * @param mongo the gateway's database
	 * @param clock wall-clock time, the same on every instance (Bucket4j's
	 * {@link TimeMeter#SYSTEM_MILLISECONDS} outside tests)
	 */
	BucketStore(MongoTemplate mongo, TimeMeter clock) {
		this(mongo, clock, ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO));
	}

	private BucketStore(MongoTemplate mongo, TimeMeter clock, ExpirationAfterWriteStrategy expiration) {
		super(ClientSideConfig.getDefault().withClientClock(clock).withExpirationAfterWriteStrategy(expiration));
		this.mongo = mongo;
		this.clock = clock;
		this.expiration = expiration;
		createIndex();
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		String id = documentId(key);
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				Query query = byId(id);
				query.fields().include("state");
				Document found = BucketStore.this.mongo.findOne(query, Document.class, COLLECTION);
				return Optional.ofNullable(found).map((document) -> document.get("state", Binary.class).getData());
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				return swap(id, originalData, newData, newState);
			}

		};
	}

	private boolean swap(String id, byte[] originalData, byte[] newData, RemoteBucketState newState) {
		Date expiresAt = expiresAt(newState);
		if (originalData == null) {
			try {
				this.mongo.insert(
						new Document("_id", id).append("state", new Binary(newData)).append("expiresAt", expiresAt),
						COLLECTION);
				return true;
			}
			catch (DuplicateKeyException ex) {
				// Another request (on this instance or another) made the bucket first.
				return false;
			}
		}
		Query unchanged = Query.query(Criteria.where("_id").is(id).and("state").is(new Binary(originalData)));
		Update update = new Update().set("state", new Binary(newData)).set("expiresAt", expiresAt);
		return this.mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1;
	}

	/**
	 * Deletes buckets that are full again, at most {@code batchSize} of them.
	 * @return how many were deleted
	 */
	@Override
	public int removeExpired(int batchSize) {
		Query expired = Query.query(Criteria.where("expiresAt").lt(now())).limit(batchSize);
		expired.fields().include("_id");
		var ids = this.mongo.find(expired, Document.class, COLLECTION)
			.stream()
			.map((found) -> found.get("_id"))
			.toList();
		if (ids.isEmpty()) {
			return 0;
		}
		// Conditioned on the expiry again: a bucket written since it was found stays.
		return (int) this.mongo
			.remove(Query.query(Criteria.where("_id").in(ids).and("expiresAt").lt(now())), COLLECTION)
			.getDeletedCount();
	}

	/** How many buckets are stored, for tests. */
	long storedBuckets() {
		return this.mongo.count(new Query(), COLLECTION);
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("The gateway's buckets are used synchronously");
	}

	@Override
	public void removeProxy(String key) {
		this.mongo.remove(byId(documentId(key)), COLLECTION);
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		throw new UnsupportedOperationException("The gateway's buckets are used synchronously");
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	private Date expiresAt(RemoteBucketState state) {
		long nowNanos = this.clock.currentTimeNanos();
		long ttlMillis = Math.max(0, this.expiration.calculateTimeToLiveMillis(state, nowNanos));
		return new Date(TimeUnit.NANOSECONDS.toMillis(nowNanos) + ttlMillis);
	}

	private Date now() {
		return new Date(TimeUnit.NANOSECONDS.toMillis(this.clock.currentTimeNanos()));
	}

	/**
	 * The TTL index, for a MongoDB that has them. A gateway that starts while the store
	 * is unreachable still starts (its limits fall back to local buckets meanwhile).
	 */
	private void createIndex() {
		try {
			this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).named("expiresAt").expire(Duration.ZERO));
		}
		catch (DataAccessException ex) {
			log.warn("Could not create the index of {}: {}", COLLECTION, ex.getMessage());
		}
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	/** The limit's name and the key's SHA-256: no address or subject in the store. */
	private static String documentId(String key) {
		int separator = key.indexOf(':');
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(key.substring(separator + 1).getBytes(StandardCharsets.UTF_8));
			return key.substring(0, separator + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
