package org.groundgame.notification.inbox.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;

/**
 * One notification in a chapter's inbox. There is exactly one entry per event and
 * chapter: its id is derived from the pair, so writing it again is recognizably the same
 * entry.
 *
 * @param eventType the event's CloudEvents type, as on the wire (and, later, in webhooks)
 * @param subjectId the id of what the notification is about (an endorsement, a
 * nomination)
 * @param occurredAt when the event happened
 * @param deliveredAt when the entry reached the inbox
 */
public record InboxEntry(String id, String chapterId, String eventId, String eventType, String title, String body,
		String subjectId, Instant occurredAt, Instant deliveredAt, boolean read) {

	public InboxEntry {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(chapterId, "chapterId");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(deliveredAt, "deliveredAt");
	}

	/** The new, unread entry telling a chapter of an event. */
	public static <E extends DomainEvent> InboxEntry deliver(NotificationRule<E> rule, E event, String chapterId,
			Instant now) {
		Notice notice = rule.template(event);
		return new InboxEntry(idOf(event.eventId(), chapterId), chapterId, event.eventId(),
				EventCatalog.typeOf(rule.eventType()), notice.title(), notice.body(), rule.subjectId(event),
				event.occurredAt(), now, false);
	}

	/** An opaque id, the same whenever the same event reaches the same chapter. */
	static String idOf(String eventId, String chapterId) {
		return UUID.nameUUIDFromBytes((eventId + "\n" + chapterId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** From the event to the inbox; never negative, whatever the clocks say. */
	public Duration latency() {
		if (this.occurredAt == null || this.deliveredAt.isBefore(this.occurredAt)) {
			return Duration.ZERO;
		}
		return Duration.between(this.occurredAt, this.deliveredAt);
	}

}
