package org.groundgame.web.console.inbox;

import java.time.Instant;

/**
 * An entry of an inbox as notification-service shows it, in a page of the inbox and on
 * its stream alike.
 */
public record InboxEntry(String id, String recipient, String chapterId, String eventType, String title, String body,
		String subjectId, Instant occurredAt, Instant deliveredAt, boolean read) {

}
