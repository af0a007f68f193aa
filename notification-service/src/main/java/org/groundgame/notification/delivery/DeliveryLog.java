package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.subscription.domain.WebhookEndpoint;
import org.groundgame.notification.subscription.domain.WebhookEndpoints;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The delivery log, for staff and for each chapter (its own deliveries): every delivery
 * with its attempts; a failed one retried, a webhook's deliveries replayed since a time,
 * a test event sent.
 */
@Service
class DeliveryLog {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

	static final String TEST_EVENT_TYPE = "org.groundgame.notification.WebhookTest.v1";

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	private final DeliveryAttempts attempts;

	private final WebhookEndpoints endpoints;

	private final CloudEventBodies bodies;

	private final DeliveryProperties properties;

	private final Chapters chapters;

	private final Clock clock;

	DeliveryLog(DeliveryStore store, DeliveryDispatcher dispatcher, DeliveryAttempts attempts,
			WebhookEndpoints endpoints, CloudEventBodies bodies, DeliveryProperties properties, Chapters chapters,
			Clock clock) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.attempts = attempts;
		this.endpoints = endpoints;
		this.bodies = bodies;
		this.properties = properties;
		this.chapters = chapters;
		this.clock = clock;
	}

	/**
	 * Deliveries, newest first: a chapter sees its own; staff see any chapter's, or all
	 * (people's included) when they name none.
	 */
	Page<Delivery> list(Caller caller, String chapterId, DeliveryStatus status, Channel channel, int page, int size) {
		caller.requireToken();
		boolean named = chapterId != null && !chapterId.isBlank();
		String chapter = named ? chapterId : null;
		if (!named && caller.isChapter()) {
			chapter = caller.chapterId();
		}
		else if (named) {
			caller.requireChapterAccess(chapterId);
		}
		else {
			caller.requireStaff();
		}
		return this.store.list(chapter, status, channel, page, size);
	}

	Delivery get(Caller caller, String id) {
		Delivery delivery = this.store.find(id).orElseThrow(() -> new NotFoundException("delivery", id));
		requireAccess(caller, delivery);
		return delivery;
	}

	/**
	 * A failed delivery tried again at once, from the start of its schedule.
	 * @throws IllegalStateChangeException unless it failed
	 */
	Delivery retry(Caller caller, String id) {
		Delivery retried = get(caller, id).retried(this.clock.instant());
		this.store.save(retried);
		this.dispatcher.dispatch(List.of(retried));
		log.info("{} retried delivery {}", caller, id);
		return retried;
	}

	/**
	 * Every delivery to a chapter's webhook since a time sent again (with its original
	 * {@code webhook-id}, so a receiver that kept it knows it).
	 * @return how many will be sent again
	 */
	int replay(Caller caller, String chapterId, Instant since) {
		caller.requireChapterAccess(chapterId);
		Instant now = this.clock.instant();
		if (since == null) {
			throw new InvalidInputException("since", "must be given");
		}
		if (since.isAfter(now)) {
			throw new InvalidInputException("since", "must not be in the future");
		}
		WebhookEndpoint endpoint = enabledEndpoint(chapterId, now);
		List<Delivery> replayed = this.store.since(chapterId, Channel.WEBHOOK, since)
			.stream()
			.filter((delivery) -> delivery.address().equals(endpoint.url()))
			.filter((delivery) -> delivery.status() != DeliveryStatus.PENDING)
			.map((delivery) -> delivery.replayed(now))
			.toList();
		replayed.forEach(this.store::save);
		this.dispatcher.dispatch(replayed);
		log.info("{} replayed {} webhook deliveries of chapter {} since {}", caller, replayed.size(), chapterId, since);
		return replayed.size();
	}

	/**
	 * Sends a test event to the chapter's webhook at once and answers how the first
	 * attempt went; it is logged and retried like any other delivery.
	 */
	Delivery sendTestEvent(Caller caller, String chapterId) {
		caller.requireChapterAccess(chapterId);
		Instant now = this.clock.instant();
		WebhookEndpoint endpoint = enabledEndpoint(chapterId, now);
		String eventId = UUID.randomUUID().toString();
		String body = this.bodies.own(eventId, TEST_EVENT_TYPE, chapterId, now.toString(), Map.of("chapterId",
				chapterId, "message", "A test event from Ground Game: your webhook endpoint receives our events."));
		Delivery test = Delivery.planned(eventId, TEST_EVENT_TYPE, Channel.WEBHOOK, Recipient.chapter(chapterId),
				endpoint.url(), chapterId, now, Content.webhook("Test event", body), now);
		// Inserted leased, so that the poller (which takes any due delivery) cannot take
		// it
		// between the insert and this attempt, which would answer it still pending.
		this.store.insertClaimed(test, now.plus(this.properties.lease()));
		return this.attempts.attempt(test);
	}

	/**
	 * @throws NotFoundException for a chapter this service does not know
	 * @throws IllegalStateChangeException when it has no webhook, or a disabled one
	 */
	private WebhookEndpoint enabledEndpoint(String chapterId, Instant now) {
		if (this.chapters.byId(chapterId).isEmpty()) {
			throw new NotFoundException("chapter", chapterId);
		}
		WebhookEndpoint endpoint = this.endpoints.of(chapterId, now)
			.orElseThrow(() -> new IllegalStateChangeException("The chapter has no webhook", "NO_WEBHOOK"));
		if (!endpoint.enabled()) {
			throw new IllegalStateChangeException("The chapter's webhook is disabled; enable it first", "DISABLED");
		}
		return endpoint;
	}

	private static void requireAccess(Caller caller, Delivery delivery) {
		if (delivery.recipient().kind() == Recipient.Kind.CHAPTER) {
			caller.requireChapterAccess(delivery.recipient().chapterId());
		}
		else {
			caller.requireStaff();
		}
	}

}
