package org.groundgame.identity.guard;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances' failure windows (each its own connection and store) on this JVM's one
 * MongoDB-wire store, on a clock the tests move. Each test has its own database.
 */
class FailureWindowsTests {

	private static final Duration PERIOD = Duration.ofMinutes(1);

	private final MovableClock clock = new MovableClock();

	private final AtomicLong localNanos = new AtomicLong();

	private final String database = "identity-" + UUID.randomUUID();

	private final List<MongoClient> clients = new ArrayList<>();

	@AfterEach
	void closeConnections() {
		this.clients.forEach(MongoClient::close);
	}

	@Test
	void failuresAtTheSameMomentOnTwoInstancesAreCountedOnceEach() throws Exception {
		List<FailureWindows> instances = List.of(windows(store(reachable())), windows(store(reachable())));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> counts = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 200; i++) {
				FailureWindows instance = instances.get(i % 2);
				counts.add(threads.submit(() -> {
					start.await();
					return instance.add("guessed-client").count();
				}));
			}
			start.countDown();
			List<Integer> seen = new ArrayList<>();
			for (Future<Integer> count : counts) {
				seen.add(count.get());
			}

			// Every failure has its own place in the one count: with an allowance of 10,
			// exactly 10 are answered as usual, whichever instance they reached.
			assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
			assertThat(seen.stream().filter((count) -> count <= 10)).hasSize(10);
		}
	}

	@Test
	void aWindowEndsOnePeriodAfterItsFirstFailureOnEveryInstance() {
		FailureWindows first = windows(store(reachable()));
		FailureWindows second = windows(store(reachable()));

		assertThat(first.add("address")).isEqualTo(new FailureWindows.Count(1, PERIOD));
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(second.add("address")).isEqualTo(new FailureWindows.Count(2, Duration.ofSeconds(20)));
		assertThat(first.add("another address").count()).isOne();

		this.clock.advance(Duration.ofSeconds(20));
		assertThat(first.add("address")).isEqualTo(new FailureWindows.Count(1, PERIOD));
		assertThat(second.add("address")).isEqualTo(new FailureWindows.Count(2, PERIOD));
	}

	@Test
	void aFailureTakenBackOnOneInstanceIsTakenBackForBothAndNeverBelowZero() {
		FailureWindows first = windows(store(reachable()));
		FailureWindows second = windows(store(reachable()));
		first.add("username");
		first.add("username");

		second.subtract("username");
		second.subtract("username");
		second.subtract("username");

		assertThat(first.add("username").count()).isOne();
		second.forget("username");
		assertThat(first.add("username").count()).isOne();
	}

	@Test
	void expiredWindowsAreDeletedAndOpenOnesKept() {
		FailureWindowStore store = store(reachable());
		FailureWindows windows = windows(store);
		windows.add("early");
		this.clock.advance(Duration.ofSeconds(30));
		windows.add("late");

		assertThat(store.removeExpired()).isZero();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(store.removeExpired()).isOne();

		assertThat(store.storedWindows()).isOne();
		assertThat(windows.add("late").count()).isEqualTo(2);
	}

	@Test
	void whileTheStoreCannotBeReachedEachInstanceCountsInItsMemory() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		FailureWindows windows = new FailureWindows(new FailureWindowStore(template(unreachable()), meters, this.clock),
				"secret-guessing-client", PERIOD, 1000, this.localNanos::get);

		for (int i = 1; i <= 12; i++) {
			assertThat(windows.add("guessed-client").count()).isEqualTo(i);
		}
		windows.subtract("guessed-client");
		assertThat(windows.add("guessed-client").count()).isEqualTo(12);

		// Neither every guess let through nor every client refused: counted, in memory.
		assertThat(meters.counter(FailureWindowStore.LOCAL_DECISIONS, "kind", "secret-guessing-client").count())
			.isEqualTo(14);
		this.localNanos.addAndGet(PERIOD.toNanos());
		assertThat(windows.add("guessed-client").count()).isOne();
	}

	private FailureWindows windows(FailureWindowStore store) {
		return new FailureWindows(store, "secret-guessing-client", PERIOD, 1000, this.localNanos::get);
	}

	private FailureWindowStore store(MongoClient client) {
		return new FailureWindowStore(template(client), new SimpleMeterRegistry(), this.clock);
	}

	private MongoTemplate template(MongoClient client) {
		this.clients.add(client);
		return new MongoTemplate(client, this.database);
	}

	/** Its own connection, as another instance of the service has. */
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

	/**
	 * Wall-clock time, whole milliseconds (as the store keeps it), moved by the tests.
	 */
	private static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(
				Instant.ofEpochMilli(System.currentTimeMillis()));

		void advance(Duration duration) {
			this.now.updateAndGet((at) -> at.plus(duration));
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
