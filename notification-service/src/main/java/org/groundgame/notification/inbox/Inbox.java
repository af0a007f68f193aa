package org.groundgame.notification.inbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.InboxRecipients;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.notification.people.domain.Tombstones;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The in-app inboxes, the chapters' and national staff's: delivers notifications into
 * them, reads them back newest first, and keeps what has been read.
 */
@Service
class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final InboxStore store;

	private final InboxRecipients recipients;

	private final InboxFanOut fanOut;

	private final DeliveryMetrics metrics;

	private final Tombstones tombstones;

	private final Clock clock;

	Inbox(InboxStore store, ChapterDirectory chapters, ChapterSubscriptions subscriptions, InboxFanOut fanOut,
			DeliveryMetrics metrics, Tombstones tombstones, Clock clock) {
		this.store = store;
		this.recipients = new InboxRecipients(chapters, subscriptions);
		this.fanOut = fanOut;
		this.metrics = metrics;
		this.tombstones = tombstones;
		this.clock = clock;
	}

	/**
	 * One entry for each chapter in the rule's audience whose subscription wants it in
	 * the inbox ({@link InboxRecipients}), and one in staff's inbox when the rule says
	 * staff hear of it; none for an event carrying the data of someone erased since it
	 * happened (it came late). Safe to repeat: an entry already there is left as it is,
	 * so whatever Kafka redelivers, each recipient has one entry per event. The entries
	 * go to the store in one bulk write (those there already left out, the others
	 * inserted all the same), and each new one is pushed to the recipient's open streams,
	 * on every instance ({@link InboxFanOut}).
	 */
	<E extends DomainEvent> void deliver(NotificationRule<E> rule, E event) {
		if (this.tombstones.outlived(event)) {
			log.info("Event {} ({}) carries the data of someone erased since: in no inbox", event.eventId(),
					rule.eventType().getSimpleName());
			return;
		}
		Set<String> audience = this.recipients.of(rule, event);
		// Milliseconds, as the store keeps them: the stream's order is by this time.
		var now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<InboxEntry> entries = new ArrayList<>(audience.size() + 1);
		for (String chapterId : audience) {
			entries.add(InboxEntry.deliver(rule, event, Recipient.chapter(chapterId), now));
		}
		boolean staff = rule.notifiesStaff(event);
		if (staff) {
			entries.add(InboxEntry.deliver(rule, event, Recipient.staff(), now));
		}
		List<InboxEntry> inserted = insert(entries);
		long delivered = inserted.stream().filter((entry) -> !entry.recipient().isStaff()).count();
		boolean staffDelivered = staff && delivered < inserted.size();
		log.info("Event {} ({}) notified {} of {} chapters{} by inbox", event.eventId(),
				rule.eventType().getSimpleName(), delivered, audience.size(),
				staff ? (staffDelivered ? " and staff" : " (staff already)") : "");
	}

	/**
	 * Tells a chapter of something this service noticed itself, once per notice id.
	 */
	void notice(String chapterId, String noticeId, String type, Notice notice, String subjectId,
			java.time.Instant occurredAt) {
		var now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		insert(List
			.of(InboxEntry.notice(noticeId, Recipient.chapter(chapterId), type, notice, subjectId, occurredAt, now)));
	}

	/**
	 * Removes every entry about someone (a person erased) and every entry that holds
	 * their personal data (a chapter told of an endorsed candidate).
	 */
	long forgetAbout(String subjectId) {
		return this.store.removeAbout(subjectId);
	}

	/**
	 * Inserts the entries that are new, counts each, and pushes each new one to its
	 * recipient's streams (every instance's); when some could not be written, the others
	 * are pushed all the same, and then the failure is thrown (the event comes again, and
	 * the entries written are left as they are).
	 * @return those inserted
	 */
	private List<InboxEntry> insert(List<InboxEntry> entries) {
		InboxStore.Inserted result;
		try {
			result = this.store.insertNew(entries);
		}
		catch (RuntimeException ex) {
			entries.forEach((entry) -> this.metrics.failed());
			throw ex;
		}
		for (int i = 0; i < result.duplicates(); i++) {
			this.metrics.duplicate();
		}
		for (InboxEntry entry : result.inserted()) {
			this.metrics.delivered(entry.latency());
			this.fanOut.delivered(entry);
		}
		if (result.failure() != null) {
			int failed = entries.size() - result.inserted().size() - result.duplicates();
			for (int i = 0; i < failed; i++) {
				this.metrics.failed();
			}
			throw result.failure();
		}
		return result.inserted();
	}

	/**
	 * The inbox a caller may read, newest first.
	 * @param chapterId the chapter asked for, if any
	 * @param read only the entries read ({@code true}) or unread ({@code false}), or all
	 * ({@code null})
	 * @throws AuthenticationCredentialsNotFoundException without a token
	 * @throws AccessDeniedException for another chapter's inbox
	 * @see #recipientToRead(Caller, String)
	 */
	Page<InboxEntry> entriesFor(Caller caller, String chapterId, Boolean read, int page, int size) {
		return entriesOf(recipientToRead(caller, chapterId), read, page, size);
	}

	/** How many entries of the inbox a caller may read are unread. */
	long unreadCount(Caller caller, String chapterId) {
		Recipient recipient = recipientToRead(caller, chapterId);
		return this.store.unread(recipient);
	}

	/**
	 * Marks every unread entry of the inbox a caller may read as read.
	 * @return how many entries changed
	 */
	long markAllRead(Caller caller, String chapterId) {
		Recipient recipient = recipientToRead(caller, chapterId);
		return this.store.markAllRead(recipient);
	}

	/**
	 * Marks one entry read or unread. The entry is looked for among those the caller may
	 * change (a chapter: its own), so nothing of another's is read or changed.
	 * @throws NotFoundException when there is no such entry
	 * @throws AccessDeniedException when it is another chapter's (or staff's)
	 */
	InboxEntry mark(Caller caller, String entryId, boolean read) {
		caller.requireToken();
		if (!caller.isStaff() && !caller.isChapter()) {
			throw new AccessDeniedException("Only staff and chapters have an inbox");
		}
		// Staff may read every inbox; a chapter only its own.
		Recipient of = caller.isChapter() ? Recipient.chapter(caller.chapterId()) : null;
		var marked = this.store.mark(entryId, of, read);
		if (marked.isPresent()) {
			return marked.get();
		}
		if (caller.isChapter() && this.store.exists(entryId)) {
			throw new AccessDeniedException("This belongs to another inbox");
		}
		throw new NotFoundException("inbox entry", entryId);
	}

	/**
	 * Whose inbox a caller reads: the chapter it names, when it is staff or that chapter;
	 * its own, when a chapter names none; staff's own, when staff name none. No chapter
	 * ever reads staff's inbox.
	 */
	static Recipient recipientToRead(Caller caller, String chapterId) {
		caller.requireToken();
		boolean named = chapterId != null && !chapterId.isBlank();
		if (!named && caller.isChapter()) {
			return Recipient.chapter(caller.chapterId());
		}
		if (!named && caller.isStaff()) {
			return Recipient.staff();
		}
		caller.requireChapterAccess(chapterId);
		return Recipient.chapter(chapterId);
	}

	Page<InboxEntry> entriesOf(Recipient recipient, Boolean read, int page, int size) {
		return this.store.entries(recipient, read, page, size);
	}

}
