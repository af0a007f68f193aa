package org.groundgame.identity.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.guard.FailureWindowStore;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's guard on two instances of the service (each its own connection,
 * store and meters) over this JVM's one store, with the default allowance (10 failures a
 * minute per client id and per address): wrong secrets sent to both at the same moment
 * count once in total.
 */
class SecretGuessingOnTwoInstancesTests {

	private static final int ALLOWED_FAILURES = 10;

	private final String database = "identity-" + UUID.randomUUID();

	private final List<MongoClient> clients = new ArrayList<>();

	@AfterEach
	void closeConnections() {
		this.clients.forEach(MongoClient::close);
	}

	@Test
	void wrongSecretsSentToTwoInstancesAtOnceGetTheAllowanceOnceBetweenThem() throws Exception {
		List<MeterRegistry> meters = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
		List<SecretGuessing> instances = List.of(instance(meters.get(0)), instance(meters.get(1)));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Duration>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 60; i++) {
				SecretGuessing instance = instances.get(i % 2);
				// One client id, guessed from many addresses.
				String address = "203.0.113." + i;
				answers.add(threads.submit(() -> {
					start.await();
					return instance.failed("guessed-client", address);
				}));
			}
			start.countDown();
			List<Duration> waits = new ArrayList<>();
			for (Future<Duration> answer : answers) {
				waits.add(answer.get());
			}

			assertThat(waits.stream().filter(Duration::isZero)).hasSize(ALLOWED_FAILURES);
			assertThat(waits.stream().filter(Duration::isPositive)).hasSize(60 - ALLOWED_FAILURES)
				.allSatisfy((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1)));
		}
		assertThat(refused(meters, "wrong-credentials")).isEqualTo(ALLOWED_FAILURES);
		assertThat(refused(meters, "too-many-failures")).isEqualTo(60 - ALLOWED_FAILURES);
	}

	private SecretGuessing instance(MeterRegistry meters) {
		MongoClient client = MongoClients.create(TestInfrastructure.get().mongoConnectionString());
		this.clients.add(client);
		return new SecretGuessing(new IdentityProperties(null, null, null, null, null, null, null, null, null, null),
				meters, new FailureWindowStore(new MongoTemplate(client, this.database), meters));
	}

	private static double refused(List<MeterRegistry> meters, String reason) {
		return meters.stream()
			.mapToDouble((registry) -> registry
				.counter("groundgame.identity.client-authentication.refused", "reason", reason)
				.count())
			.sum();
	}

}
