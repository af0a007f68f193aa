package org.groundgame.notification.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.groundgame.notification.webhook.TestEndpoints.Received;
import org.groundgame.notification.webhook.WebhookResponse.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookClientTests {

	private static final String SECRET = StandardWebhooksTests.NEW_SECRET;

	private static final String OLD_SECRET = StandardWebhooksTests.OLD_SECRET;

	private static final String BODY = """
			{"specversion":"1.0","id":"e-1","source":"/endorsement","type":"org.groundgame.endorsement.granted.v1","data":{}}""";

	/** The time limit of the tests about it; the others leave a loaded machine more. */
	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));

	private final WebhookDeliveryProperties properties = new WebhookDeliveryProperties(Duration.ofSeconds(10),
			Duration.ofSeconds(2), null);

	private final WebhookDeliveryProperties shortTimeout = new WebhookDeliveryProperties(SHORT_TIMEOUT, SHORT_TIMEOUT,
			null);

	private TestEndpoints endpoints;

	private WebhookClient client;

	@BeforeEach
	void startEndpoints() throws IOException {
		this.endpoints = new TestEndpoints();
		this.client = new WebhookClient(this.properties, true, this.clock);
	}

	@AfterEach
	void stopEndpoints() throws IOException {
		this.client.close();
		this.endpoints.close();
	}

	@Test
	void a2xxIsDeliveredSignedSoThatTheOfficialLibraryVerifiesIt() throws Exception {
		this.endpoints.answer("/hooks", 204);
		Instant timestamp = Instant.now();

		WebhookResponse response = this.client.post(new WebhookRequest("msg_1", timestamp, this.endpoints.url("/hooks"),
				List.of(SECRET, OLD_SECRET), BODY.getBytes(StandardCharsets.UTF_8)));

		assertThat(response.outcome()).isEqualTo(Outcome.DELIVERED);
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.took()).isPositive();
		Received received = this.endpoints.received("/hooks").get(0);
		assertThat(received.header("webhook-id")).isEqualTo("msg_1");
		assertThat(received.header("webhook-timestamp")).isEqualTo(Long.toString(timestamp.getEpochSecond()));
		assertThat(received.header("content-type")).isEqualTo("application/cloudevents+json");
		assertThat(received.header("user-agent")).isEqualTo("GroundGame-Webhooks/1");
		assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
		assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
		Map<String, List<String>> headers = received.headers();
		String body = new String(received.body(), StandardCharsets.UTF_8);
		assertThatNoException().isThrownBy(() -> new Webhook(SECRET).verify(body, headers));
		assertThatNoException().isThrownBy(() -> new Webhook(OLD_SECRET).verify(body, headers));
	}

	@Test
	void a5xxFailsWorthRetrying() {
		this.endpoints.answer("/hooks", 500);

		WebhookResponse response = this.client.post(request("/hooks"));

		assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.retryAfter()).isNull();
	}

	@Test
	void a429FailsWithTheRetryAfterItAsksFor() {
		this.endpoints.answer("/hooks", 429, "Retry-After", "120");

		WebhookResponse response = this.client.post(request("/hooks"));

		assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.retryAfter()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void aRetryAfterDateIsReadRelativeToTheClock() {
		String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(this.clock.instant().plusSeconds(90).atOffset(ZoneOffset.UTC));
		this.endpoints.answer("/hooks", 503, "Retry-After", inNinetySeconds);

		WebhookResponse response = this.client.post(request("/hooks"));

		assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(response.retryAfter()).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void a410IsGone() {
		this.endpoints.answer("/hooks", 410);

		WebhookResponse response = this.client.post(request("/hooks"));

		assertThat(response.outcome()).isEqualTo(Outcome.GONE);
		assertThat(response.statusCode()).isEqualTo(410);
	}

	@Test
	void other4xxFailWorthRetrying() {
		this.endpoints.answer("/hooks", 404);

		assertThat(this.client.post(request("/hooks")).outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void anEndpointThatDoesNotAnswerFailsWhenTheTimeLimitIsUp() throws IOException {
		this.endpoints.stall("/hooks");

		try (WebhookClient client = warmedUp(new WebhookClient(this.shortTimeout, true, this.clock))) {
			WebhookResponse response = client.post(request("/hooks"));

			assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(response.statusCode()).isNull();
			assertThat(response.detail()).contains("300 ms");
			assertThat(response.took()).isGreaterThanOrEqualTo(SHORT_TIMEOUT).isLessThan(Duration.ofSeconds(3));
			assertThat(this.endpoints.received("/hooks")).hasSize(1);
		}
	}

	@Test
	void anEndpointThatNeverFinishesItsAnswerFailsWhenTheTimeLimitIsUp() throws IOException {
		this.endpoints.drip("/hooks");

		try (WebhookClient client = warmedUp(new WebhookClient(this.shortTimeout, true, this.clock))) {
			WebhookResponse response = client.post(request("/hooks"));

			assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(response.detail()).contains("300 ms");
			assertThat(response.took()).isGreaterThanOrEqualTo(SHORT_TIMEOUT).isLessThan(Duration.ofSeconds(3));
		}
	}

	/**
	 * The first request of a JVM loads classes for a while: not what a time limit of 300
	 * ms is about.
	 */
	private WebhookClient warmedUp(WebhookClient client) {
		this.endpoints.answer("/warm-up", 200);
		for (int i = 0; i < 3 && client.post(request("/warm-up")).outcome() != Outcome.DELIVERED; i++) {
			// once more
		}
		return client;
	}

	@Test
	void redirectsAreNotFollowed() {
		this.endpoints.answer("/hooks", 302, "Location", this.endpoints.url("/elsewhere")).answer("/elsewhere", 200);

		WebhookResponse response = this.client.post(request("/hooks"));

		assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.endpoints.received("/elsewhere")).isEmpty();
	}

	@Test
	void aPrivateAddressIsRefusedWithoutConnecting() throws IOException {
		try (WebhookClient strict = new WebhookClient(this.properties, false, this.clock)) {
			WebhookResponse response = strict.post(requestFor("http://10.1.2.3/hooks"));

			assertThat(response.outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
			assertThat(response.detail()).contains("private");
		}
		// Allowing loopback allows nothing else.
		assertThat(this.client.post(requestFor("http://10.1.2.3/hooks")).outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
		assertThat(this.client.post(requestFor("http://[fd00::1]/hooks")).outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
	}

	@Test
	void aNameResolvingToLoopbackIsRefusedWhenLoopbackIsNotAllowed() throws IOException {
		this.endpoints.answer("/hooks", 200);

		try (WebhookClient strict = new WebhookClient(this.properties, false, this.clock)) {
			WebhookResponse localhost = strict.post(requestFor("http://localhost:" + this.endpoints.port() + "/hooks"));
			WebhookResponse literal = strict.post(requestFor(this.endpoints.url("/hooks")));

			assertThat(localhost.outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
			assertThat(literal.outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
		}
		assertThat(this.endpoints.received()).isEmpty();
	}

	@Test
	void theAddressCheckedIsTheAddressConnectedTo() throws IOException {
		this.endpoints.answer("/hooks", 200);
		String url = "http://hooks.chapter.example:" + this.endpoints.port() + "/hooks";
		HostResolver toLoopback = (host) -> {
			if (!host.equals("hooks.chapter.example")) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getLoopbackAddress() };
		};

		try (WebhookClient strict = new WebhookClient(this.properties, false, this.clock, toLoopback);
				WebhookClient allowing = new WebhookClient(this.properties, true, this.clock, toLoopback)) {
			assertThat(strict.post(requestFor(url)).outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
			assertThat(this.endpoints.received()).isEmpty();
			// Only the resolver knows the name: delivering proves it is the one used.
			assertThat(allowing.post(requestFor(url)).outcome()).isEqualTo(Outcome.DELIVERED);
			assertThat(this.endpoints.received()).hasSize(1);
		}
	}

	@Test
	void anUnknownHostFails() throws IOException {
		HostResolver nothing = (host) -> {
			throw new UnknownHostException(host);
		};
		try (WebhookClient client = new WebhookClient(this.properties, false, this.clock, nothing)) {
			WebhookResponse response = client.post(requestFor("https://nowhere.example/hooks"));

			assertThat(response.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(response.statusCode()).isNull();
		}
	}

	@Test
	void aUrlThatIsNotHttpIsRefused() {
		assertThat(this.client.post(requestFor("file:///etc/passwd")).outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
		assertThat(this.client.post(requestFor("not a url")).outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
	}

	private WebhookRequest request(String path) {
		return requestFor(this.endpoints.url(path));
	}

	private static WebhookRequest requestFor(String url) {
		return new WebhookRequest("msg_1", Instant.now(), url, List.of(SECRET), BODY.getBytes(StandardCharsets.UTF_8));
	}

}
