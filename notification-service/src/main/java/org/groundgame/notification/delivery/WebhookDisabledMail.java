package org.groundgame.notification.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.email.EmailMessage;
import org.groundgame.notification.email.EmailTemplates;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.WebhookDisabled;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a chapter by e-mail (when it has an address) that its webhook was disabled, so
 * that it does not learn of it from the events it missed.
 */
@Component
class WebhookDisabledMail {

	private final ChapterSubscriptions subscriptions;

	private final Chapters chapters;

	private final EmailTemplates templates;

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	private final Clock clock;

	WebhookDisabledMail(ChapterSubscriptions subscriptions, Chapters chapters, EmailTemplates templates,
			DeliveryStore store, DeliveryDispatcher dispatcher, Clock clock) {
		this.subscriptions = subscriptions;
		this.chapters = chapters;
		this.templates = templates;
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@EventListener
	void webhookDisabled(WebhookDisabled disabled) {
		Map<String, Subscription> stored = this.subscriptions.storedOf(List.of(disabled.chapterId()));
		Subscription subscription = stored.get(disabled.chapterId());
		if (subscription == null || subscription.email() == null) {
			return;
		}
		String eventId = disabled.noticeId();
		Recipient recipient = Recipient.chapter(disabled.chapterId());
		String id = Delivery.idOf(eventId, recipient, Channel.EMAIL);
		String name = this.chapters.byId(disabled.chapterId()).map(Chapter::name).orElse(null);
		EmailMessage message = this.templates.notice(id, subscription.email(), WebhookDisabled.TYPE,
				new Notice(disabled.title(), disabled.message()), name);
		Delivery mail = Delivery.planned(eventId, WebhookDisabled.TYPE, Channel.EMAIL, recipient, subscription.email(),
				disabled.chapterId(), disabled.at(), Content.email(message.subject(), message.text(), message.html()),
				this.clock.instant());
		if (!this.store.insertNew(List.of(mail)).isEmpty()) {
			this.dispatcher.dispatch(List.of(mail));
		}
	}

}
