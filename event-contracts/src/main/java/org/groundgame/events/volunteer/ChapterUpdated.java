package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A chapter's details changed: the event carries all of them as they now are, so that a
 * projection replaces what it holds (keeping the newest by {@code occurredAt}).
 *
 * @param parentOrganization the organization the chapter belongs to, or {@code null}
 * @param sisterChapterIds the registered chapters this one names as its sisters (never
 * itself); empty when none
 */
@EventType(value = "org.groundgame.volunteer.ChapterUpdated.v1", topic = Topics.VOLUNTEER,
		description = "A chapter's name, city, contact, parent organization or sister chapters changed.")
public record ChapterUpdated(String eventId, Instant occurredAt, String chapterId, String name, String state,
		String city, String contactEmail, String parentOrganization,
		List<String> sisterChapterIds) implements DomainEvent {

	public ChapterUpdated {
		sisterChapterIds = (sisterChapterIds != null) ? List.copyOf(sisterChapterIds) : List.of();
	}

	@Override
	public String aggregateId() {
		return this.chapterId;
	}

}
