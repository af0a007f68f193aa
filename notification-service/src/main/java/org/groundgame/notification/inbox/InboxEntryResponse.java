package org.groundgame.notification.inbox;

import java.time.Instant;

import org.groundgame.notification.inbox.domain.InboxEntry;

/**
 * An inbox entry as the API shows it, in pages and on the stream alike.
 *
 * @param recipient {@code CHAPTER} (the chapter {@code chapterId} names) or {@code STAFF}
 * (national staff's inbox, {@code chapterId} then {@code null})
 */
record InboxEntryResponse(String id, String recipient, String chapterId, String eventId, String eventType, String title,
		String body, String subjectId, Instant occurredAt, Instant deliveredAt, boolean read) {

	static final String CHAPTER = "CHAPTER";

	static final String STAFF = "STAFF";

	static InboxEntryResponse of(InboxEntry entry) {
		return new InboxEntryResponse(entry.id(), entry.recipient().isStaff() ? STAFF : CHAPTER, entry.chapterId(),
				entry.eventId(), entry.eventType(), entry.title(), entry.body(), entry.subjectId(), entry.occurredAt(),
				entry.deliveredAt(), entry.read());
	}

}
