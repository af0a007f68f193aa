package org.groundgame.notification.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.groundgame.support.domain.IllegalStateChangeException;

/**
 * One notification on its way to one recipient through one channel, with every attempt
 * made at it. Its id is derived from the event, the recipient and the channel, so that
 * whatever Kafka redelivers there is one delivery (and so one effect) per event,
 * recipient and channel.
 * <p>
 * A delivery to an addressee ({@link Recipient#keepsMessageUntilDone()}) forgets its
 * message and masks its address once it is done (delivered, or failed for good): the
 * message may carry a private link, and the address came with the event. What stays is
 * what the log shows: the subject, the attempts, the masked address. A person's e-mail
 * carrying the links to their e-mail preferences (whose token it holds) forgets its
 * message once done too, and keeps its address (the people projection's, erased with the
 * person).
 *
 * @param address where it goes: an e-mail address or a webhook URL
 * @param subjectId the id of what the notification is about
 * @param attemptsInRound attempts since the delivery was last (re)started, which is what
 * the retry schedule counts
 * @param nextAttemptAt when the next attempt is due, while {@link DeliveryStatus#PENDING}
 * @param personalDataSubject the personal record (a volunteer, an enrollment, a
 * nomination) whose personal data the delivery carries, or {@code null}: the delivery
 * goes when that person is erased, and a webhook that was sent it is told of the erasure
 */
public record Delivery(String id, String eventId, String eventType, Channel channel, Recipient recipient,
		String address, String subjectId, Instant occurredAt, Instant createdAt, Content content, DeliveryStatus status,
		List<Attempt> attempts, int attemptsInRound, Instant nextAttemptAt, Instant completedAt,
		String personalDataSubject) {

	public Delivery {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(status, "status");
		attempts = List.copyOf(attempts);
	}

	/** A new delivery, due at once. */
	public static Delivery planned(String eventId, String eventType, Channel channel, Recipient recipient,
			String address, String subjectId, Instant occurredAt, Content content, Instant now) {
		return new Delivery(idOf(eventId, recipient, channel), eventId, eventType, channel, recipient, address,
				subjectId, occurredAt, now, content, DeliveryStatus.PENDING, List.of(), 0, now, null, null);
	}

	/**
	 * The same delivery, known to carry the personal data of a personal record (a
	 * volunteer, an enrollment, a nomination); {@code null} for none.
	 */
	public Delivery carryingPersonalDataOf(String subject) {
		return new Delivery(this.id, this.eventId, this.eventType, this.channel, this.recipient, this.address,
				this.subjectId, this.occurredAt, this.createdAt, this.content, this.status, this.attempts,
				this.attemptsInRound, this.nextAttemptAt, this.completedAt, subject);
	}

	/**
	 * The same id whenever the same event is delivered to the same recipient by the same
	 * channel.
	 */
	public static String idOf(String eventId, Recipient recipient, Channel channel) {
		String key = eventId + "\n" + recipient.key() + "\n" + channel.name();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * The delivery after an attempt: delivered, due again on the schedule (a later
	 * {@code Retry-After} wins), or failed once the schedule is exhausted or the
	 * recipient refused for good.
	 */
	public Delivery afterAttempt(Instant at, AttemptResult result, RetrySchedule schedule, RandomGenerator random) {
		List<Attempt> newAttempts = new ArrayList<>(this.attempts);
		newAttempts.add(new Attempt(at, result.outcome(), result.statusCode(), result.detail(), result.took()));
		int made = this.attemptsInRound + 1;
		Instant finished = at.plus(result.took() != null ? result.took() : Duration.ZERO);
		return switch (result.verdict()) {
			case DELIVERED -> with(newAttempts, made, DeliveryStatus.DELIVERED, null, finished);
			case GIVE_UP -> with(newAttempts, made, DeliveryStatus.FAILED, null, finished);
			case RETRY -> schedule.nextAttempt(made, finished, result.retryAfter(), random)
				.map((next) -> with(newAttempts, made, DeliveryStatus.PENDING, next, null))
				.orElseGet(() -> with(newAttempts, made, DeliveryStatus.FAILED, null, finished));
		};
	}

	/**
	 * Gives up without an attempt, for a reason on this side (the endpoint was disabled
	 * or removed, the person withdrew consent).
	 */
	public Delivery abandoned(Instant at, String outcome, String detail) {
		List<Attempt> newAttempts = new ArrayList<>(this.attempts);
		newAttempts.add(new Attempt(at, outcome, null, detail, null));
		return with(newAttempts, this.attemptsInRound, DeliveryStatus.FAILED, null, at);
	}

	/**
	 * A failed delivery tried again from the start of its schedule.
	 * @throws IllegalStateChangeException unless it failed and still has its message (an
	 * addressee's is forgotten once the delivery failed for good: the event's producer
	 * sends a new one, e.g. staff reissue a questionnaire)
	 */
	public Delivery retried(Instant now) {
		if (this.status != DeliveryStatus.FAILED) {
			throw new IllegalStateChangeException("Only a failed delivery can be retried", this.status.name());
		}
		if (this.content == null || !this.content.hasMessage()) {
			throw new IllegalStateChangeException(
					"The message was not kept once the delivery failed; it must be sent anew", "FORGOTTEN");
		}
		return restarted(now);
	}

	/**
	 * Sent again from the start of its schedule, whatever became of it, for a replay; one
	 * still pending is left as it is, and so is one whose message was not kept.
	 */
	public Delivery replayed(Instant now) {
		boolean nothingToSend = this.content == null || !this.content.hasMessage();
		return (this.status == DeliveryStatus.PENDING || nothingToSend) ? this : restarted(now);
	}

	private Delivery restarted(Instant now) {
		return with(this.attempts, 0, DeliveryStatus.PENDING, now, null);
	}

	/** The last attempt made, if any. */
	public Attempt lastAttempt() {
		return this.attempts.isEmpty() ? null : this.attempts.get(this.attempts.size() - 1);
	}

	private Delivery with(List<Attempt> attempts, int attemptsInRound, DeliveryStatus status, Instant nextAttemptAt,
			Instant completedAt) {
		boolean done = status != DeliveryStatus.PENDING;
		boolean forget = done && this.recipient.keepsMessageUntilDone();
		// A person's e-mail holds the token of their preferences: kept no longer than
		// needed.
		boolean forgetMessage = forget || (done && this.content != null && this.content.carriesPreferenceLinks());
		return new Delivery(this.id, this.eventId, this.eventType, this.channel, this.recipient,
				forget ? masked(this.address) : this.address, this.subjectId, this.occurredAt, this.createdAt,
				(forgetMessage && this.content != null) ? this.content.subjectOnly() : this.content, status, attempts,
				attemptsInRound, nextAttemptAt, completedAt, this.personalDataSubject);
	}

	/**
	 * An e-mail address as the log may show it, {@code j…@example.org}: enough to tell
	 * two addresses apart, not to write to one. Masking a masked address changes nothing.
	 */
	public static String masked(String address) {
		if (address == null) {
			return null;
		}
		int at = address.indexOf('@');
		if (at <= 0) {
			return "…";
		}
		return address.charAt(0) + "…" + address.substring(at);
	}

	@Override
	public String toString() {
		return "Delivery[id=" + this.id + ", channel=" + this.channel + ", recipient=" + this.recipient.kind() + ", "
				+ "status=" + this.status + ", attempts=" + this.attempts.size() + "]";
	}

}
