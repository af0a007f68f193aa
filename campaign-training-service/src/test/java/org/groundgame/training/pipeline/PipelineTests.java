package org.groundgame.training.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.groundgame.events.EmailKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's rules without Spring, a store or a broker: who is matched to which
 * candidacy, and how the counts are made.
 */
class PipelineTests {

	private static final LocalDate MARCH_7 = LocalDate.parse("2031-03-07");

	private static final Instant APRIL = Instant.parse("2031-04-01T12:00:00Z");

	private static final String ALEX = EmailKeys.of("alex@example.org");

	@Test
	void namesAreComparedWithoutCaseAccentsPunctuationOrExtraSpaces() {
		assertThat(NameKeys.of("  José   O'Neil-Ruiz ")).isEqualTo(NameKeys.of("jose oneil ruiz"))
			.isEqualTo("jose oneil ruiz");
		assertThat(NameKeys.of("Dr. Amara Okafor")).isEqualTo(NameKeys.of("DR AMARA OKAFOR"));
		assertThat(NameKeys.of("Zoë Brontë")).isEqualTo("zoe bronte");
		assertThat(NameKeys.of("Ana Lee")).isNotEqualTo(NameKeys.of("Anna Lee"));
		assertThat(NameKeys.of(" -- ")).isNull();
		assertThat(NameKeys.of(null)).isNull();
	}

	@Test
	void aGraduateIsMatchedByEmailWhateverTheNameOrState() {
		Graduate graduate = graduate("e1", ALEX, "Alex Rivera", "MO");

		assertThat(graduate.matches(candidacy("n1", " ALEX@example.org ", "Alexandra Rivera-Smith", "KS", APRIL)))
			.isTrue();
	}

	@Test
	void differentAddressesTellNamesakesApart() {
		Graduate graduate = graduate("e1", ALEX, "Alex Rivera", "MO");

		assertThat(graduate.matches(candidacy("n1", "other.alex@example.org", "Alex Rivera", "MO", APRIL))).isFalse();
	}

	@Test
	void withoutAnAddressOnEitherSideTheNameAndStateDecide() {
		Graduate graduate = graduate("e1", ALEX, "Alex Rivera", "MO");
		Graduate withoutAddress = graduate("e2", null, "Alex Rivera", "mo");

		assertThat(graduate.matches(candidacy("n1", null, "alex  RIVERA", "MO", APRIL))).isTrue();
		assertThat(withoutAddress.matches(candidacy("n2", "alex@example.org", "Alex Rivera", "MO", APRIL))).isTrue();
	}

	@Test
	void aNameMatchesOnlyInTheGraduatesState() {
		Graduate graduate = graduate("e1", null, "Alex Rivera", "MO");
		Graduate stateless = graduate("e2", null, "Alex Rivera", null);

		assertThat(graduate.matches(candidacy("n1", null, "Alex Rivera", "KS", APRIL))).isFalse();
		assertThat(graduate.matches(candidacy("n2", null, "Alex Rivera", null, APRIL))).isFalse();
		assertThat(stateless.matches(candidacy("n3", null, "Alex Rivera", "MO", APRIL))).isFalse();
	}

	@Test
	void aNominationBeforeTheCohortBeganIsNotTheSchoolsDoing() {
		Graduate graduate = graduate("e1", ALEX, "Alex Rivera", "MO");

		assertThat(graduate
			.matches(candidacy("n1", "alex@example.org", "Alex Rivera", "MO", Instant.parse("2031-03-06T23:59:59Z"))))
			.isFalse();
		assertThat(graduate
			.matches(candidacy("n2", "alex@example.org", "Alex Rivera", "MO", Instant.parse("2031-03-07T00:00:00Z"))))
			.isTrue();
	}

	@Test
	void aCandidacyKnownOnlyFromItsEndorsementMatchesNoOneYet() {
		Graduate graduate = graduate("e1", ALEX, "Alex Rivera", "MO");
		Candidacy endorsedFirst = new Candidacy("n1", null, null, null, null, true, false, null, true);

		assertThat(graduate.matches(endorsedFirst)).isFalse();
	}

	@Test
	void aCandidacyNobodyVouchedForIsLinkedToNoOne() {
		Candidacy byAnyone = new Candidacy("n1", "alex rivera", ALEX, "MO", APRIL, false, false, null, false);
		Candidacy byAChapter = new Candidacy("n2", "alex rivera", ALEX, "MO", APRIL, false, false, null, true);
		Candidacy endorsedFirst = new Candidacy("n3", null, null, null, null, true, false, null, true);

		assertThat(byAnyone.linkable()).isFalse();
		assertThat(byAChapter.linkable()).isTrue();
		assertThat(endorsedFirst.linkable()).isFalse();
	}

	@Test
	void anErasedGraduateIsMatchedToNoNewCandidacy() {
		Graduate erased = graduate("e1", null, null, "MO");

		assertThat(erased.matches(candidacy("n1", null, null, "MO", APRIL))).isFalse();
		assertThat(erased.matches(candidacy("n2", "alex@example.org", "Alex Rivera", "MO", APRIL))).isFalse();
	}

