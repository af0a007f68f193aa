package org.groundgame.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.LoopbackServer;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.ChapterSetUp;
import org.groundgame.notification.subscription.SubscriptionSetUp;
import org.groundgame.notification.subscription.domain.SubscriptionChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;

/**
 * An event's webhooks are attempted concurrently, within the limits: however many
 * deliveries are due and however many webhook workers are free (64), one endpoint (a host
 * and port) is never sent more than 20 requests at once, the webhook client's connections
 * per endpoint. Puerto Rico belongs to this class.
 */
@NotificationServiceIntegrationTest
class WebhookConcurrencyIntegrationTests {

	private static final String STATE = "PR";

	private static final int CHAPTERS = 60;

	private static final int CONNECTIONS_PER_ENDPOINT = 20;

	private final ApplicationContext context;

	@Autowired
	WebhookConcurrencyIntegrationTests(ApplicationContext context) {
		this.context = context;
	}

	@Test
	void oneEndpointIsNeverSentMoreRequestsAtOnceThanItsConnections() {
		try (CloudEventProducer events = new CloudEventProducer();
				CountingReceiver receiver = new CountingReceiver(CONNECTIONS_PER_ENDPOINT)) {
			List<String> chapterIds = ChapterSetUp.register(this.context, STATE, CHAPTERS);
			SubscriptionSetUp.subscribeAll(this.context, chapterIds,
					(chapterId) -> new SubscriptionChange(List.of("ENDORSEMENTS"), List.of(), null,
							receiver.url("/" + chapterId), true, false));
			EndorsementGranted granted = granted(STATE, "endorsement-" + UUID.randomUUID());

			events.endorsementGranted(granted);
			EndorsementGranted barrier = granted(STATE, granted.endorsementId());
			events.endorsementGranted(barrier);

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(chapterIds).allSatisfy(
						(chapterId) -> assertThat(receiver.bodiesOf("/" + chapterId, barrier.eventId())).isOne()));
			assertThat(chapterIds).allSatisfy(
					(chapterId) -> assertThat(receiver.bodiesOf("/" + chapterId, granted.eventId())).as(chapterId)
						.isOne());
			assertThat(receiver.mostAtOnce()).isEqualTo(CONNECTIONS_PER_ENDPOINT);
		}
	}

	/**
	 * A webhook receiver that counts the requests under way at once: it holds every
	 * request until {@code holdUntil} are under way together (so that the limit is
	 * reached, and anything beyond it would show), then answers each at once.
	 */
	private static final class CountingReceiver implements AutoCloseable {

		private final HttpServer server;

		private final AtomicInteger underWay = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		private final CountDownLatch reached;

		private final Map<String, List<String>> received = new ConcurrentHashMap<>();

		CountingReceiver(int holdUntil) {
			this.reached = new CountDownLatch(holdUntil);
			this.server = LoopbackServer.start(this::handle, 256);
		}

		private void handle(HttpExchange exchange) throws IOException {
			int now = this.underWay.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(now, Math::max);
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				this.received
					.computeIfAbsent(exchange.getRequestURI().getPath(), (path) -> new CopyOnWriteArrayList<>())
					.add(body);
				this.reached.countDown();
				this.reached.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.underWay.decrementAndGet();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
		}

		/** How many requests to a path carried an event. */
		long bodiesOf(String path, String eventId) {
			return this.received.getOrDefault(path, List.of())
				.stream()
				.filter((body) -> body.contains(eventId))
				.count();
		}

		int mostAtOnce() {
			return this.mostAtOnce.get();
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
