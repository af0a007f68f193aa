package org.groundgame.notification.inbox.domain;

import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/**
 * Who hears of one type of event, and what they are told. Notifying of a new event type
 * takes one rule: its audience and its template. Channels (the inbox now; e-mail and
 * webhooks later) deliver whatever the rules produce.
 *
 * @param <E> the event type
 */
public interface NotificationRule<E extends DomainEvent> {

	Class<E> eventType();

	/**
	 * The chapters to notify, each once.
	 * @param event the event that happened
	 * @param chapters the chapters known so far, for targeting by state
	 * @return the ids of the chapters to notify, possibly none
	 */
	Set<String> audience(E event, ChapterDirectory chapters);

	/** What the audience is told. */
	Notice template(E event);

	/** The id of what the notification is about, for linking to it. */
	default String subjectId(E event) {
		return event.aggregateId();
	}

	/** The topic the event travels on. */
	default String topic() {
		return EventCatalog.topicOf(eventType());
	}

}
