package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.groundgame.notification.delivery.domain.Attempt;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.preference.domain.EmailTopic;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery as stored. Its id is derived from (event, recipient, channel) and it is
 * inserted, never upserted, so a duplicate key means it exists already.
 * {@code leaseUntil} marks a delivery one instance is attempting, so that no other
 * attempts it meanwhile.
 */
@Document("deliveries")
record DeliveryDocument(@Id String id, String eventId, String eventType, String channel, String recipientKind,
		String recipientId, String chapterId, String personId, String address, String subjectId, Instant occurredAt,
		Instant createdAt, String subject, String text, String html, String body, String status,
		List<AttemptDocument> attempts, int attemptsInRound, Instant nextAttemptAt, Instant completedAt,
		Instant leaseUntil, String personalDataSubject, String listUnsubscribe, String emailTopic) {

	record AttemptDocument(Instant at, String outcome, Integer statusCode, String detail, long tookMillis) {

		static AttemptDocument of(Attempt attempt) {
			return new AttemptDocument(attempt.at(), attempt.outcome(), attempt.statusCode(), attempt.detail(),
					attempt.took().toMillis());
		}

		Attempt toAttempt() {
			return new Attempt(this.at, this.outcome, this.statusCode, this.detail, Duration.ofMillis(this.tookMillis));
		}

	}

	static DeliveryDocument of(Delivery delivery) {
		Content content = delivery.content();
		return new DeliveryDocument(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.channel().name(),
				delivery.recipient().kind().name(), delivery.recipient().id(), delivery.recipient().chapterId(),
				delivery.recipient().personId(), delivery.address(), delivery.subjectId(), delivery.occurredAt(),
				delivery.createdAt(), content.subject(), content.text(), content.html(), content.body(),
				delivery.status().name(), delivery.attempts().stream().map(AttemptDocument::of).toList(),
				delivery.attemptsInRound(), delivery.nextAttemptAt(), delivery.completedAt(), null,
				delivery.personalDataSubject(), content.listUnsubscribe(),
				(content.topic() != null) ? content.topic().name() : null);
	}

	/** The same, leased until then. */
	DeliveryDocument leasedUntil(Instant until) {
		return new DeliveryDocument(this.id, this.eventId, this.eventType, this.channel, this.recipientKind,
				this.recipientId, this.chapterId, this.personId, this.address, this.subjectId, this.occurredAt,
				this.createdAt, this.subject, this.text, this.html, this.body, this.status, this.attempts,
				this.attemptsInRound, this.nextAttemptAt, this.completedAt, until, this.personalDataSubject,
				this.listUnsubscribe, this.emailTopic);
	}

	/**
	 * The same without its message and address (null, so not written): what an attempt
	 * that kept them changes.
	 */
	DeliveryDocument withoutMessage() {
		return new DeliveryDocument(this.id, this.eventId, this.eventType, this.channel, this.recipientKind,
				this.recipientId, this.chapterId, this.personId, null, this.subjectId, this.occurredAt, this.createdAt,
				null, null, null, null, this.status, this.attempts, this.attemptsInRound, this.nextAttemptAt,
				this.completedAt, this.leaseUntil, this.personalDataSubject, null, null);
	}

	Delivery toDelivery() {
		return new Delivery(this.id, this.eventId, this.eventType, Channel.valueOf(this.channel),
				new Recipient(Recipient.Kind.valueOf(this.recipientKind), this.recipientId), this.address,
				this.subjectId, this.occurredAt, this.createdAt,
				new Content(this.subject, this.text, this.html, this.body, this.listUnsubscribe,
						(this.emailTopic != null) ? EmailTopic.valueOf(this.emailTopic) : null),
				DeliveryStatus.valueOf(this.status),
				(this.attempts != null) ? this.attempts.stream().map(AttemptDocument::toAttempt).toList() : List.of(),
				this.attemptsInRound, this.nextAttemptAt, this.completedAt, this.personalDataSubject);
	}

}
