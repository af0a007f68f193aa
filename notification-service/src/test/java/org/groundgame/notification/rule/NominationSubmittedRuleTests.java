package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NominationSubmittedRuleTests {

	private static final RaceSummary RACE = new RaceSummary("State Representative", "STATE", "MO", "80", null,
			LocalDate.of(2026, 11, 3));

	/** Every chapter of every state: the acknowledgement must not go to them. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	private final NotificationRule<NominationSubmitted> rule = NotificationRules.standard()
		.of(NominationSubmitted.class);

	@Test
	void nominatingChapterAloneIsAcknowledged() {
		assertThat(this.rule.audience(submitted("kansas-city"), this.chapters)).containsExactly("kansas-city");
	}

	@Test
	void nominationByAnIndividualConcernsNoChapter() {
		assertThat(this.rule.audience(submitted(null), this.chapters)).isEmpty();
	}

	@Test
	void acknowledgementNamesTheCandidateAndTheRace() {
		Notice notice = this.rule.template(submitted("kansas-city"));
		assertThat(notice.title())
			.isEqualTo("Nomination received: Jane Example for State Representative (MO, District 80)");
		assertThat(notice.body()).isEqualTo(
				"Your chapter's nomination of Jane Example for State Representative (MO, District 80) was received. "
						+ "National staff will review it and let you know their decision.");
	}

	@Test
	void everyNominationGoesToStaffToReview() {
		assertThat(this.rule.notifiesStaff(submitted("kansas-city"))).isTrue();
		assertThat(this.rule.notifiesStaff(submitted(null))).isTrue();
	}

	@Test
	void staffAreAskedToReviewAndToldWhoNominated() {
		Notice byChapter = this.rule.staffTemplate(submitted("kansas-city"));
		assertThat(byChapter.title())
			.isEqualTo("Nomination to review: Jane Example for State Representative (MO, District 80)");
		assertThat(byChapter.body()).isEqualTo("A nomination of Jane Example for State Representative (MO, District 80)"
				+ " was submitted by a chapter and awaits your review.");
		assertThat(this.rule.staffTemplate(submitted(null)).body()).contains("by an individual");
	}

	@Test
	void aNominatedPositionOnABallotMeasureReadsAsThePosition() {
		RaceSummary measure = new RaceSummary("Amendment 3", "STATE", "MO", null, null, LocalDate.of(2026, 11, 3),
				"race-1", "ocd-division/country:us/state:mo", "GENERAL", 2026, true);
		NominationSubmitted submitted = new NominationSubmitted("event-1", Instant.parse("2026-05-01T12:00:00Z"),
				"nomination-1", "YES on Amendment 3", measure, "kansas-city", null, "slate-1");

		assertThat(this.rule.template(submitted).title())
			.isEqualTo("Nomination received: YES on Amendment 3 (MO ballot measure)");
		assertThat(this.rule.staffTemplate(submitted).title())
			.isEqualTo("Nomination to review: YES on Amendment 3 (MO ballot measure)");
	}

	@Test
	void entryIsAboutTheNomination() {
		assertThat(this.rule.subjectId(submitted("kansas-city"))).isEqualTo("nomination-1");
	}

	private static NominationSubmitted submitted(String chapterId) {
		return new NominationSubmitted("event-1", Instant.parse("2026-05-01T12:00:00Z"), "nomination-1", "Jane Example",
				RACE, chapterId);
	}

}
