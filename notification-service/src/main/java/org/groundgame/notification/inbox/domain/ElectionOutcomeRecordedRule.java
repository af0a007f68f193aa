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
 * that nominated them. A loss concerns the nominating chapter only. The notice says the
 * stage (a primary won is not the office won) and, for a ballot measure, whether the
 * endorsed position prevailed.
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
		if (Races.isBallotMeasure(event.race())) {
			return measure(event);
		}
		String race = Races.describe(event.race());
		String candidate = Races.hasText(event.candidateName()) ? event.candidateName().strip() : "The candidate";
		String stage = stage(event);
		// "won State Senator (MO)" for the general election, "won the primary for ..."
		// else
		String contest = (stage != null) ? "the " + stage + " for " + race : race;
		String election = (stage != null) ? "the " + stage : "the election";
		return switch (result(event)) {
			case "WON" -> new Notice("Victory: " + candidate + " won " + contest,
					candidate + ", endorsed by the organization, won " + election + " for " + race
							+ ". Thank you to every volunteer who knocked, called and texted.");
			case "ADVANCED" -> new Notice("Advanced: " + candidate + " for " + race,
					candidate + " advanced " + ((stage != null) ? "from the " + stage + " " : "")
							+ "to the next stage of the race for " + race
							+ ". The campaign continues: chapters can keep organizing volunteers.");
			case "LOST" -> new Notice("Result: " + candidate + " for " + race,
					candidate + " did not win " + election + " for " + race + ". Thank you for organizing for them.");
			default -> new Notice("Result recorded: " + candidate + " for " + race,
					"Staff recorded the outcome of " + election + " for " + race + ".");
		};
	}

	/**
	 * A ballot measure's "candidate" is the position endorsed: it wins by prevailing at
	 * the polls.
	 */
	private static Notice measure(ElectionOutcomeRecorded event) {
		String position = Races.nominee(event.candidateName(), event.race());
		return switch (result(event)) {
			case "WON" -> new Notice("Victory: " + position + " prevailed",
					"The position the organization endorsed, " + position + ", prevailed at the polls. Thank you to "
							+ "every volunteer who knocked, called and texted.");
			case "LOST" -> new Notice("Result: " + position + " did not prevail", "The position the organization "
					+ "endorsed, " + position + ", did not prevail at the polls. Thank you for organizing for it.");
			default -> new Notice("Result recorded: " + position,
					"Staff recorded the outcome of the vote on " + position + ".");
		};
	}

	/**
	 * The stage the outcome is for, worth saying; the race's when the event says none.
	 */
	private static String stage(ElectionOutcomeRecorded event) {
		return Races.hasText(event.stage()) ? Races.stage(event.stage()) : Races.stage(event.race());
	}

	private static boolean isLoss(ElectionOutcomeRecorded event) {
		return "LOST".equals(result(event));
	}

	private static String result(ElectionOutcomeRecorded event) {
		return (event.result() != null) ? event.result().strip().toUpperCase(Locale.ROOT) : "";
	}

}
