package org.groundgame.notification.inbox;

import java.time.Instant;

import org.groundgame.notification.inbox.domain.InboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbox entry as stored. The unique index on (event, chapter) is what makes delivery
 * exactly-once per recipient: an entry is inserted, never upserted, and a duplicate key
 * means it is already there.
 */
@Document("inbox_entries")
@CompoundIndex(name = "one_entry_per_event_and_chapter", def = "{'eventId': 1, 'chapterId': 1}", unique = true)
@CompoundIndex(name = "inbox_newest_first", def = "{'chapterId': 1, 'occurredAt': -1, '_id': -1}")
record InboxEntryDocument(@Id String id, String chapterId, String eventId, String eventType, String title, String body,
		String subjectId, Instant occurredAt, Instant deliveredAt, boolean read) {

	static InboxEntryDocument of(InboxEntry entry) {
		return new InboxEntryDocument(entry.id(), entry.chapterId(), entry.eventId(), entry.eventType(), entry.title(),
				entry.body(), entry.subjectId(), entry.occurredAt(), entry.deliveredAt(), entry.read());
	}

	InboxEntry toEntry() {
		return new InboxEntry(this.id, this.chapterId, this.eventId, this.eventType, this.title, this.body,
				this.subjectId, this.occurredAt, this.deliveredAt, this.read);
	}

}
