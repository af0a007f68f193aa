package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.people.domain.Erasure;
import org.groundgame.notification.people.domain.ErasureNotices;
import org.groundgame.notification.subscription.domain.WebhookEndpoint;
import org.groundgame.notification.subscription.domain.WebhookEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Tells each chapter's webhook that was sent a person's data that the person was erased:
 * one {@value #TYPE} CloudEvent per chapter and erasure, with ids only (the person's, the
 * personal records', the erasure's and those of the events it was sent that carried
 * them), so that the receiver can find and delete its copies. It is a webhook delivery
 * like any other: signed with the chapter's secrets, retried, logged, replayable. Its id
 * is derived from the erasure and the chapter, so an erasure run again sends nothing
 * more; chapters never sent the person's data are told nothing.
 */
@Component
class WebhookErasureNotices implements ErasureNotices {

	private static final Logger log = LoggerFactory.getLogger(WebhookErasureNotices.class);

	static final String TYPE = "org.groundgame.notification.PersonalDataErased.v1";

	private final PersonalDataSentStore sent;

	private final WebhookEndpoints endpoints;

	private final CloudEventBodies bodies;

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	private final Clock clock;

	WebhookErasureNotices(PersonalDataSentStore sent, WebhookEndpoints endpoints, CloudEventBodies bodies,
			DeliveryStore store, DeliveryDispatcher dispatcher, Clock clock) {
		this.sent = sent;
		this.endpoints = endpoints;
		this.bodies = bodies;
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@Override
	public void erased(Erasure erasure) {
		if (erasure.subjectIds().isEmpty()) {
			return;
		}
		Map<String, List<PersonalDataSentDocument>> byChapter = new TreeMap<>();
		for (PersonalDataSentDocument record : this.sent.of(erasure.subjectIds())) {
			byChapter.computeIfAbsent(record.chapterId(), (chapterId) -> new ArrayList<>()).add(record);
		}
		Instant now = this.clock.instant();
		List<Delivery> planned = new ArrayList<>();
		byChapter.forEach((chapterId, records) -> {
			Optional<WebhookEndpoint> endpoint = this.endpoints.of(chapterId, now);
			if (endpoint.isEmpty()) {
				log.info("Chapter {} was sent data of {} {} but has no webhook any more: no one to tell", chapterId,
						erasure.kind(), erasure.personId());
				return;
			}
			planned.add(notice(erasure, chapterId, endpoint.get().url(), records, now));
		});
		Set<String> inserted = new HashSet<>(this.store.insertNew(planned));
		this.dispatcher.dispatch(planned.stream().filter((notice) -> inserted.contains(notice.id())).toList());
		this.sent.forget(erasure.subjectIds());
		if (!planned.isEmpty()) {
			log.info("Erasure {} of {} {}: {} chapters' webhooks told, {} new", erasure.eventId(), erasure.kind(),
					erasure.personId(), planned.size(), inserted.size());
		}
	}

	private Delivery notice(Erasure erasure, String chapterId, String url, List<PersonalDataSentDocument> records,
			Instant now) {
		Recipient chapter = Recipient.chapter(chapterId);
		String id = Delivery.idOf(erasure.eventId(), chapter, Channel.WEBHOOK);
		Set<String> subjectIds = new LinkedHashSet<>();
		List<Map<String, Object>> events = new ArrayList<>();
		for (PersonalDataSentDocument record : records) {
			subjectIds.add(record.subjectId());
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("id", record.eventId());
			event.put("type", record.eventType());
			event.put("subjectId", record.subjectId());
			events.add(event);
		}
		Map<String, Object> erasedBy = new LinkedHashMap<>();
		erasedBy.put("id", erasure.eventId());
		erasedBy.put("type", erasure.eventType());
		erasedBy.put("time", erasure.erasedAt().toString());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", erasure.kind().name());
		data.put("personId", erasure.personId());
		data.put("subjectIds", List.copyOf(subjectIds));
		data.put("erasure", erasedBy);
		data.put("events", events);
		String body = this.bodies.own(id, TYPE, erasure.personId(), erasure.erasedAt().toString(), data);
		return Delivery.planned(erasure.eventId(), TYPE, Channel.WEBHOOK, chapter, url, null, erasure.erasedAt(),
				Content.webhook("Personal data erased", body), now);
	}

}
