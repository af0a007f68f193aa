package org.groundgame.notification.rule;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;

/**
 * The chapters an event concerns, each with its subscription: the rule's audience, where
 * a state's chapters include those that chose to hear of that state too. A chapter that
 * never chose has the defaults, with its contact address for e-mail. Each channel then
 * asks the subscription whether it wants the event ({@link InboxRecipients} for the
 * inbox).
 */
public final class ChapterAudience {

	private final ChapterDirectory directory;

	private final Chapters chapters;

	private final ChapterSubscriptions subscriptions;

	public ChapterAudience(ChapterDirectory directory, Chapters chapters, ChapterSubscriptions subscriptions) {
		this.directory = directory;
		this.chapters = chapters;
		this.subscriptions = subscriptions;
	}

	/** Every chapter concerned, each once, with its subscription, in the rule's order. */
	public <E extends DomainEvent> Map<String, Subscription> of(NotificationRule<E> rule, E event) {
		Set<String> audience = rule.audience(event, this::chapterIdsHearingOf);
		Map<String, Subscription> stored = this.subscriptions.storedOf(audience);
		Map<String, Chapter> known = null;
		Map<String, Subscription> concerned = new LinkedHashMap<>();
		for (String chapterId : audience) {
			Subscription subscription = stored.get(chapterId);
			if (subscription == null) {
				if (known == null) {
					known = this.chapters.byIds(audience);
				}
				Chapter chapter = known.get(chapterId);
				subscription = Subscription.defaultsFor(chapterId, (chapter != null) ? chapter.contactEmail() : null);
			}
			concerned.put(chapterId, subscription);
		}
		return concerned;
	}

	/** The chapters of a state, and those that chose to hear of it too. */
	private Set<String> chapterIdsHearingOf(String state) {
		Set<String> hearing = new LinkedHashSet<>(this.directory.chapterIdsIn(state));
		String normalized = Chapter.normalizedState(state);
		if (normalized != null && !normalized.isEmpty()) {
			hearing.addAll(this.subscriptions.chapterIdsFollowing(normalized));
		}
		return hearing;
	}

}
