package org.groundgame.notification.inbox.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.events.endorsement.QuestionnaireCompleted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nomination's way to a decision, told to the chapter that nominated (and to staff,
 * where they have something to do or to know): each under {@code NOMINATIONS}, never to
 * the other chapters of the state.
 */
class NominationProgressRuleTests {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	/** Every chapter of every state: a nomination's progress concerns its own alone. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	@Test
	void anAnsweredQuestionnaireReachesTheNominatingChapterAndStaff() {
		QuestionnaireCompletedRule rule = new QuestionnaireCompletedRule();
		QuestionnaireCompleted completed = new QuestionnaireCompleted("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(completed, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(completed)).isTrue();
		assertThat(rule.template(completed).title())
			.isEqualTo("Questionnaire answered: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.template(completed).body()).contains("your chapter's nomination");
		assertThat(rule.staffTemplate(completed).body()).contains("ready for your review")
			.doesNotContain("your chapter");
		QuestionnaireCompleted byAnIndividual = new QuestionnaireCompleted("event-2", AT, "nomination-2",
				"Jane Example", STATE_HOUSE_MO_80, null);
		assertThat(rule.audience(byAnIndividual, this.chapters)).isEmpty();
		assertThat(rule.notifiesStaff(byAnIndividual)).isTrue();
		assertThat(rule.subjectId(completed)).isEqualTo("nomination-1");
	}

	@Test
	void aReviewStartedIsNewsToTheNominatingChapterOnly() {
		NominationReviewStartedRule rule = new NominationReviewStartedRule();
		NominationReviewStarted started = new NominationReviewStarted("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(started, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(started)).isFalse();
		assertThat(rule.template(started).title())
			.isEqualTo("Under review: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.audience(
				new NominationReviewStarted("event-2", AT, "nomination-2", "Jane Example", STATE_HOUSE_MO_80, " "),
				this.chapters))
			.isEmpty();
	}

	@Test
	void aDeclineReachesTheNominatingChapterWithStaffsReason() {
		EndorsementDeclinedRule rule = new EndorsementDeclinedRule();
		EndorsementDeclined declined = new EndorsementDeclined("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city", "The district's chapters did not vote on it.", "candidate-1");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(declined, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(declined)).isFalse();
		Notice notice = rule.template(declined);
		assertThat(notice.title()).isEqualTo("Not endorsed: Jane Example for State Representative (MO, District 80)");
		assertThat(notice.body()).contains("decided not to endorse")
			.contains("\n\nTheir reason: The district's chapters did not vote on it.");
		assertThat(rule
			.template(new EndorsementDeclined("event-2", AT, "nomination-1", "Jane Example", STATE_HOUSE_MO_80,
					"kansas-city", "  ", "candidate-1"))
			.body()).doesNotContain("reason");
		assertThat(rule.subjectId(declined)).isEqualTo("nomination-1");
	}

	@Test
	void aWithdrawalReachesStaffAndTheNominatingChapter() {
		NominationWithdrawnRule rule = new NominationWithdrawnRule();
		NominationWithdrawn withdrawn = new NominationWithdrawn("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city", "The candidate left the race.");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(withdrawn, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(withdrawn)).isTrue();
		assertThat(rule.template(withdrawn).title())
			.isEqualTo("Nomination withdrawn: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.template(withdrawn).body()).startsWith("Your chapter's nomination of Jane Example")
			.endsWith("Reason given: The candidate left the race.");
		assertThat(rule.staffTemplate(withdrawn).body()).contains("needs no decision any more")
			.endsWith("Reason given: The candidate left the race.");
		assertThat(rule
			.template(new NominationWithdrawn("event-2", AT, "nomination-1", "Jane Example", STATE_HOUSE_MO_80,
					"kansas-city", null))
			.body()).doesNotContain("Reason");
	}

	@Test
	void anExpiryReachesStaffAndTheNominatingChapterWithTheElectionDay() {
		NominationExpiredRule rule = new NominationExpiredRule();
		NominationExpired expired = new NominationExpired("event-1", AT, "nomination-1", "Jane Example",
				STATE_HOUSE_MO_80, "kansas-city");

		assertThat(rule.subscriptionTopic()).isEqualTo(Topic.NOMINATIONS);
		assertThat(rule.audience(expired, this.chapters)).containsExactly("kansas-city");
		assertThat(rule.notifiesStaff(expired)).isTrue();
		assertThat(rule.template(expired).title())
			.isEqualTo("Nomination expired: Jane Example for State Representative (MO, District 80)");
		assertThat(rule.template(expired).body()).startsWith("The election of 2026-11-03 passed before national staff")
			.contains("your chapter's nomination");
		assertThat(rule.staffTemplate(expired).body()).isEqualTo("The nomination of Jane Example for State "
				+ "Representative (MO, District 80) was still undecided when its election of 2026-11-03 passed, "
				+ "and expired.");
	}

}
