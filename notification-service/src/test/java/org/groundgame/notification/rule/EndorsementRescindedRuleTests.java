package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.subscription.domain.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndorsementRescindedRuleTests {

	private static final Instant AT = Instant.parse("2026-09-01T12:00:00Z");

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	private final ChapterDirectory chapters = (state) -> Map
		.of("MO", Set.of("mobilize-missouri", "columbia"), "KS", Set.of("wichita", "lawrence"))
		.getOrDefault(state, Set.of());

	private final NotificationRule<EndorsementRescinded> rule = NotificationRules.standard()
		.of(EndorsementRescinded.class);

	@Test
	void everyoneWhoHeardOfTheEndorsementHearsItWasRescinded() {
		EndorsementRescinded rescinded = rescinded(STATE_HOUSE_MO_80, "lawrence", "Misconduct came to light.");
		EndorsementGranted granted = new EndorsementGranted("event-0", AT, "endorsement-1", "nomination-1",
				"Jane Example", STATE_HOUSE_MO_80, "lawrence", false);

		assertThat(this.rule.audience(rescinded, this.chapters))
			.containsExactlyInAnyOrderElementsOf(
					NotificationRules.standard().of(EndorsementGranted.class).audience(granted, this.chapters))
			.containsExactlyInAnyOrder("lawrence", "mobilize-missouri", "columbia");
		assertThat(this.rule.subscriptionTopic()).isEqualTo(Topic.ENDORSEMENTS);
		assertThat(this.rule.notifiesStaff(rescinded)).isFalse();
		assertThat(this.rule.subjectId(rescinded)).isEqualTo("endorsement-1");
	}

	@Test
	void theNoticeGivesThePublicReasonAndAsksChaptersToStop() {
		Notice notice = this.rule.template(rescinded(STATE_HOUSE_MO_80, null, "Misconduct came to light."));

		assertThat(notice.title())
			.isEqualTo("Endorsement rescinded: Jane Example for State Representative (MO, District 80)");
		assertThat(notice.body()).contains("\n\nReason: Misconduct came to light.")
			.contains("stop naming it as endorsed");
	}

	@Test
	void aRescindedPositionOnABallotMeasureIsNamedByThePosition() {
		RaceSummary measure = new RaceSummary("Amendment 3", "STATE", "MO", null, null, LocalDate.of(2026, 11, 3),
				"race-1", "ocd-division/country:us/state:mo", "GENERAL", 2026, true);

		assertThat(this.rule.template(rescinded(measure, null, null)).title())
			.isEqualTo("Endorsement rescinded: YES on Amendment 3 (MO ballot measure)");
	}

	private static EndorsementRescinded rescinded(RaceSummary race, String nominatingChapterId, String reason) {
		String candidate = race.ballotMeasure() ? "YES on Amendment 3" : "Jane Example";
		return new EndorsementRescinded("event-1", AT, "endorsement-1", "nomination-1", candidate, race,
				nominatingChapterId, reason, null);
	}

}
