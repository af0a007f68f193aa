package org.groundgame.notification.inbox;

import java.time.Instant;

import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbox entry as stored. The unique index on (event, recipient), which
 * {@link InboxStore} creates, is what makes delivery exactly-once per recipient: an entry
 * is inserted, never upserted, and a duplicate key means it is already there.
 * <p>
 * {@code recipient} is {@link Recipient#key()}: {@code staff}, or {@code chapter:} and
 * the chapter's id, so the staff inbox can never be taken for a chapter's. Every query is
 * scoped by it. {@code chapterId} is kept for the answer ({@code null} in staff's inbox).
 */
@Document("inbox_entries")
record InboxEntryDocument(@Id String id, String recipient, String chapterId, String eventId, String eventType,
		String title, String body, String subjectId, Instant occurredAt, Instant deliveredAt, boolean read,
		String personalDataSubject) {

	static InboxEntryDocument of(InboxEntry entry) {
		return new InboxEntryDocument(entry.id(), entry.recipient().key(), entry.chapterId(), entry.eventId(),
				entry.eventType(), entry.title(), entry.body(), entry.subjectId(), entry.occurredAt(),
				entry.deliveredAt(), entry.read(), entry.personalDataSubject());
	}

	InboxEntry toEntry() {
		return new InboxEntry(this.id, Recipient.ofKey(this.recipient), this.eventId, this.eventType, this.title,
				this.body, this.subjectId, this.occurredAt, this.deliveredAt, this.read, this.personalDataSubject);
	}

}
