package org.groundgame.notification.inbox.domain;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;

/**
 * Who gets an inbox entry for an event: the rule's audience, where a state's chapters
 * include those that chose to hear of that state, narrowed to the chapters whose
 * subscription has the inbox on and the rule's topic chosen.
 */
public final class InboxRecipients {

	private final ChapterDirectory chapters;

	private final ChapterSubscriptions subscriptions;

	public InboxRecipients(ChapterDirectory chapters, ChapterSubscriptions subscriptions) {
		this.chapters = chapters;
		this.subscriptions = subscriptions;
	}

	/** The chapters whose inbox is to receive the event, each once. */
	public <E extends DomainEvent> Set<String> of(NotificationRule<E> rule, E event) {
		Set<String> audience = rule.audience(event, this::chapterIdsHearingOf);
		Map<String, Subscription> stored = this.subscriptions.storedOf(audience);
		Set<String> recipients = new LinkedHashSet<>();
		for (String chapterId : audience) {
			Subscription subscription = stored.getOrDefault(chapterId, Subscription.defaultsFor(chapterId, null));
			if (subscription.wantsInInbox(rule.subscriptionTopic())) {
				recipients.add(chapterId);
			}
		}
		return recipients;
	}

	/** The chapters of a state, and those that chose to hear of it too. */
	private Set<String> chapterIdsHearingOf(String state) {
		Set<String> hearing = new LinkedHashSet<>(this.chapters.chapterIdsIn(state));
		String normalized = Chapter.normalizedState(state);
		if (normalized != null && !normalized.isEmpty()) {
			hearing.addAll(this.subscriptions.chapterIdsFollowing(normalized));
		}
		return hearing;
	}

}
