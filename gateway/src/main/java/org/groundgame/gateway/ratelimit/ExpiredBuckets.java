package org.groundgame.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes the shared buckets that are full again ({@link BucketStore#removeExpired}),
 * every {@code cleanup-interval}, so that the store holds the keys seen lately and no
 * more, on any MongoDB (mongo-java-server has no TTL indexes). Every gateway instance
 * runs it: a delete conditioned on the expiry is harmless twice, so no lock elects one.
 */
class ExpiredBuckets {

	static final int BATCH_SIZE = 1000;

	private static final Logger log = LoggerFactory.getLogger(ExpiredBuckets.class);

	private final BucketStore store;

	ExpiredBuckets(BucketStore store) {
		this.store = store;
	}

	@Scheduled(fixedDelayString = "${groundgame.gateway.rate-limits.cleanup-interval:5m}",
			initialDelayString = "${groundgame.gateway.rate-limits.cleanup-interval:5m}")
	void removeExpired() {
		try {
			int removed;
			do {
				removed = this.store.removeExpired(BATCH_SIZE);
			}
			while (removed == BATCH_SIZE);
		}
		catch (DataAccessException ex) {
			log.warn("Could not delete the expired rate-limit buckets; trying again later: {}", ex.getMessage());
		}
	}

}
