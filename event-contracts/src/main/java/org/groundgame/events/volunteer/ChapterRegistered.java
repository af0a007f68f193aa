package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A local chapter joined the organization. The contact e-mail is the chapter's own (an
 * organizational address), which notification-service uses as its default e-mail channel.
 *
 * @param parentOrganization the organization the chapter belongs to, e.g. "Our
 * Revolution", or {@code null}
 * @param sisterChapterIds the registered chapters this one names as its sisters (never
 * itself); empty when none
 */
@EventType(value = "org.groundgame.volunteer.ChapterRegistered.v1", topic = Topics.VOLUNTEER,
		description = "A local chapter was registered with the national organization.")
public record ChapterRegistered(String eventId, Instant occurredAt, String chapterId, String name, String state,
		String city, String contactEmail, String parentOrganization,
		List<String> sisterChapterIds) implements DomainEvent {

	public ChapterRegistered {
		sisterChapterIds = (sisterChapterIds != null) ? List.copyOf(sisterChapterIds) : List.of();
	}

	/** A chapter as version 1 of this event first described it. */
	public ChapterRegistered(String eventId, Instant occurredAt, String chapterId, String name, String state,
			String city, String contactEmail) {
		this(eventId, occurredAt, chapterId, name, state, city, contactEmail, null, List.of());
	}

	@Override
	public String aggregateId() {
		return this.chapterId;
	}

}
