package org.groundgame.notification.inbox;

import org.groundgame.notification.people.domain.PersonalData;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.subscription.domain.WebhookDisabled;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What reaches the inbox besides events' notifications: a chapter is told there when its
 * webhook is disabled (whatever its subscription says: it must hear of it), and a person
 * erased disappears from every inbox (a chapter told of a new member).
 */
@Component
class InboxNotices implements PersonalData {

	private final Inbox inbox;

	InboxNotices(Inbox inbox) {
		this.inbox = inbox;
	}

	@EventListener
	void webhookDisabled(WebhookDisabled disabled) {
		this.inbox.notice(disabled.chapterId(), disabled.noticeId(), WebhookDisabled.TYPE,
				new Notice(disabled.title(), disabled.message()), disabled.chapterId(), disabled.at());
	}

	@Override
	public void erase(String personId) {
		this.inbox.forgetAbout(personId);
	}

}
