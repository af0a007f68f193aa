package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A local chapter joined the organization. The contact e-mail is the chapter's own (an
 * organizational address), which notification-service uses as its default e-mail channel.
 */
@EventType(value = "org.groundgame.volunteer.ChapterRegistered.v1", topic = Topics.VOLUNTEER,
		description = "A local chapter was registered with the national organization.")
public record ChapterRegistered(String eventId, Instant occurredAt, String chapterId, String name, String state,
		String city, String contactEmail) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.chapterId;
	}

}
