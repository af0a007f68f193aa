package org.groundgame.notification.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.WebhookReceiver;
import org.groundgame.notification.chapter.ChapterSetUp;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
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
	void anEndorsementReachesEveryChapterOfTheStateOnceEach() throws Exception {
		try (CloudEventProducer events = new CloudEventProducer(); WebhookReceiver receiver = new WebhookReceiver()) {
			InboxClient inboxes = new InboxClient(
					RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build());
			List<String> chapterIds = ChapterSetUp.register(this.context, STATE, CHAPTERS);
			SubscriptionSetUp.subscribeAll(this.context, chapterIds,
					(chapterId) -> new SubscriptionChange(List.of("ENDORSEMENTS"), List.of(),
							NotificationFixture.contactEmailOf(chapterId), receiver.url("/" + chapterId), true, true));
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
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(emailsOf(chapterIds, barrier))
					.allSatisfy((chapterId, count) -> assertThat(count).isEqualTo(1L)));
			assertThat(emailsOf(chapterIds, granted)).hasSize(CHAPTERS)
				.allSatisfy((chapterId, count) -> assertThat(count).as(chapterId).isEqualTo(1L));
		}
	}

	/**
	 * How many e-mails of an event each chapter received (at its address, with the
	 * {@code Message-ID} of its delivery of that event).
	 */
	private static Map<String, Long> emailsOf(List<String> chapterIds, EndorsementGranted event) throws Exception {
		Map<String, Long> counts = chapterIds.stream()
			.collect(Collectors.toMap(Function.identity(), (chapterId) -> 0L));
		Map<String, String> chapterOfDelivery = chapterIds.stream()
			.collect(Collectors.toMap(
					(chapterId) -> Delivery.idOf(event.eventId(), Recipient.chapter(chapterId), Channel.EMAIL),
					Function.identity()));
		for (MimeMessage message : MailTestConfiguration.received()) {
			String messageId = message.getMessageID();
			String deliveryId = (messageId != null) ? messageId.replaceAll("^<|@.*$", "") : "";
			String chapterId = chapterOfDelivery.get(deliveryId);
			if (chapterId != null && Arrays.stream(message.getRecipients(RecipientType.TO))
				.anyMatch((to) -> to.toString().contains(NotificationFixture.contactEmailOf(chapterId)))) {
				counts.merge(chapterId, 1L, Long::sum);
			}
		}
		return counts;
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
