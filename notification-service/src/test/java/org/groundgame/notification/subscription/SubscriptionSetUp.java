package org.groundgame.notification.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

	/**
	 * Sets each chapter's subscription to what {@code changeOf} says, as the chapter,
	 * eight chapters at a time (as many chapters would).
	 */
	public static void subscribeAll(ApplicationContext context, List<String> chapterIds,
			Function<String, SubscriptionChange> changeOf) {
		Subscriptions subscriptions = context.getBean(Subscriptions.class);
		List<Future<?>> changes = new ArrayList<>();
		try (ExecutorService chapters = Executors.newFixedThreadPool(8)) {
			for (String chapterId : chapterIds) {
				changes.add(chapters.submit(() -> subscriptions.change(Caller.chapter("chapter-organizer", chapterId),
						chapterId, changeOf.apply(chapterId))));
			}
			for (Future<?> change : changes) {
				change.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
