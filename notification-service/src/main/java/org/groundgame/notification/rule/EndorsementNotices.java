package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.events.endorsement.QuestionnaireCompleted;
import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.notification.chapter.domain.ChapterDirectory;

/**
 * What the rules of endorsement-service's events say: nominations, endorsements and
 * outcomes.
 */
final class EndorsementNotices {

	static Notice nominationSubmitted(NominationSubmitted event) {
		String candidateAndRace = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination received: " + candidateAndRace, "Your chapter's nomination of " + candidateAndRace
				+ " was received. National staff will review it and let you know their decision.");
	}

	static Notice nominationSubmittedToStaff(NominationSubmitted event) {
		String candidateAndRace = Races.candidacy(event.candidateName(), event.race());
		String by = Races.hasText(event.chapterId()) ? "a chapter" : "an individual";
		return new Notice("Nomination to review: " + candidateAndRace,
				"A nomination of " + candidateAndRace + " was submitted by " + by + " and awaits your review.");
	}

	static final String ANSWER = "Answer the questionnaire";

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm 'UTC'",
			Locale.US);

	/**
	 * The candidate, at the event's address, when there is a link to send them; without
	 * an address or a usable link there is nothing to send.
	 */
	static List<Addressee> questionnaireIssuedAddressees(QuestionnaireIssued event) {
		if (!Races.hasText(event.candidateEmail()) || !Notice.Link.isWebAddress(event.questionnaireUrl())
				|| !Races.hasText(event.nominationId())) {
			return List.of();
		}
		return List.of(new Addressee(event.nominationId(), event.candidateEmail(), event.candidateName()));
	}

	/**
	 * What the questionnaire is about, without the link: nobody but the candidate is
	 * meant to read it, and nobody else is told ({@code audience}).
	 */
	static Notice questionnaireIssued(QuestionnaireIssued event) {
		String race = race(event);
		String expires = (event.expiresAt() != null) ? " The link works until " + expiry(event.expiresAt()) + "." : "";
		return new Notice("Your candidate questionnaire for " + race,
				"You have been nominated for our endorsement for " + race + ". Before national staff decide, we ask "
						+ "every candidate to answer our candidate questionnaire: it takes a few minutes, and your "
						+ "answers go to the staff who review your nomination.\n\n"
						+ "The link in this e-mail is yours alone: anyone who has it can answer in your name, so "
						+ "please do not forward this message." + expires + "\n\n"
						+ "If you did not expect this, or do not wish to be considered, reply to this e-mail and "
						+ "tell us.");
	}

	/** The same, with the private link to answer. */
	static Notice questionnaireIssuedToPerson(QuestionnaireIssued event) {
		Notice notice = questionnaireIssued(event);
		return new Notice(notice.title(), notice.body(), new Notice.Link(ANSWER, event.questionnaireUrl().strip()));
	}

	private static String race(QuestionnaireIssued event) {
		String stage = Races.stage(event.race());
		return Races.describe(event.race()) + ((stage != null) ? ", " + stage : "");
	}

	static String expiry(Instant expiresAt) {
		return EXPIRY.format(expiresAt.atOffset(ZoneOffset.UTC));
	}

	private static final DateTimeFormatter EXPIRY_ES = DateTimeFormatter
		.ofPattern("d 'de' MMMM 'de' uuuu 'a las' HH:mm 'UTC'", Locale.forLanguageTag("es"));

	/**
	 * {@link #expiry(Instant)} in Spanish:
	 * {@code 3 de diciembre de 2026 a las 15:00 UTC}.
	 */
	static String expiry(Instant expiresAt, Language language) {
		return language.spanish() ? EXPIRY_ES.format(expiresAt.atOffset(ZoneOffset.UTC)) : expiry(expiresAt);
	}

	static Notice questionnaireCompleted(QuestionnaireCompleted event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Questionnaire answered: " + candidacy, "The candidate answered the questionnaire for your "
				+ "chapter's nomination of " + candidacy + ". National staff will read the answers as they review it.");
	}

	static Notice questionnaireCompletedToStaff(QuestionnaireCompleted event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Questionnaire answered: " + candidacy, "The candidate answered the questionnaire for the "
				+ "nomination of " + candidacy + ". The answers are in the nomination, ready for your review.");
	}

	static Notice nominationReviewStarted(NominationReviewStarted event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Under review: " + candidacy, "National staff began reviewing your chapter's nomination of "
				+ candidacy + ". They may be in touch with questions; you will hear of their decision.");
	}

	static Notice endorsementGranted(EndorsementGranted event) {
		String candidateAndRace = Races.candidacy(event.candidateName(), event.race());
		String title = (event.reEndorsement() ? "Re-endorsed: " : "Endorsed: ") + candidateAndRace;
		String body = "National staff " + (event.reEndorsement() ? "re-endorsed " : "endorsed ")
				+ Races.nominee(event.candidateName(), event.race()) + Races.when(event.race())
				+ ". Chapters can now organize volunteers for the "
				+ (Races.isBallotMeasure(event.race()) ? "campaign." : "race.");
		return new Notice(title, body);
	}

	static Notice endorsementDeclined(EndorsementDeclined event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Not endorsed: " + candidacy,
				"National staff reviewed your chapter's nomination of " + candidacy + " and decided not to endorse."
						+ Races.reason("Their reason", event.reason())
						+ "\n\nThank you for the nomination: your chapter can nominate again in a later cycle.");
	}

	static Notice nominationWithdrawn(NominationWithdrawn event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination withdrawn: " + candidacy, "Your chapter's nomination of " + candidacy
				+ " was withdrawn before national staff decided on it." + Races.reason("Reason given", event.reason()));
	}

	static Notice nominationWithdrawnToStaff(NominationWithdrawn event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination withdrawn: " + candidacy, "The nomination of " + candidacy
				+ " was withdrawn and needs no decision any more." + Races.reason("Reason given", event.reason()));
	}

	static Notice nominationExpired(NominationExpired event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination expired: " + candidacy,
				"The election" + on(event) + " passed before national staff decided on your chapter's nomination of "
						+ candidacy + ", so the nomination expired undecided.");
	}

	static Notice nominationExpiredToStaff(NominationExpired event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Nomination expired: " + candidacy, "The nomination of " + candidacy
				+ " was still undecided when its election" + on(event) + " passed, and expired.");
	}

	private static String on(NominationExpired event) {
		String day = Races.electionDay(event.race());
		return (day != null) ? " of " + day : "";
	}

	static Notice endorsementRescinded(EndorsementRescinded event) {
		String candidacy = Races.candidacy(event.candidateName(), event.race());
		return new Notice("Endorsement rescinded: " + candidacy,
				"National staff rescinded the endorsement of " + candidacy + "."
						+ Races.reason("Reason", event.reason())
						+ "\n\nPlease stop naming it as endorsed in your chapter's outreach, and organize no further "
						+ "volunteers for it in the organization's name.");
	}

	static Set<String> electionOutcomeRecordedAudience(ElectionOutcomeRecorded event, ChapterDirectory chapters) {
		Set<String> audience = new LinkedHashSet<>();
		if (Races.hasText(event.nominatingChapterId())) {
			audience.add(event.nominatingChapterId());
		}
		if (!isLoss(event) && event.race() != null && Races.hasText(event.race().state())) {
			audience.addAll(chapters.chapterIdsIn(event.race().state()));
		}
		return audience;
	}

	static Notice electionOutcomeRecorded(ElectionOutcomeRecorded event) {
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

	static Set<String> victoryAnnouncedAudience(VictoryAnnounced event, ChapterDirectory chapters) {
		Set<String> audience = new LinkedHashSet<>();
		if (Races.hasText(event.nominatingChapterId())) {
			audience.add(event.nominatingChapterId());
		}
		if (event.race() != null && Races.hasText(event.race().state())) {
			audience.addAll(chapters.chapterIdsIn(event.race().state()));
		}
		return audience;
	}

	static Notice victoryAnnounced(VictoryAnnounced event) {
		String nominee = Races.nominee(event.candidateName(), event.race());
		String headline = Races.hasText(event.headline()) ? event.headline().strip() : "Victory: " + nominee;
		String message = Races.hasText(event.message()) ? event.message().strip()
				: "The organization announced " + nominee + "'s victory.";
		return new Notice(headline, message);
	}

	private EndorsementNotices() {
	}

}
