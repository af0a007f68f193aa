package org.groundgame.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification kept for a chapter's daily digest, one per event and chapter (its id is
 * derived from the pair and it is inserted, never upserted). {@code digestId} is set when
 * a digest takes it. {@code personalDataSubject} names the person whose data it holds, if
 * any (it goes when they are erased).
 */
@Document("digest_items")
record DigestItemDocument(@Id String id, String chapterId, String eventId, String eventType, String subjectId,
		String title, String body, Instant occurredAt, Instant collectedAt, String digestId,
		String personalDataSubject) {

}
