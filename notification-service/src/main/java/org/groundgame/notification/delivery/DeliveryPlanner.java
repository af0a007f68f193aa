package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.email.EmailMessage;
import org.groundgame.notification.email.EmailTemplates;
import org.groundgame.notification.people.domain.EventPersonalData;
import org.groundgame.notification.people.domain.People;
import org.groundgame.notification.people.domain.Person;
import org.groundgame.notification.people.domain.Tombstones;
import org.groundgame.notification.preference.EmailPreferenceService;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.notification.rule.Addressee;
import org.groundgame.notification.rule.ChapterAudience;
import org.groundgame.notification.rule.Language;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Turns an event into its deliveries by e-mail and webhook: one per recipient and channel
 * the chapters' subscriptions ask for, an e-mail to each person concerned who consented
 * to e-mail, and one to each addressee the event names with their address (each of these
 * two only if the person's e-mail preferences allow the message's topic, and then with
 * the links to those preferences), rendered once, stored in one round trip leased to this
 * instance, and handed to the dispatcher, which attempts them without claiming each.
 * Planning the same event again finds them stored and creates nothing. Each delivery of
 * an event that carries a person's data names that person's record, so that it goes when
 * they are erased; an event carrying the data of someone erased since it happened (it
 * came late, on another partition than the erasure) is delivered to no one.
 */
@Service
class DeliveryPlanner {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

	private final ChapterAudience audience;

	private final Chapters chapters;

	private final EmailTemplates templates;

	private final CloudEventBodies bodies;

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	private final Digests digests;

	private final People people;

	private final Tombstones tombstones;

	private final EmailPreferenceService preferences;

	private final Clock clock;

	DeliveryPlanner(ChapterAudience audience, Chapters chapters, EmailTemplates templates, CloudEventBodies bodies,
			DeliveryStore store, DeliveryDispatcher dispatcher, Digests digests, People people, Tombstones tombstones,
			EmailPreferenceService preferences, Clock clock) {
		this.audience = audience;
		this.chapters = chapters;
		this.templates = templates;
		this.bodies = bodies;
		this.store = store;
		this.dispatcher = dispatcher;
		this.digests = digests;
		this.people = people;
		this.tombstones = tombstones;
		this.preferences = preferences;
		this.clock = clock;
	}

	<E extends DomainEvent> void plan(NotificationRule<E> rule, E event) {
		if (this.tombstones.outlived(event)) {
			log.info("Event {} ({}) carries the data of someone erased since: delivered to no one", event.eventId(),
					rule.eventType().getSimpleName());
			return;
		}
		String personalDataSubject = EventPersonalData.subjectOf(event).orElse(null);
		Map<String, Subscription> concerned = this.audience.of(rule, event);
		Topic topic = rule.subscriptionTopic();
		String eventType = EventCatalog.typeOf(rule.eventType());
		Notice notice = rule.template(event);
		Instant now = this.clock.instant();
		Map<String, Chapter> known = this.chapters.byIds(concerned.keySet());
		String body = null;
		List<Delivery> planned = new ArrayList<>();
		for (Subscription subscription : concerned.values()) {
			Recipient chapter = Recipient.chapter(subscription.chapterId());
			if (subscription.wantsEmailNow(topic)) {
				Chapter named = known.get(subscription.chapterId());
				String id = Delivery.idOf(event.eventId(), chapter, Channel.EMAIL);
				EmailMessage message = this.templates.notice(id, subscription.email(), eventType, notice,
						(named != null) ? named.name() : null);
				planned.add(Delivery.planned(event.eventId(), eventType, Channel.EMAIL, chapter, subscription.email(),
						rule.subjectId(event), event.occurredAt(),
						Content.email(message.subject(), message.text(), message.html()), now));
			}
			if (subscription.wantsInDigest(topic)) {
				this.digests.collect(subscription.chapterId(), rule, event, notice, personalDataSubject);
			}
			if (subscription.wantsByWebhook(topic)) {
				body = (body != null) ? body : this.bodies.of(event);
				planned.add(Delivery.planned(event.eventId(), eventType, Channel.WEBHOOK, chapter,
						subscription.webhook().url(), rule.subjectId(event), event.occurredAt(),
						Content.webhook(notice.title(), body), now));
			}
		}
		planned.addAll(toPeople(rule, event, eventType, now));
		planned.addAll(toAddressees(rule, event, eventType, now));
		planned.replaceAll((delivery) -> delivery.carryingPersonalDataOf(personalDataSubject));
		Instant leaseUntil = this.dispatcher.leaseFrom(now);
		Set<String> inserted = new HashSet<>(this.store.insertNew(planned, leaseUntil));
		List<Delivery> created = planned.stream().filter((delivery) -> inserted.contains(delivery.id())).toList();
		this.dispatcher.dispatchLeased(created, leaseUntil);
		if (!planned.isEmpty()) {
			log.info("Event {} ({}) planned {} deliveries by e-mail and webhook, {} new", event.eventId(),
					rule.eventType().getSimpleName(), planned.size(), created.size());
		}
	}