	@Test
	void aGraduateRanWhenLinkedWasEndorsedWhileNotRescindedAndWonOnTheCurrentOutcome() {
		Map<String, Candidacy> candidacies = new HashMap<>();
		candidacies.put("ran", new Candidacy("ran", "a", null, "MO", APRIL, false, false, null, true));
		candidacies.put("endorsed", new Candidacy("endorsed", "b", null, "MO", APRIL, true, false, "LOST", true));
		candidacies.put("rescinded", new Candidacy("rescinded", "c", null, "MO", APRIL, true, true, null, true));
		candidacies.put("won", new Candidacy("won", "d", null, "MO", APRIL, true, false, "WON", true));
		List<Graduate> graduates = List.of(linked(graduate("e1", key("1"), "A", "MO"), "ran"),
				linked(graduate("e2", key("2"), "B", "MO"), "endorsed"),
				linked(graduate("e3", key("3"), "C", "MO"), "rescinded"),
				linked(graduate("e4", key("4"), "D", "MO"), "won"), graduate("e5", key("5"), "E", "MO"));

		PipelineReport report = PipelineReport.of(graduates, candidacies);

		assertThat(report.total()).isEqualTo(new PipelineReport.Counts(5, 4, 2, 1));
	}

	@Test
	void aPersonIsCountedOnceInTheTotalsAndOnceInEachCohortAndTrack() {
		Graduate first = new Graduate("e1", "c1", "Spring 2031", "CANDIDATE", MARCH_7, ALEX, "alex rivera", "MO",
				Set.of("won"));
		Graduate again = new Graduate("e2", "c2", "Fall 2031", "CAMPAIGN_MANAGER", MARCH_7.plusMonths(6), ALEX,
				"alex rivera", "MO", Set.of());
		Graduate sameTrackAgain = new Graduate("e3", "c3", "Refresher", "CANDIDATE", MARCH_7.plusYears(1), ALEX,
				"alex rivera", "MO", Set.of());
		Graduate erasedOnce = new Graduate("e4", "c1", "Spring 2031", "CANDIDATE", MARCH_7, null, null, "MO", Set.of());
		Graduate erasedTwice = new Graduate("e5", "c2", "Fall 2031", "CAMPAIGN_MANAGER", MARCH_7.plusMonths(6), null,
				null, "MO", Set.of());
		Map<String, Candidacy> candidacies = Map.of("won",
				new Candidacy("won", "alex rivera", ALEX, "MO", APRIL, true, false, "WON", true));

		PipelineReport report = PipelineReport.of(List.of(first, again, sameTrackAgain, erasedOnce, erasedTwice),
				candidacies);

		// Alex once (won, through the first cohort); the two erased enrollments can no
		// longer be told to be one person, so they count as two.
		assertThat(report.total()).isEqualTo(new PipelineReport.Counts(3, 1, 1, 1));
		assertThat(report.cohorts()).extracting(PipelineReport.CohortRow::cohortId).containsExactly("c1", "c2", "c3");
		assertThat(report.cohorts().get(0).counts()).isEqualTo(new PipelineReport.Counts(2, 1, 1, 1));
		assertThat(report.cohorts().get(1).counts()).isEqualTo(new PipelineReport.Counts(2, 0, 0, 0));
		assertThat(report.cohorts().get(2).counts()).isEqualTo(new PipelineReport.Counts(1, 0, 0, 0));
		assertThat(report.tracks()).extracting(PipelineReport.TrackRow::track)
			.containsExactly("CAMPAIGN_MANAGER", "CANDIDATE");
		assertThat(report.tracks().get(0).counts()).isEqualTo(new PipelineReport.Counts(2, 0, 0, 0));
		assertThat(report.tracks().get(1).counts()).isEqualTo(new PipelineReport.Counts(2, 1, 1, 1));
	}

	@Test
	void aLinkToACandidacyNotYetStoredCountsForNothing() {
		Graduate graduate = linked(graduate("e1", ALEX, "Alex Rivera", "MO"), "unknown");

		assertThat(PipelineReport.of(List.of(graduate), Map.of()).total())
			.isEqualTo(new PipelineReport.Counts(1, 0, 0, 0));
	}

	@Test
	void noGraduatesMakeAnEmptyReport() {
		PipelineReport report = PipelineReport.of(List.of(), Map.of());

		assertThat(report.total()).isEqualTo(new PipelineReport.Counts(0, 0, 0, 0));
		assertThat(report.cohorts()).isEmpty();
		assertThat(report.tracks()).isEmpty();
	}

	@Test
	void neitherGraduatesNorCandidaciesShowPersonalDataWhenPrinted() {
		Graduate graduate = graduate("e1", ALEX, "Alex Rivera", "MO");
		Candidacy candidacy = candidacy("n1", "alex@example.org", "Alex Rivera", "MO", APRIL);

		assertThat(graduate.toString() + candidacy).doesNotContain(ALEX).doesNotContain("alex rivera");
	}

	private static Graduate graduate(String enrollmentId, String emailKey, String name, String state) {
		return new Graduate(enrollmentId, "c1", "Spring 2031", "CANDIDATE", MARCH_7, emailKey, NameKeys.of(name), state,
				Set.of());
	}

	private static Graduate linked(Graduate graduate, String nominationId) {
		return new Graduate(graduate.enrollmentId(), graduate.cohortId(), graduate.cohortName(), graduate.track(),
				graduate.startsOn(), graduate.emailKey(), graduate.nameKey(), graduate.state(), Set.of(nominationId));
	}

	private static Candidacy candidacy(String nominationId, String email, String name, String state,
			Instant submittedAt) {
		return new Candidacy(nominationId, NameKeys.of(name), EmailKeys.of(email), state, submittedAt, false, false,
				null, true);
	}

	private static String key(String person) {
		return EmailKeys.of(person + "@example.org");
	}

}
