package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionOutcomeRecordedRuleTests {

	private static final RaceSummary STATE_SENATE_MO_4 = new RaceSummary("State Senator", "STATE", "MO", "4", null,
			LocalDate.of(2026, 11, 3));

	private final ChapterDirectory chapters = (state) -> Map
		.of("MO", Set.of("mobilize-missouri", "columbia"), "KS", Set.of("wichita"))
		.getOrDefault(state, Set.of());

	private final NotificationRule<ElectionOutcomeRecorded> rule = NotificationRules.standard()
		.of(ElectionOutcomeRecorded.class);

	@Test
	void aVictoryIsNewsForTheStatesChaptersAndTheNominatingChapter() {
		ElectionOutcomeRecorded won = recorded("WON", "wichita");
		assertThat(this.rule.audience(won, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri", "columbia",
				"wichita");
		assertThat(this.rule.template(won).title()).isEqualTo("Victory: Sam Rivera won State Senator (MO, District 4)");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.OUTCOMES);
		assertThat(this.rule.subjectId(won)).isEqualTo("endorsement-1");
	}

	@Test
	void advancingToTheNextStageIsNewsForTheStateToo() {
		ElectionOutcomeRecorded advanced = recorded("advanced", null);
		assertThat(this.rule.audience(advanced, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri",
				"columbia");
		assertThat(this.rule.template(advanced).title()).startsWith("Advanced: Sam Rivera");
	}

	@Test
	void aLossIsToldToTheNominatingChapterOnly() {
		assertThat(this.rule.audience(recorded("LOST", "wichita"), this.chapters)).containsExactly("wichita");
		assertThat(this.rule.audience(recorded("LOST", null), this.chapters)).isEmpty();
		assertThat(this.rule.template(recorded("LOST", null)).body()).contains("did not win");
	}

	@Test
	void anUnknownResultStillReadsAsARecordedResult() {
		assertThat(this.rule.template(recorded("RECOUNT", null)).title()).startsWith("Result recorded: Sam Rivera");
	}

	@Test
	void aPrimaryWonIsNotTheOfficeWon() {
		ElectionOutcomeRecorded won = new ElectionOutcomeRecorded("event-1", Instant.parse("2026-08-05T03:00:00Z"),
				"endorsement-1", "nomination-1", "Sam Rivera", STATE_SENATE_MO_4, null, "WON", "PRIMARY",
				"candidate-1");

		Notice notice = this.rule.template(won);

		assertThat(notice.title()).isEqualTo("Victory: Sam Rivera won the primary for State Senator (MO, District 4)");
		assertThat(notice.body()).startsWith(
				"Sam Rivera, endorsed by the organization, won the primary for State " + "Senator (MO, District 4).");
		ElectionOutcomeRecorded lost = new ElectionOutcomeRecorded("event-2", Instant.parse("2026-11-04T03:00:00Z"),
				"endorsement-1", "nomination-1", "Sam Rivera", STATE_SENATE_MO_4, null, "LOST", "RUNOFF",
				"candidate-1");
		assertThat(this.rule.template(lost).body()).startsWith("Sam Rivera did not win the runoff for State Senator");
	}

	@Test
	void anEndorsedPositionOnABallotMeasurePrevailsOrNot() {
		RaceSummary measure = new RaceSummary("Amendment 3", "STATE", "MO", null, null, LocalDate.of(2026, 11, 3),
				"race-1", "ocd-division/country:us/state:mo", "GENERAL", 2026, true);
		ElectionOutcomeRecorded won = new ElectionOutcomeRecorded("event-1", Instant.parse("2026-11-04T03:00:00Z"),
				"endorsement-1", "nomination-1", "NO on Amendment 3", measure, null, "WON", "GENERAL", null);
		ElectionOutcomeRecorded lost = new ElectionOutcomeRecorded("event-2", Instant.parse("2026-11-04T03:00:00Z"),
				"endorsement-1", "nomination-1", "NO on Amendment 3", measure, "wichita", "LOST", "GENERAL", null);

		assertThat(this.rule.template(won).title())
			.isEqualTo("Victory: NO on Amendment 3 (MO ballot measure) prevailed");
		assertThat(this.rule.template(won).body()).startsWith(
				"The position the organization endorsed, NO on Amendment 3 (MO ballot measure), prevailed at the polls.");
		assertThat(this.rule.template(lost).title())
			.isEqualTo("Result: NO on Amendment 3 (MO ballot measure) did not prevail");
		assertThat(this.rule.audience(won, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri", "columbia");
		assertThat(this.rule.audience(lost, this.chapters)).containsExactly("wichita");
	}

	private static ElectionOutcomeRecorded recorded(String result, String nominatingChapterId) {
		return new ElectionOutcomeRecorded("event-1", Instant.parse("2026-11-04T03:00:00Z"), "endorsement-1",
				"nomination-1", "Sam Rivera", STATE_SENATE_MO_4, nominatingChapterId, result);
	}

}
