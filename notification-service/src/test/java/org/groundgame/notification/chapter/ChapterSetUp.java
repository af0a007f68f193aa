package org.groundgame.notification.chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.NotificationFixture;

import org.springframework.context.ApplicationContext;

/**
 * Many chapters known at once, for the tests and harnesses whose subject is not how
 * chapters become known: their registrations applied to the chapters' projection
 * directly, as its consumer applies them, without a round trip through the broker per
 * chapter. {@code ChapterProjectionIntegrationTests} covers the way through the broker.
 */
public final class ChapterSetUp {

	private ChapterSetUp() {
	}

	/**
	 * Registers {@code count} new chapters in a state, eight at a time (each chapter's
	 * events are applied in order by its partition's consumer; different chapters'
	 * concurrently).
	 * @return their ids, in order
	 */
	public static List<String> register(ApplicationContext context, String state, int count) {
		ChapterProjection projection = context.getBean(ChapterProjection.class);
		List<String> ids = new ArrayList<>(count);
		List<Future<?>> registered = new ArrayList<>(count);
		try (ExecutorService chapters = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < count; i++) {
				String chapterId = "chapter-" + UUID.randomUUID();
				ChapterRegistered event = new ChapterRegistered(UUID.randomUUID().toString(), NotificationFixture.now(),
						chapterId, "Chapter " + i + " of " + state, state, "Somewhere",
						NotificationFixture.contactEmailOf(chapterId));
				registered.add(chapters.submit(() -> projection.chapterRegistered(event)));
				ids.add(chapterId);
			}
			for (Future<?> done : registered) {
				done.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		return ids;
	}

}
