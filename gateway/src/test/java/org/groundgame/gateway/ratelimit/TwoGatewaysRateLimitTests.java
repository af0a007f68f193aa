package org.groundgame.gateway.ratelimit;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.gateway.GatewayApplication;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.TestBackends;
import org.groundgame.gateway.error.EdgeProblems;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on the module's one store, the way a load balancer would have
 * them: the test's own Spring context and a second one of the same application, started
 * beside it with the same limits. A caller gets its allowance once, whichever instance
 * its requests reach, even when they reach both at the same moment. Each test calls from
 * its own loopback address or as its own client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TwoGatewaysRateLimitTests.PUBLIC_CAPACITY, TwoGatewaysRateLimitTests.PUBLIC_PERIOD,
				TwoGatewaysRateLimitTests.CLIENT_CAPACITY, TwoGatewaysRateLimitTests.CLIENT_PERIOD })
@Import(GatewayTestConfiguration.class)
class TwoGatewaysRateLimitTests {

	static final int PUBLIC_BURST = 7;

	static final int CLIENT_BURST = 9;

	static final String PUBLIC_CAPACITY = "groundgame.gateway.rate-limits.public.capacity=" + PUBLIC_BURST;

	static final String PUBLIC_PERIOD = "groundgame.gateway.rate-limits.public.refill-period=1h";

	static final String CLIENT_CAPACITY = "groundgame.gateway.rate-limits.client.capacity=" + CLIENT_BURST;

	static final String CLIENT_PERIOD = "groundgame.gateway.rate-limits.client.refill-period=1h";

	private static final AtomicInteger nextAddress = new AtomicInteger(10);

	private static ConfigurableApplicationContext secondGateway;

	private final int firstPort;

	private final int secondPort;

	private final CircuitBreakerRegistry circuitBreakers;

	private final MeterRegistry firstMeters;

	@Autowired
	TwoGatewaysRateLimitTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers, MeterRegistry meters) {
		this.firstPort = port;
		this.circuitBreakers = circuitBreakers;
		this.firstMeters = meters;
		this.secondPort = ((WebServerApplicationContext) secondGateway).getWebServer().getPort();
	}

	@BeforeAll
	static void startTheSecondGateway() {
		secondGateway = SpringApplication.from(GatewayApplication::main)
			.with(GatewayTestConfiguration.class)
			.run("--server.port=0", "--" + PUBLIC_CAPACITY, "--" + PUBLIC_PERIOD, "--" + CLIENT_CAPACITY,
					"--" + CLIENT_PERIOD)
			.getApplicationContext();
	}

	@AfterAll
	static void stopTheSecondGateway() {
		secondGateway.close();
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
		TestBackends.reset(secondGateway.getBean(CircuitBreakerRegistry.class));
	}

	@Test
	void requestsFromOneAddressReachingBothInstancesAtOnceGetOneBurst() throws Exception {
		InetAddress address = anotherAddress();
		List<GatewayClient> instances = List.of(new GatewayClient(this.firstPort, address),
				new GatewayClient(this.secondPort, address));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < PUBLIC_BURST * 6; i++) {
				GatewayClient instance = instances.get(i % 2);
				answers.add(threads.submit(() -> {
					start.await();
					return instance.get("/api/chapters");
				}));
			}
			start.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				responses.add(answer.get());
			}

			assertThat(responses.stream().filter((response) -> response.statusCode() == 200)).hasSize(PUBLIC_BURST);
			assertThat(responses.stream().filter((response) -> response.statusCode() != 200)).hasSize(PUBLIC_BURST * 5)
				.allSatisfy(TwoGatewaysRateLimitTests::assertTooManyRequests);
		}
		assertThat(TestBackends.volunteer.receivedRequests()).hasSize(PUBLIC_BURST);
		assertCountedOnTheSharedBuckets();
	}

	@Test
	void aClientsRequestsAreCountedOnceWhicheverInstanceTheyReach() throws Exception {
		InetAddress address = anotherAddress();
		GatewayClient first = new GatewayClient(this.firstPort, address);
		GatewayClient second = new GatewayClient(this.secondPort, address);
		String token = TestTokens.token().subject("client-of-two-gateways").roles("STAFF").build();
		for (int i = 0; i < CLIENT_BURST; i++) {
			GatewayClient instance = (i % 2 == 0) ? first : second;
			assertThat(instance.send("GET", "/api/nominations", null, token).statusCode()).isEqualTo(200);
		}

		assertTooManyRequests(first.send("GET", "/api/nominations", null, token));
		assertTooManyRequests(second.send("GET", "/api/nominations", null, token));
		// Another client is counted on its own, on either instance.
		String other = TestTokens.token().subject("another-client-of-two-gateways").roles("STAFF").build();
		assertThat(second.send("GET", "/api/nominations", null, other).statusCode()).isEqualTo(200);
		assertCountedOnTheSharedBuckets();
	}

	/** No request was counted in an instance's local buckets. */
	private void assertCountedOnTheSharedBuckets() {
		for (MeterRegistry meters : List.of(this.firstMeters, secondGateway.getBean(MeterRegistry.class))) {
			assertThat(meters.find(SharedBucketLimiter.LOCAL_DECISIONS).counters())
				.allSatisfy((counter) -> assertThat(counter.count()).isZero());
		}
	}

	private static void assertTooManyRequests(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(GatewayClient.json(response)).containsEntry("type", EdgeProblems.TOO_MANY_REQUESTS.toString())
			.containsEntry("title", "Too Many Requests")
			.containsEntry("status", 429);
	}

	private static InetAddress anotherAddress() throws Exception {
		// Beyond RateLimitTests' addresses: the buckets are shared by every test class.
		return InetAddress.getByName("127.0.1." + nextAddress.getAndIncrement());
	}

}
