package org.groundgame.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.email.EmailMessage;
import org.groundgame.notification.email.EmailTemplates;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Daily digests: for the topics a chapter chose to hear of once a day, each notification
 * is kept instead of mailed, and once a day one e-mail summarises what was kept. A digest
 * is a delivery like any other (logged, retried), with an id derived from the chapter and
 * the day, so each chapter gets at most one a day, whichever instance sends it.
 * <p>
 * With several instances, the daily run fires on each at the same moment; it runs on one
 * of them only (a ShedLock lock, {@value #LOCK}), because a run is not one conditional
 * write per digest but several steps (mark the chapter's kept items, read them, insert
 * the digest): two runs interleaving could mark an item for a digest whose e-mail was
 * written without it. The digest's id keeps a second run the same day (one that fires
 * after the lock was released, on a clock a little behind) from sending anything again.
 */
@Service
class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	static final String DIGEST_TYPE = "org.groundgame.notification.DailyDigest.v1";

	/** Marks what was kept for a chapter that has since dropped e-mail. */
	static final String NOT_SENT = "not-sent";

	/** The lock of the daily run, in the service's database. */
	static final String LOCK = "notification-daily-digests";

	/**
	 * Longer than a run takes; if the instance running it dies, the chapters it had not
	 * reached yet get their kept notifications in the next day's digest.
	 */
	private static final Duration LOCK_AT_MOST_FOR = Duration.ofHours(1);

	private final DigestStore items;

	private final ChapterSubscriptions subscriptions;

	private final Chapters chapters;

	private final EmailTemplates templates;

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	private final ZoneId zone;

	private final Clock clock;

	private final LockProvider locks;

	Digests(DigestStore items, ChapterSubscriptions subscriptions, Chapters chapters, EmailTemplates templates,
			DeliveryStore store, DeliveryDispatcher dispatcher,
			@Value("${groundgame.notification.digest.zone:UTC}") ZoneId zone, Clock clock, LockProvider locks) {
		this.items = items;
		this.subscriptions = subscriptions;
		this.chapters = chapters;
		this.templates = templates;
		this.store = store;
		this.dispatcher = dispatcher;
		this.zone = zone;
		this.clock = clock;
		this.locks = locks;
	}

	/**
	 * Keeps a notification for the chapter's next digest; keeping it again changes
	 * nothing.
	 */
	<E extends DomainEvent> void collect(String chapterId, NotificationRule<E> rule, E event, Notice notice,
			String personalDataSubject) {
		String id = UUID.nameUUIDFromBytes((event.eventId() + "\n" + chapterId).getBytes(StandardCharsets.UTF_8))
			.toString();
		this.items.keep(new DigestItemDocument(id, chapterId, event.eventId(), EventCatalog.typeOf(rule.eventType()),
				rule.subjectId(event), notice.title(), notice.body(), event.occurredAt(), this.clock.instant(), null,
				personalDataSubject));
	}

	@Scheduled(cron = "${groundgame.notification.digest.cron:0 0 17 * * *}",
			zone = "${groundgame.notification.digest.zone:UTC}")
	void sendDue() {
		sendOnOneInstance(this.clock.instant());
	}

	/**
	 * The day's run, unless another instance is running it.
	 * @return how many digests were sent, or empty when another instance held the lock
	 */
	Optional<Integer> sendOnOneInstance(Instant now) {
		// The lock's times are ShedLock's (the system clock), whatever the service's
		// clock says.
		Optional<SimpleLock> lock = this.locks
			.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST_FOR, Duration.ZERO));
		if (lock.isEmpty()) {
			log.debug("Another instance is sending the daily digests");
			return Optional.empty();
		}
		try {
			return Optional.of(send(now));
		}
		finally {
			lock.get().unlock();
		}
	}

	/**
	 * Sends each chapter with notifications kept until now its digest of the day.
	 * @return how many digests were sent
	 */
	int send(Instant now) {
		LocalDate day = LocalDate.ofInstant(now, this.zone);
		List<String> chapterIds = this.items.chaptersWaiting(now);
		Map<String, Subscription> stored = this.subscriptions.storedOf(chapterIds);
		Map<String, Chapter> known = this.chapters.byIds(chapterIds);
		int sent = 0;
		for (String chapterId : chapterIds) {
			Subscription subscription = stored.get(chapterId);
			if (subscription == null || subscription.email() == null) {
				// The chapter no longer has an address: nothing to send, nothing to keep.
				this.items.assign(chapterId, now, NOT_SENT);
				continue;
			}
			Chapter chapter = known.get(chapterId);
			if (sendOne(chapterId, subscription.email(), (chapter != null) ? chapter.name() : null, day, now)) {
				sent++;
			}
		}
		if (sent > 0) {
			log.info("Sent {} daily digests for {}", sent, day);
		}
		return sent;
	}

	private boolean sendOne(String chapterId, String email, String chapterName, LocalDate day, Instant now) {
		String digestEventId = "digest:" + chapterId + ":" + day;
		Recipient recipient = Recipient.chapter(chapterId);
		String deliveryId = Delivery.idOf(digestEventId, recipient, Channel.EMAIL);
		if (this.store.find(deliveryId).isPresent()) {
			return false;
		}
		this.items.assign(chapterId, now, deliveryId);
		List<DigestItemDocument> items = this.items.itemsOf(deliveryId);
		if (items.isEmpty()) {
			return false;
		}
		List<Notice> notices = items.stream().map((item) -> new Notice(item.title(), item.body())).toList();
		EmailMessage message = this.templates.digest(deliveryId, email, day, notices, chapterName);
		Delivery digest = Delivery.planned(digestEventId, DIGEST_TYPE, Channel.EMAIL, recipient, email, null, now,
				Content.email(message.subject(), message.text(), message.html()), now);
		List<String> inserted = this.store.insertNew(List.of(digest));
		this.dispatcher.dispatch(inserted.isEmpty() ? List.of() : List.of(digest));
		return !inserted.isEmpty();
	}

	/**
	 * Forgets what was kept about someone (a person who asked to be erased), and every
	 * digest e-mail that named them: one still to be sent is cancelled, and what else it
	 * held goes into the chapter's next digest.
	 * @return how many kept notifications were forgotten
	 */
	long forgetAbout(String subjectId) {
		List<String> digestIds = this.items.digestsAbout(subjectId)
			.stream()
			.filter((digestId) -> digestId != null && !NOT_SENT.equals(digestId))
			.toList();
		long forgotten = this.items.forgetAbout(subjectId);
		for (String digestId : digestIds) {
			boolean unsent = this.store.find(digestId)
				.map((digest) -> digest.status() != DeliveryStatus.DELIVERED)
				.orElse(true);
			if (unsent) {
				this.items.release(digestId);
			}
		}
		this.store.delete(digestIds);
		return forgotten;
	}

}
