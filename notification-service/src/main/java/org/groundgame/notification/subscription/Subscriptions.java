package org.groundgame.notification.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.SubscriptionChange;
import org.groundgame.notification.subscription.domain.WebhookAddresses;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Chapters' subscriptions, read and changed by staff and by the chapter itself. A chapter
 * that never chose has the defaults, built from what the chapter projection knows.
 */
@Service
class Subscriptions {

	private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

	private final Chapters chapters;

	private final SubscriptionStore store;

	private final WebhookAddresses addresses;

	private final SecureRandom random;

	private final WebhookProperties properties;

	private final Clock clock;

	Subscriptions(Chapters chapters, SubscriptionStore store, WebhookAddresses addresses, SecureRandom random,
			WebhookProperties properties, Clock clock) {
		this.chapters = chapters;
		this.store = store;
		this.addresses = addresses;
		this.random = random;
		this.properties = properties;
		this.clock = clock;
	}

	/** A change, and whether it gave the webhook a new secret to show once. */
	record Changed(Subscription subscription, boolean newWebhookSecret) {
	}

	Subscription of(Caller caller, String chapterId) {
		caller.requireChapterAccess(chapterId);
		return current(chapterId);
	}

	/**
	 * Replaces the chapter's subscription with what it asks for; nothing is stored when
	 * anything is invalid.
	 */
	Changed change(Caller caller, String chapterId, SubscriptionChange change) {
		caller.requireChapterAccess(chapterId);
		Subscription before = current(chapterId);
		Subscription after = before.change(change, this.addresses, this.random);
		this.store.save(after, this.clock.instant());
		log.info("{} changed the subscription of chapter {}: {}", caller, chapterId, after);
		return new Changed(after, after.hasNewWebhookSecretSince(before));
	}

	/**
	 * A new signing secret for the chapter's webhook, shown this once; the old one keeps
	 * signing beside it for a while (see {@link WebhookProperties#secretOverlap()}).
	 * @throws IllegalStateChangeException when the chapter has no webhook
	 */
	Subscription rotateWebhookSecret(Caller caller, String chapterId) {
		caller.requireChapterAccess(chapterId);
		Subscription before = current(chapterId);
		if (before.webhook() == null) {
			throw new IllegalStateChangeException("The chapter has no webhook", "NO_WEBHOOK");
		}
		Instant now = this.clock.instant();
		Subscription after = before
			.withWebhook(before.webhook().rotated(this.random, now, this.properties.secretOverlap()));
		this.store.save(after, now);
		log.info("{} rotated the webhook secret of chapter {}", caller, chapterId);
		return after;
	}

	/**
	 * @throws NotFoundException for a chapter this service does not know (yet)
	 */
	private Subscription current(String chapterId) {
		Chapter chapter = this.chapters.byId(chapterId).orElseThrow(() -> new NotFoundException("chapter", chapterId));
		return this.store.find(chapterId).orElseGet(() -> Subscription.defaultsFor(chapterId, chapter.contactEmail()));
	}

}
