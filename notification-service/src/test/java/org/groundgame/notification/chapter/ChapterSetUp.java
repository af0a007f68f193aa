package org.groundgame.notification.chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
	 * Registers {@code count} new chapters in a state.
	 * @return their ids, in order
	 */
	public static List<String> register(ApplicationContext context, String state, int count) {
		ChapterProjection projection = context.getBean(ChapterProjection.class);
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String chapterId = "chapter-" + UUID.randomUUID();
			projection.chapterRegistered(new ChapterRegistered(UUID.randomUUID().toString(), NotificationFixture.now(),
					chapterId, "Chapter " + i + " of " + state, state, "Somewhere",
					NotificationFixture.contactEmailOf(chapterId)));
			ids.add(chapterId);
		}
		return ids;
	}

}
