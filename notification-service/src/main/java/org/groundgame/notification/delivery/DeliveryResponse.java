package org.groundgame.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.groundgame.notification.delivery.domain.Attempt;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;

/**
 * A delivery as the log shows it: where it went, what became of it, and every attempt;
 * never what it said beyond its subject. A person's or an addressee's e-mail address is
 * masked: the log is for diagnosing deliveries, not a directory of people.
 */
record DeliveryResponse(String id, String eventId, String eventType, String channel, RecipientResponse recipient,
		String address, String subjectId, String title, String status, int attemptCount, List<AttemptResponse> attempts,
		Instant nextAttemptAt, Instant occurredAt, Instant createdAt, Instant completedAt) {

	record RecipientResponse(String kind, String id) {
	}

	record AttemptResponse(Instant at, String outcome, Integer statusCode, String detail, long tookMillis) {

		static AttemptResponse of(Attempt attempt) {
			return new AttemptResponse(attempt.at(), attempt.outcome(), attempt.statusCode(), attempt.detail(),
					attempt.took().toMillis());
		}

	}

	static DeliveryResponse of(Delivery delivery) {
		Recipient recipient = delivery.recipient();
		String address = recipient.hasPersonalAddress() ? masked(delivery.address()) : delivery.address();
		return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.channel().name(),
				new RecipientResponse(recipient.kind().name(), recipient.id()), address, delivery.subjectId(),
				delivery.content().subject(), delivery.status().name(), delivery.attempts().size(),
				delivery.attempts().stream().map(AttemptResponse::of).toList(), delivery.nextAttemptAt(),
				delivery.occurredAt(), delivery.createdAt(), delivery.completedAt());
	}

	/** {@code j…@example.org}: see {@link Delivery#masked(String)}. */
	static String masked(String address) {
		return Delivery.masked(address);
	}

}
