package org.groundgame.notification.rule;

import java.util.List;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * Who hears of one type of event, and what they are told. Notifying of a new event type
 * takes one rule: its audience (with the subscription topic it comes under) and its
 * template. Chapters' subscriptions then decide who of the audience hears of it, and
 * through which channel ({@link InboxRecipients} for the inbox; e-mail and webhooks
 * later). People are told by e-mail: those of the people projection as they consented
 * ({@link #people}), those the event names with an address for what happened to them
 * ({@link #addressees}).
 *
 * @param <E> the event type
 */
public interface NotificationRule<E extends DomainEvent> {

	Class<E> eventType();

	/** The topic chapters subscribe to to hear of these events. */
	Topic subscriptionTopic();

	/**
	 * The chapters concerned, each once, before their subscriptions are asked.
	 * @param event the event that happened
	 * @param chapters the chapters that hear of a state's events, for targeting by state
	 * @return the ids of the chapters to notify, possibly none
	 */
	Set<String> audience(E event, ChapterDirectory chapters);

	/** What the audience is told. */
	Notice template(E event);

	/**
	 * The people concerned (a volunteer), by the id the people projection keeps their
	 * contact details under; they hear only through the channels they consented to.
	 */
	default Set<String> people(E event) {
		return Set.of();
	}

	/**
	 * Whom the event itself names with an address to write to (a candidate sent their
	 * questionnaire, a trainee told of their seat): each is e-mailed there once, whatever
	 * their consent, because the message is the reason they gave the address. What they
	 * are sent is kept only until it is delivered or finally fails (see
	 * {@link Addressee}).
	 */
	default List<Addressee> addressees(E event) {
		return List.of();
	}

	/**
	 * What a person concerned ({@link #people}) or an addressee ({@link #addressees}) is
	 * told, when it differs from what chapters are.
	 */
	default Notice personalTemplate(E event) {
		return template(event);
	}

	/**
	 * What a person concerned or an addressee is told, in their language: the rules of
	 * the e-mails to people write Spanish too; the others say it in English.
	 */
	default Notice personalTemplate(E event, Language language) {
		return personalTemplate(event);
	}

	/**
	 * The language of the person the event concerns, when the event carries it; else
	 * {@code null}, and a person of the people projection is written to in the language
	 * it knows for them (English if none).
	 */
	default Language language(E event) {
		return null;
	}

	/**
	 * What the e-mail to a person concerned or an addressee is about, which their e-mail
	 * preferences decide on: a topic they may leave, or {@link EmailTopic#TRANSACTIONAL}
	 * for an answer to something they asked for just now (never held back). A message to
	 * a person is optional unless its rule says it is transactional.
	 */
	default EmailTopic emailTopic(E event) {
		return EmailTopic.NEWS;
	}

	/**
	 * Whether national staff hear of the event too, in their own inbox: for what they
	 * must act on. Staff have no subscription to narrow it.
	 */
	default boolean notifiesStaff(E event) {
		return false;
	}

	/** What staff are told, when they are ({@link #notifiesStaff}). */
	default Notice staffTemplate(E event) {
		return template(event);
	}

	/** The id of what the notification is about, for linking to it. */
	default String subjectId(E event) {
		return event.aggregateId();
	}

	/** The topic the event travels on. */
	default String topic() {
		return EventCatalog.topicOf(eventType());
	}

}
