package org.groundgame.notification.inbox.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.notification.people.domain.EventPersonalData;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.rule.NotificationRule;

/**
 * One notification in an inbox, a chapter's or national staff's. There is exactly one
 * entry per event and recipient: its id is derived from the pair, so writing it again is
 * recognizably the same entry.
 *
 * @param recipient whose inbox it is in
 * @param eventType the event's CloudEvents type, as on the wire (and, later, in webhooks)
 * @param subjectId the id of what the notification is about (an endorsement, a
 * nomination)
 * @param occurredAt when the event happened
 * @param deliveredAt when the entry reached the inbox
 * @param personalDataSubject the personal record (a volunteer, an enrollment, a
 * nomination) whose data the entry holds (a candidate's name), or {@code null}: the entry
 * goes when that person is erased
 */
public record InboxEntry(String id, Recipient recipient, String eventId, String eventType, String title, String body,
		String subjectId, Instant occurredAt, Instant deliveredAt, boolean read, String personalDataSubject) {

	public InboxEntry {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(deliveredAt, "deliveredAt");
	}

	/** The new, unread entry telling a chapter of an event. */
	public static <E extends DomainEvent> InboxEntry deliver(NotificationRule<E> rule, E event, String chapterId,
			Instant now) {
		return deliver(rule, event, Recipient.chapter(chapterId), now);
	}

	/**
	 * The new, unread entry telling a recipient of an event: staff are told what the
	 * rule's staff template says.
	 */
	public static <E extends DomainEvent> InboxEntry deliver(NotificationRule<E> rule, E event, Recipient recipient,
			Instant now) {
		Notice notice = recipient.isStaff() ? rule.staffTemplate(event) : rule.template(event);
		return new InboxEntry(idOf(event.eventId(), recipient), recipient, event.eventId(),
				EventCatalog.typeOf(rule.eventType()), notice.title(), notice.body(), rule.subjectId(event),
				event.occurredAt(), now, false, EventPersonalData.subjectOf(event).orElse(null));
	}

	/**
	 * The new, unread entry telling a recipient of something this service noticed itself
	 * (a chapter's webhook disabled), under an id of its own for exactly one entry.
	 */
	public static InboxEntry notice(String noticeId, Recipient recipient, String type, Notice notice, String subjectId,
			Instant occurredAt, Instant now) {
		return new InboxEntry(idOf(noticeId, recipient), recipient, noticeId, type, notice.title(), notice.body(),
				subjectId, occurredAt, now, false, null);
	}

	/** An opaque id, the same whenever the same event reaches the same recipient. */
	static String idOf(String eventId, Recipient recipient) {
		return UUID.nameUUIDFromBytes((eventId + "\n" + recipient.key()).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The chapter whose inbox it is in, {@code null} in staff's. */
	public String chapterId() {
		return this.recipient.chapterId();
	}

	/** From the event to the inbox; never negative, whatever the clocks say. */
	public Duration latency() {
		if (this.occurredAt == null || this.deliveredAt.isBefore(this.occurredAt)) {
			return Duration.ZERO;
		}
		return Duration.between(this.occurredAt, this.deliveredAt);
	}

}
