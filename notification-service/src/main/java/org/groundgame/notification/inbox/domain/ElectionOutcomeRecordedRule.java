package org.groundgame.notification.inbox.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * Everyone hears of victories: a candidate who won (or advanced to the next stage)
 * concerns the chapters of the race's state, with those following it, and the chapter
 * that nominated them. A loss concerns the nominating chapter only.
 */
public final class ElectionOutcomeRecordedRule implements NotificationRule<ElectionOutcomeRecorded> {

	@Override
	public Class<ElectionOutcomeRecorded> eventType() {
		return ElectionOutcomeRecorded.class;
	}

	@Override
	public Topic subscriptionTopic() {
		return Topic.OUTCOMES;
	}

	@Override
	public Set<String> audience(ElectionOutcomeRecorded event, ChapterDirectory chapters) {
		Set<String> audience = new LinkedHashSet<>();
		if (Races.hasText(event.nominatingChapterId())) {
			audience.add(event.nominatingChapterId());
		}
		if (!isLoss(event) && event.race() != null && Races.hasText(event.race().state())) {
			audience.addAll(chapters.chapterIdsIn(event.race().state()));
		}
		return audience;
	}

	@Override
	public Notice template(ElectionOutcomeRecorded event) {
		String race = Races.describe(event.race());
		String candidate = event.candidateName();
		return switch (result(event)) {
			case "WON" -> new Notice("Victory: " + candidate + " won " + race,
					candidate + ", endorsed by the organization, won the election for " + race
							+ ". Thank you to every volunteer who knocked, called and texted.");
			case "ADVANCED" -> new Notice("Advanced: " + candidate + " for " + race,
					candidate + " advanced to the next stage of the race for " + race
							+ ". The campaign continues: chapters can keep organizing volunteers.");
			case "LOST" -> new Notice("Result: " + candidate + " for " + race,
					candidate + " did not win the election for " + race + ". Thank you for organizing for them.");
			default -> new Notice("Result recorded: " + candidate + " for " + race,
					"Staff recorded the outcome of the election for " + race + ".");
		};
	}

	private static boolean isLoss(ElectionOutcomeRecorded event) {
		return "LOST".equals(result(event));
	}

	private static String result(ElectionOutcomeRecorded event) {
		return (event.result() != null) ? event.result().strip().toUpperCase(Locale.ROOT) : "";
	}

}
