package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndorsementGrantedRuleTests {

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	private final ChapterDirectory chapters = (state) -> Map
		.of("MO", Set.of("mobilize-missouri", "columbia"), "KS", Set.of("wichita", "lawrence"))
		.getOrDefault(state, Set.of());

	private final NotificationRule<EndorsementGranted> rule = NotificationRules.standard().of(EndorsementGranted.class);

	@Test
	void chaptersOfTheRaceStateAndTheNominatingChapterAreTold() {
		assertThat(this.rule.audience(granted(STATE_HOUSE_MO_80, "lawrence", false), this.chapters))
			.containsExactlyInAnyOrder("mobilize-missouri", "columbia", "lawrence");
	}

	@Test
	void nominatingChapterInTheRaceStateIsToldOnce() {
		assertThat(this.rule.audience(granted(STATE_HOUSE_MO_80, "columbia", false), this.chapters))
			.containsExactlyInAnyOrder("mobilize-missouri", "columbia");
	}

	@Test
	void nominatingChapterIsToldEvenBeforeItsRegistrationArrives() {
		assertThat(this.rule.audience(granted(STATE_HOUSE_MO_80, "not-yet-known", false), (state) -> Set.of()))
			.containsExactly("not-yet-known");
	}

	@Test
	void endorsementNominatedByAnIndividualConcernsOnlyTheStateChapters() {
		assertThat(this.rule.audience(granted(STATE_HOUSE_MO_80, null, false), this.chapters))
			.containsExactlyInAnyOrder("mobilize-missouri", "columbia");
		assertThat(this.rule.audience(granted(STATE_HOUSE_MO_80, " ", false), this.chapters))
			.containsExactlyInAnyOrder("mobilize-missouri", "columbia");
	}

	@Test
	void stateWithoutChaptersAndNoNominatingChapterMeansNobody() {
		RaceSummary wyoming = new RaceSummary("Governor", "STATE", "WY", null, null, null);
		assertThat(this.rule.audience(granted(wyoming, null, false), this.chapters)).isEmpty();
	}

	@Test
	void titleNamesTheCandidateTheOfficeAndWhere() {
		Notice notice = this.rule.template(granted(STATE_HOUSE_MO_80, "columbia", false));
		assertThat(notice.title()).isEqualTo("Endorsed: Jane Example for State Representative (MO, District 80)");
		assertThat(notice.body()).isEqualTo(
				"National staff endorsed Jane Example for State Representative (MO, District 80) in the election of 2026-11-03. "
						+ "Chapters can now organize volunteers for the race.");
	}

	@Test
	void reEndorsementSaysSo() {
		Notice notice = this.rule.template(granted(STATE_HOUSE_MO_80, null, true));
		assertThat(notice.title()).isEqualTo("Re-endorsed: Jane Example for State Representative (MO, District 80)");
		assertThat(notice.body()).startsWith("National staff re-endorsed Jane Example");
	}

	@Test
	void localRaceIsNamedByItsJurisdictionAndStatewideRaceByItsStateAlone() {
		RaceSummary mayor = new RaceSummary("Mayor", "LOCAL", "MO", null, "Kansas City", null);
		RaceSummary senate = new RaceSummary("U.S. Senate", "FEDERAL", "MO", null, null, null);
		assertThat(List.of(this.rule.template(granted(mayor, null, false)).title(),
				this.rule.template(granted(senate, null, false)).title()))
			.containsExactly("Endorsed: Jane Example for Mayor (MO, Kansas City)",
					"Endorsed: Jane Example for U.S. Senate (MO)");
		assertThat(this.rule.template(granted(mayor, null, false)).body()).doesNotContain("election of");
	}

	@Test
	void aPositionOnABallotMeasureIsNamedByThePositionNotAsACandidateForAnOffice() {
		RaceSummary measure = new RaceSummary("Amendment 3", "STATE", "MO", null, null, LocalDate.of(2026, 11, 3),
				"race-1", "ocd-division/country:us/state:mo", "GENERAL", 2026, true);
		EndorsementGranted granted = new EndorsementGranted("event-1", Instant.parse("2026-05-01T12:00:00Z"),
				"endorsement-1", "nomination-1", "YES on Amendment 3", measure, null, false, null);

		Notice notice = this.rule.template(granted);

		assertThat(notice.title()).isEqualTo("Endorsed: YES on Amendment 3 (MO ballot measure)");
		assertThat(notice.body()).isEqualTo("National staff endorsed YES on Amendment 3 (MO ballot measure) in the "
				+ "election of 2026-11-03. Chapters can now organize volunteers for the campaign.");
		assertThat(this.rule.audience(granted, this.chapters)).containsExactlyInAnyOrder("mobilize-missouri",
				"columbia");
	}

	@Test
	void aPositionNamedWithoutTheMeasureGetsItsTitle() {
		RaceSummary measure = new RaceSummary("Proposition A", "LOCAL", "MO", null, "Kansas City", null, null, null,
				null, null, true);
		EndorsementGranted granted = new EndorsementGranted("event-1", Instant.parse("2026-05-01T12:00:00Z"),
				"endorsement-1", "nomination-1", "NO", measure, null, false, null);

		assertThat(this.rule.template(granted).title())
			.isEqualTo("Endorsed: NO on Proposition A (MO, Kansas City ballot measure)");
	}

	@Test
	void aPrimaryEndorsementSaysItIsForThePrimary() {
		RaceSummary primary = new RaceSummary("State Representative", "STATE", "MO", "80", null,
				LocalDate.of(2026, 8, 4), "race-1", "ocd-division/country:us/state:mo/sldl:80", "PRIMARY", 2026, false);

		Notice notice = this.rule.template(granted(primary, null, false));

		assertThat(notice.title())
			.isEqualTo("Endorsed: Jane Example for State Representative (MO, District 80), primary");
		assertThat(notice.body()).startsWith(
				"National staff endorsed Jane Example for State Representative (MO, District 80) in the primary of 2026-08-04.");
		RaceSummary general = new RaceSummary("State Representative", "STATE", "MO", "80", null,
				LocalDate.of(2026, 11, 3), "race-2", "ocd-division/country:us/state:mo/sldl:80", "GENERAL", 2026,
				false);
		assertThat(this.rule.template(granted(general, null, false)).title())
			.isEqualTo("Endorsed: Jane Example for State Representative (MO, District 80)");
	}

	@Test
	void entryIsAboutTheEndorsement() {
		assertThat(this.rule.subjectId(granted(STATE_HOUSE_MO_80, null, false))).isEqualTo("endorsement-1");
	}

	private static EndorsementGranted granted(RaceSummary race, String nominatingChapterId, boolean reEndorsement) {
		return new EndorsementGranted("event-1", Instant.parse("2026-05-01T12:00:00Z"), "endorsement-1", "nomination-1",
				"Jane Example", race, nominatingChapterId, reEndorsement);
	}

}
