package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.delivery.domain.RetrySchedule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attempt is recorded by writing only what it changed, and leaves the stored delivery
 * exactly as a replace of the whole document would: its state, its message and address
 * where it forgot them, its lease gone; and a delivery removed meanwhile stays removed.
 */
@NotificationServiceIntegrationTest
class DeliveryAttemptRecordIntegrationTests {

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	private final RetrySchedule schedule;

	private final MongoTemplate mongo;

	@Autowired
	DeliveryAttemptRecordIntegrationTests(DeliveryStore store, DeliveryDispatcher dispatcher, RetrySchedule schedule,
			MongoTemplate mongo) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.schedule = schedule;
		this.mongo = mongo;
	}

	@Test
	void aWebhookRetriedThenDeliveredIsStoredAsTheWholeDeliveryAfterEachAttempt() {
		Instant now = tomorrow();
		Delivery planned = Delivery.planned("event-" + UUID.randomUUID(),
				"org.groundgame.endorsement.EndorsementGranted.v1", Channel.WEBHOOK, Recipient.chapter("chapter-1"),
				"https://chapter-1.example/hook", null, now,
				Content.webhook("Endorsed", "{\"candidate\":\"Sam Rivera\"}"), now);
		this.store.insertNew(List.of(planned), this.dispatcher.leaseFrom(now));

		Delivery retrying = planned.afterAttempt(now,
				AttemptResult.retry("FAILED", 503, null, "Service Unavailable", Duration.ofMillis(12)), this.schedule,
				new Random(1));
		this.store.saveAttempted(planned, retrying);

		assertThat(retrying.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(stored(planned)).isEqualTo(asAWholeDocument(retrying)).doesNotContainKey("leaseUntil");

		Delivery delivered = retrying.afterAttempt(now.plusSeconds(5),
				AttemptResult.delivered("DELIVERED", 204, Duration.ofMillis(3)), this.schedule, new Random(1));
		this.store.saveAttempted(retrying, delivered);

		assertThat(stored(planned)).isEqualTo(asAWholeDocument(delivered)).doesNotContainKey("nextAttemptAt");
		assertThat(stored(planned).getList("attempts", Document.class)).hasSize(2);
	}

	@Test
	void anAddresseesEmailDoneForgetsItsMessageAndAddressInTheStoreToo() {
		Instant now = tomorrow();
		Delivery planned = Delivery.planned("event-" + UUID.randomUUID(),
				"org.groundgame.endorsement.QuestionnaireIssued.v1", Channel.EMAIL, Recipient.addressee("nomination-1"),
				"jane@candidates.example", "nomination-1", now,
				Content.email("Your candidate questionnaire", "text", "<p>html</p>"), now);
		this.store.insertNew(List.of(planned), this.dispatcher.leaseFrom(now));

		Delivery sent = planned.afterAttempt(now, AttemptResult.delivered("SENT", null, Duration.ofMillis(40)),
				this.schedule, new Random(1));
		this.store.saveAttempted(planned, sent);

		assertThat(sent.address()).isNotEqualTo(planned.address());
		assertThat(stored(planned)).isEqualTo(asAWholeDocument(sent))
			.doesNotContainKeys("text", "html")
			.containsEntry("address", sent.address());
	}

	@Test
	void anAttemptAtADeliveryRemovedMeanwhileDoesNotBringItBack() {
		Instant now = tomorrow();
		Delivery planned = Delivery.planned("event-" + UUID.randomUUID(),
				"org.groundgame.endorsement.EndorsementGranted.v1", Channel.WEBHOOK, Recipient.chapter("chapter-2"),
				"https://chapter-2.example/hook", null, now, Content.webhook("Endorsed", "{}"), now);
		this.store.insertNew(List.of(planned), this.dispatcher.leaseFrom(now));
		this.store.delete(List.of(planned.id()));

		this.store.saveAttempted(planned, planned.afterAttempt(now,
				AttemptResult.delivered("DELIVERED", 204, Duration.ofMillis(3)), this.schedule, new Random(1)));

		assertThat(this.store.exists(planned.id())).isFalse();
	}

	private Document stored(Delivery delivery) {
		return this.mongo.findById(delivery.id(), Document.class, "deliveries");
	}

	/** What a replace of the whole document by the delivery would have stored. */
	private Document asAWholeDocument(Delivery delivery) {
		Document written = new Document();
		this.mongo.getConverter().write(DeliveryDocument.of(delivery), written);
		return written;
	}

	/**
	 * A day ahead, so that the service's own poller, on the real clock, leaves the tests'
	 * deliveries alone.
	 */
	private static Instant tomorrow() {
		return Instant.now().plus(Duration.ofDays(1));
	}

}
