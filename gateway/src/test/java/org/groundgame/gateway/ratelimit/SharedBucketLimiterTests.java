package org.groundgame.gateway.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.github.bucket4j.TimeMeter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances' limits (each its own connection, store, circuit breaker and
 * local buckets) on this JVM's one MongoDB-wire store, on a clock the tests move. Each
 * test has its own keys.
 */
class SharedBucketLimiterTests {

	private static final RateLimitProperties.Limit THREE_IN_30_SECONDS = new RateLimitProperties.Limit(3,
			Duration.ofSeconds(30));

	/** Wall-clock nanoseconds, moved by the tests: the instances share it, as time. */
	private final AtomicLong clock = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));

	private final TimeMeter time = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return SharedBucketLimiterTests.this.clock.get();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	};

	private final List<MongoClient> clients = new ArrayList<>();

	private final String key = UUID.randomUUID().toString();

	/** The gateway's collection in a database of this test's own. */
	private final String database = "gateway-" + UUID.randomUUID();

	@AfterEach
	void closeConnections() {
		this.clients.forEach(MongoClient::close);
	}

	@Test
	void concurrentRequestsOnTwoInstancesGetTheCapacityOnceBetweenThem() throws Exception {
		RateLimitProperties.Limit limit = new RateLimitProperties.Limit(100, Duration.ofHours(1));
		List<SharedBucketLimiter> instances = List.of(instance(limit), instance(limit));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 600; i++) {
				SharedBucketLimiter instance = instances.get(i % 2);
				attempts.add(threads.submit(() -> {
					start.await();
					return instance.tryTake(this.key).isZero();
				}));
			}
			start.countDown();
			long granted = 0;
			for (Future<Boolean> attempt : attempts) {
				granted += attempt.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(100);
		}
	}

	@Test
	void whatOneInstanceTookTheOtherCannotTakeAndTokensComeBackForBoth() {
		SharedBucketLimiter first = instance(THREE_IN_30_SECONDS);
		SharedBucketLimiter second = instance(THREE_IN_30_SECONDS);
		for (int i = 0; i < 3; i++) {
			assertThat(first.tryTake(this.key)).isZero();
		}

		assertThat(second.tryTake(this.key)).isEqualTo(Duration.ofSeconds(10));
		advance(Duration.ofSeconds(4));
		assertThat(first.tryTake(this.key)).isEqualTo(Duration.ofSeconds(6));
		advance(Duration.ofSeconds(6));
		assertThat(second.tryTake(this.key)).isZero();
		assertThat(first.tryTake(this.key)).isEqualTo(Duration.ofSeconds(10));
		// Another key has its own bucket.
		assertThat(second.tryTake(this.key + "-other")).isZero();
	}

	@Test
	void bucketsAreDeletedOnceTheyAreFullAgainAndNotBefore() {
		BucketStore store = store(reachable());
		SharedBucketLimiter instance = instance(THREE_IN_30_SECONDS, store);
		for (int i = 0; i < 3; i++) {
			instance.tryTake(this.key);
		}
		assertThat(store.storedBuckets()).isOne();

		// 2.9 tokens back: the bucket is kept, and says so.
		advance(Duration.ofSeconds(29));
		assertThat(store.removeExpired(ExpiredBuckets.BATCH_SIZE)).isZero();
		assertThat(store.storedBuckets()).isOne();
		assertThat(instance.tryTake(this.key)).isZero();
		assertThat(instance.tryTake(this.key)).isZero();
		assertThat(instance.tryTake(this.key)).isPositive();

		// Full again 21 s after the last token was taken.
		advance(Duration.ofSeconds(22));
		assertThat(store.removeExpired(ExpiredBuckets.BATCH_SIZE)).isOne();
		assertThat(store.storedBuckets()).isZero();
		// A new bucket is as full as the deleted one had become.
		for (int i = 0; i < 3; i++) {
			assertThat(instance.tryTake(this.key)).isZero();
		}
		assertThat(instance.tryTake(this.key)).isPositive();
	}

	@Test
	void whileTheStoreCannotBeReachedEachInstanceCountsInItsOwnBuckets() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		CircuitBreaker breaker = RateLimitConfiguration.storeCircuitBreaker(CircuitBreakerRegistry.ofDefaults());
		SharedBucketLimiter instance = new SharedBucketLimiter("public", THREE_IN_30_SECONDS, 1000,
				store(unreachable()), breaker, this::localNanos, meters);

		for (int i = 0; i < 3; i++) {
			assertThat(instance.tryTake(this.key)).isZero();
		}
		assertThat(instance.tryTake(this.key)).isEqualTo(Duration.ofSeconds(10));

		// Neither everyone refused nor everyone let through: the allowance, locally.
		assertThat(meters.counter(SharedBucketLimiter.LOCAL_DECISIONS, "limit", "public").count()).isEqualTo(4);
		for (int i = 0; i < 10; i++) {
			assertThat(instance.tryTake(this.key)).isPositive();
		}
		// Once the store has failed often enough, requests no longer wait for it.
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(meters.counter(SharedBucketLimiter.LOCAL_DECISIONS, "limit", "public").count()).isEqualTo(14);
		advance(Duration.ofSeconds(10));
		assertThat(instance.tryTake(this.key)).isZero();
	}

	private SharedBucketLimiter instance(RateLimitProperties.Limit limit) {
		return instance(limit, store(reachable()));
	}

	private SharedBucketLimiter instance(RateLimitProperties.Limit limit, BucketStore store) {
		return new SharedBucketLimiter("public", limit, 1000, store,
				RateLimitConfiguration.storeCircuitBreaker(CircuitBreakerRegistry.ofDefaults()), this::localNanos,
				new SimpleMeterRegistry());
	}

	private BucketStore store(MongoClient client) {
		this.clients.add(client);
		return new BucketStore(new MongoTemplate(client, this.database), this.time);
	}

	/** Its own connection, as another gateway instance has. */
	private static MongoClient reachable() {
		return MongoClients.create(TestInfrastructure.get().mongoConnectionString());
	}

	/** A store at an address nobody listens on, answering fast. */
	private static MongoClient unreachable() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(100, TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(100, TimeUnit.MILLISECONDS))
			.build());
	}

	/** The local buckets' clock (Caffeine's ticker), moved with the shared one. */
	private long localNanos() {
		return this.clock.get();
	}

	private void advance(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

}
