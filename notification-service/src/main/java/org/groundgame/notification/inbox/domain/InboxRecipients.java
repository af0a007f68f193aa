package org.groundgame.notification.inbox.domain;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.rule.ChapterAudience;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;

/**
 * Who gets an inbox entry for an event: the chapters concerned ({@link ChapterAudience})
 * whose subscription has the inbox on and the rule's topic chosen.
 */
public final class InboxRecipients {

	private final ChapterAudience audience;

	public InboxRecipients(ChapterAudience audience) {
		this.audience = audience;
	}

	/** Without the chapters' contact addresses, which the inbox has no use for. */
	public InboxRecipients(ChapterDirectory directory, ChapterSubscriptions subscriptions) {
		this(new ChapterAudience(directory, (chapterId) -> Optional.empty(), subscriptions));
	}

	/** The chapters whose inbox is to receive the event, each once. */
	public <E extends DomainEvent> Set<String> of(NotificationRule<E> rule, E event) {
		Set<String> recipients = new LinkedHashSet<>();
		this.audience.of(rule, event).forEach((chapterId, subscription) -> {
			if (subscription.wantsInInbox(rule.subscriptionTopic())) {
				recipients.add(chapterId);
			}
		});
		return recipients;
	}

}
