package org.groundgame.notification.subscription;

import java.util.List;
import java.util.function.Function;

import org.groundgame.notification.subscription.domain.SubscriptionChange;
import org.groundgame.security.Caller;

import org.springframework.context.ApplicationContext;

/**
 * Many chapters' subscriptions set at once, for the tests and harnesses whose subject is
 * not the subscriptions' API: each change made by the application service as the chapter
 * itself (the same rules, the same store), without an HTTP request and a signed token per
 * chapter. The API has tests of its own.
 */
public final class SubscriptionSetUp {

	private SubscriptionSetUp() {
	}

	/** Sets each chapter's subscription to what {@code changeOf} says, as the chapter. */
	public static void subscribeAll(ApplicationContext context, List<String> chapterIds,
			Function<String, SubscriptionChange> changeOf) {
		Subscriptions subscriptions = context.getBean(Subscriptions.class);
		for (String chapterId : chapterIds) {
			subscriptions.change(Caller.chapter("chapter-organizer", chapterId), chapterId, changeOf.apply(chapterId));
		}
	}

}
