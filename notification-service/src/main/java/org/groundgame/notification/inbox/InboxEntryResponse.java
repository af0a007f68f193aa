package org.groundgame.notification.inbox;

import java.time.Instant;

import org.groundgame.notification.inbox.domain.InboxEntry;

/** An inbox entry as the API shows it. */
record InboxEntryResponse(String id, String chapterId, String eventId, String eventType, String title, String body,
		String subjectId, Instant occurredAt, Instant deliveredAt, boolean read) {

	static InboxEntryResponse of(InboxEntry entry) {
		return new InboxEntryResponse(entry.id(), entry.chapterId(), entry.eventId(), entry.eventType(), entry.title(),
				entry.body(), entry.subjectId(), entry.occurredAt(), entry.deliveredAt(), entry.read());
	}

}