	/**
	 * E-mail to the people concerned who consented to it, at the address they gave last
	 * (the people projection's, not the event's).
	 */
	private <E extends DomainEvent> List<Delivery> toPeople(NotificationRule<E> rule, E event, String eventType,
			Instant now) {
		List<Delivery> planned = new ArrayList<>();
		Language told = rule.language(event);
		for (String personId : rule.people(event)) {
			Person person = this.people.byId(personId).filter(Person::mayBeEmailed).orElse(null);
			if (person == null) {
				continue;
			}
			EmailTopic topic = rule.emailTopic(event);
			Optional<EmailPreferenceService.Links> links = this.preferences.forMessage(person.email(), Set.of(personId),
					topic);
			if (links.isEmpty()) {
				log.info("Event {} ({}): person {} chose not to hear of {} by e-mail", event.eventId(),
						rule.eventType().getSimpleName(), personId, topic);
				continue;
			}
			Language language = (told != null) ? told : Language.of(person.language());
			Notice notice = rule.personalTemplate(event, language);
			Recipient recipient = Recipient.person(personId);
			String id = Delivery.idOf(event.eventId(), recipient, Channel.EMAIL);
			EmailMessage message = this.templates.notice(id, person.email(), eventType, notice, person.name(),
					EmailTemplates.Audience.PERSON, footer(links.get(), topic, language));
			planned.add(Delivery.planned(event.eventId(), eventType, Channel.EMAIL, recipient, person.email(),
					rule.subjectId(event), event.occurredAt(), Content.personalEmail(message.subject(), message.text(),
							message.html(), message.listUnsubscribe(), topic),
					now));
		}
		return planned;
	}

	/**
	 * E-mail to the addressees the event names, at the address it gives: transactional,
	 * so no consent is asked. The address and the message (which may hold a private link)
	 * are kept until the delivery is done ({@link Recipient#keepsMessageUntilDone()}).
	 */
	private <E extends DomainEvent> List<Delivery> toAddressees(NotificationRule<E> rule, E event, String eventType,
			Instant now) {
		List<Delivery> planned = new ArrayList<>();
		Language told = rule.language(event);
		Language language = (told != null) ? told : Language.ENGLISH;
		Notice notice = null;
		for (Addressee addressee : rule.addressees(event)) {
			EmailTopic topic = rule.emailTopic(event);
			Set<String> records = new LinkedHashSet<>();
			records.add(addressee.id());
			EventPersonalData.subjectOf(event).ifPresent(records::add);
			Optional<EmailPreferenceService.Links> links = this.preferences.forMessage(addressee.email(), records,
					topic);
			if (links.isEmpty()) {
				log.info("Event {} ({}): addressee {} chose not to hear of {} by e-mail", event.eventId(),
						rule.eventType().getSimpleName(), addressee.id(), topic);
				continue;
			}
			notice = (notice != null) ? notice : rule.personalTemplate(event, language);
			Recipient recipient = Recipient.addressee(addressee.id());
			String id = Delivery.idOf(event.eventId(), recipient, Channel.EMAIL);
			EmailMessage message = this.templates.notice(id, addressee.email(), eventType, notice, addressee.name(),
					EmailTemplates.Audience.ADDRESSEE, footer(links.get(), topic, language));
			planned.add(Delivery.planned(event.eventId(), eventType, Channel.EMAIL, recipient, addressee.email(),
					rule.subjectId(event), event.occurredAt(), Content.personalEmail(message.subject(), message.text(),
							message.html(), message.listUnsubscribe(), topic),
					now));
		}
		return planned;
	}

	/**
	 * The footer's links to the person's preferences, in the language the person is
	 * written to in (which also decides the greeting and the footer's other words).
	 */
	private static EmailTemplates.PreferenceLinks footer(EmailPreferenceService.Links links, EmailTopic topic,
			Language language) {
		return new EmailTemplates.PreferenceLinks(links.page(), links.oneClick(),
				topic.isChoosable() ? topic.labelKey() : null, language.locale());
	}

}
