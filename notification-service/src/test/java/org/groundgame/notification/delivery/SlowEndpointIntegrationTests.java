package org.groundgame.notification.delivery;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.MessagingException;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.WebhookReceiver;
import org.groundgame.notification.WebhookReceiver.Answer;
import org.groundgame.notification.chapter.domain.Chapters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;

/**
 * Webhook endpoints that hang do not hold up anyone's e-mail or inbox: with more hanging
 * endpoints than an instance has webhook workers, another chapter still gets its e-mail
 * and its inbox entry while every webhook attempt is stuck. Washington belongs to this
 * class.
 */
@NotificationServiceIntegrationTest
class SlowEndpointIntegrationTests {

	private static final String STATE = "WA";

	/** More than the webhook workers of an instance (64 by default). */
	private static final int HANGING = 70;

	private final int port;

	private final Chapters chapters;

	@Autowired
	SlowEndpointIntegrationTests(@LocalServerPort int port, Chapters chapters) {
		this.port = port;
		this.chapters = chapters;
	}

	@Test
	void hangingWebhooksDelayNeitherEmailNorTheInbox() {
		CountDownLatch hold = new CountDownLatch(1);
		try (CloudEventProducer events = new CloudEventProducer(); WebhookReceiver receiver = new WebhookReceiver()) {
			NotificationFixture fixture = new NotificationFixture(this.port, this.chapters, events);
			InboxClient inboxes = new InboxClient(
					RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build());
			List<String> slow = fixture.registerChapters(STATE, HANGING);
			slow.forEach((chapterId) -> receiver.answer("/" + chapterId, new Answer(204, null, hold)));
			fixture.subscribeAll(slow, (chapterId) -> """
					{"topics":["ENDORSEMENTS"],"webhook":{"url":"%s"},"inbox":false}"""
				.formatted(receiver.url("/" + chapterId)));
			String fast = fixture.registerChapter(STATE);
			String address = NotificationFixture.contactEmailOf(fast);
			fixture.subscribe(fast, """
					{"topics":["ENDORSEMENTS"],"email":"%s","inbox":true}""".formatted(address));
			EndorsementGranted granted = granted(STATE, "endorsement-" + UUID.randomUUID());

			events.endorsementGranted(granted);

			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(inboxes.inboxOf(fast).entriesOf(granted.eventId())).hasSize(1);
				assertThat(MailTestConfiguration.receivedBy(address)).hasSize(1);
			});
			assertThat(hold.getCount()).as("the webhooks are still hanging").isEqualTo(1);
			// Every webhook worker is taken: some attempts wait on the endpoint, the
			// others
			// for one of the few connections the client keeps to a single host.
			assertThat(slow.stream().filter((chapterId) -> !receiver.receivedAt("/" + chapterId).isEmpty()).count())
				.as("webhook attempts hanging at the endpoint")
				.isPositive();
			assertThat(MailTestConfiguration.receivedBy(address).get(0).getSubject()).contains("Jane Example");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			hold.countDown();
		}
	}

}
