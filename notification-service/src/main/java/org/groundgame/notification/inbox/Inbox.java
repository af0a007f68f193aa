package org.groundgame.notification.inbox;

import java.time.Clock;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.InboxRecipients;
import org.groundgame.notification.inbox.domain.NotificationRule;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The chapters' in-app inbox: delivers notifications into it and reads it back, newest
 * first.
 */
@Service
class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

	private final MongoTemplate mongo;

	private final InboxRecipients recipients;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	Inbox(MongoTemplate mongo, ChapterDirectory chapters, ChapterSubscriptions subscriptions, DeliveryMetrics metrics,
			Clock clock) {
		this.mongo = mongo;
		this.recipients = new InboxRecipients(chapters, subscriptions);
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * One entry for each chapter in the rule's audience whose subscription wants it in
	 * the inbox ({@link InboxRecipients}). Safe to repeat: an entry already there is left
	 * as it is, so whatever Kafka redelivers, each chapter has one entry per event.
	 */
	<E extends DomainEvent> void deliver(NotificationRule<E> rule, E event) {
		Set<String> audience = this.recipients.of(rule, event);
		int delivered = 0;
		for (String chapterId : audience) {
			if (insert(InboxEntry.deliver(rule, event, chapterId, this.clock.instant()))) {
				delivered++;
			}
		}
		log.info("Event {} ({}) notified {} of {} chapters by inbox", event.eventId(), rule.eventType().getSimpleName(),
				delivered, audience.size());
	}

	private boolean insert(InboxEntry entry) {
		try {
			this.mongo.insert(InboxEntryDocument.of(entry));
		}
		catch (DuplicateKeyException ex) {
			this.metrics.duplicate();
			return false;
		}
		catch (RuntimeException ex) {
			this.metrics.failed();
			throw ex;
		}
		this.metrics.delivered(entry.latency());
		return true;
	}

	/**
	 * The inbox a caller may read, newest first.
	 * @param chapterId the chapter asked for, if any
	 * @throws AuthenticationCredentialsNotFoundException without a token
	 * @throws AccessDeniedException for another chapter's inbox
	 * @throws InvalidInputException when staff name no chapter
	 * @see #chapterToRead(Caller, String)
	 */
	Page<InboxEntry> entriesFor(Caller caller, String chapterId, int page, int size) {
		return entriesOf(chapterToRead(caller, chapterId), page, size);
	}

	/**
	 * Whose inbox a caller reads: the chapter it names, when it is staff or that chapter;
	 * its own, when a chapter names none. Staff must name one: their own inbox (the
	 * nominations to review) is another thing, to come, and a listing of every chapter's
	 * entries is no inbox at all.
	 */
	static String chapterToRead(Caller caller, String chapterId) {
		caller.requireToken();
		boolean named = chapterId != null && !chapterId.isBlank();
		if (!named && caller.isChapter()) {
			return caller.chapterId();
		}
		if (!named && caller.isStaff()) {
			throw new InvalidInputException("chapterId", "must name the chapter whose inbox to read");
		}
		caller.requireChapterAccess(chapterId);
		return chapterId;
	}

	Page<InboxEntry> entriesOf(String chapterId, int page, int size) {
		PageRequest pageRequest = PageRequest.of(page, size, NEWEST_FIRST);
		Query query = Query.query(Criteria.where("chapterId").is(chapterId));
		var entries = this.mongo.find(Query.of(query).with(pageRequest), InboxEntryDocument.class)
			.stream()
			.map(InboxEntryDocument::toEntry)
			.toList();
		return PageableExecutionUtils.getPage(entries, pageRequest,
				() -> this.mongo.count(Query.of(query), InboxEntryDocument.class));
	}

}
