package org.groundgame.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.WebhookReceiver;
import org.groundgame.notification.chapter.ChapterSetUp;
import org.groundgame.notification.subscription.SubscriptionSetUp;
import org.groundgame.notification.subscription.domain.SubscriptionChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;

/**
 * One endorsement in a state with 300 subscribed chapters reaches all 300, once each, by
 * inbox, by e-mail and by webhook, even when Kafka delivers the event twice. Texas
 * belongs to this class. The chapters and their subscriptions are set up in this JVM
 * through the projection and the subscriptions' service (their ways in through the broker
 * and the API have tests of their own), which takes a second rather than most of a
 * minute.
 */
@NotificationServiceIntegrationTest
class FanOutIntegrationTests {

	private static final String STATE = "TX";

	private static final int CHAPTERS = 300;

	private final int port;

	private final ApplicationContext context;

	@Autowired
	FanOutIntegrationTests(@LocalServerPort int port, ApplicationContext context) {
		this.port = port;
		this.context = context;
	}

	@Test
	void anEndorsementReachesEveryChapterOfTheStateOnceEach() {
		try (CloudEventProducer events = new CloudEventProducer(); WebhookReceiver receiver = new WebhookReceiver()) {
			InboxClient inboxes = new InboxClient(
					RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build());
			List<String> chapterIds = ChapterSetUp.register(this.context, STATE, CHAPTERS);
			SubscriptionSetUp.subscribeAll(this.context, chapterIds,
					(chapterId) -> new SubscriptionChange(List.of("ENDORSEMENTS"), List.of(), null,
							receiver.url("/" + chapterId), true, true));
			EndorsementGranted granted = granted(STATE, "endorsement-" + UUID.randomUUID());

			events.endorsementGranted(granted);
			events.endorsementGranted(granted);
			EndorsementGranted barrier = granted(STATE, granted.endorsementId());
			events.endorsementGranted(barrier);

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(webhooksOf(receiver, chapterIds, barrier))
					.allSatisfy((chapterId, count) -> assertThat(count).isEqualTo(1L)));
			assertThat(webhooksOf(receiver, chapterIds, granted)).hasSize(CHAPTERS)
				.allSatisfy((chapterId, count) -> assertThat(count).as(chapterId).isEqualTo(1L));
			for (String chapterId : chapterIds) {
				assertThat(inboxes.inboxOf(chapterId).entriesOf(granted.eventId())).as(chapterId).hasSize(1);
			}
		}
	}

	/** How many webhooks of an event each chapter received. */
	private static Map<String, Long> webhooksOf(WebhookReceiver receiver, List<String> chapterIds,
			EndorsementGranted event) {
		Map<String, Long> counts = chapterIds.stream()
			.collect(Collectors.toMap(Function.identity(),
					(chapterId) -> receiver.receivedAt("/" + chapterId)
						.stream()
						.filter((request) -> request.body().contains(event.eventId()))
						.count()));
		return counts;
	}

}
