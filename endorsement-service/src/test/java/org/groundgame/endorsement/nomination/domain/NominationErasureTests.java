package org.groundgame.endorsement.nomination.domain;

import java.math.BigDecimal;
import java.util.List;

import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.endorsement.nomination.domain.NominationPipelineTests.assertRefused;
import static org.groundgame.endorsement.nomination.domain.NominationPipelineTests.measure;
import static org.groundgame.endorsement.nomination.domain.NominationTests.CLOCK;
import static org.groundgame.endorsement.nomination.domain.NominationTests.ELECTION_DAY;
import static org.groundgame.endorsement.nomination.domain.NominationTests.NOW;
import static org.groundgame.endorsement.nomination.domain.NominationTests.NO_HISTORY;
import static org.groundgame.endorsement.nomination.domain.NominationTests.submitted;

/**
 * What erasing a candidate or a nominator leaves of a nomination: nothing of the person
 * and no text written about them, and everything the process decided.
 */
class NominationErasureTests {

	/** A nomination taken through the process, with every text naming its candidate. */
	static Nomination throughTheProcess() {
		Nomination nomination = submitted();
		nomination.issueQuestionnaire("maria@example.org", "hash", "https://link#token=t", NOW.plusSeconds(3600),
				CLOCK);
		nomination.startReview("Dana Staff", "staff-client", CLOCK);
		nomination.hold("Meet Maria Gonzalez first", "staff-client", CLOCK);
		nomination.resume(CLOCK);
		nomination.recordResearch(new Research(Research.Incumbency.CHALLENGER,
				List.of(new Research.Opponent("Pat Smith", "R", true)),
				List.of(new Research.Poll("PPP", ELECTION_DAY.minusMonths(9), "Gonzalez 48, Smith 44", "ppp.org")),
				new Research.Fundraising(new BigDecimal("12000"), ELECTION_DAY.minusMonths(8), "FEC"), 5200L,
				"Maria Gonzalez knocked every door", "staff-client", NOW));
		nomination.recommend(new Recommendation(Decision.ENDORSE, Recommendation.Tier.TIER_1, "Gonzalez can win",
				"staff-client", NOW));
		nomination.fileChapterForm(
				new ChapterForm("We back Maria Gonzalez", ELECTION_DAY.minusMonths(9), 12, 1, "chapter-stl", NOW));
		nomination.endorse("Endorse Gonzalez", "staff-client", NO_HISTORY, CLOCK);
		nomination.recordOutcome(ElectionOutcome.WON, RaceStage.PRIMARY, CLOCK);
		nomination.announceVictory("Gonzalez wins the primary", "Maria Gonzalez won the primary.", "staff-client",
				CLOCK);
		nomination.rescind("Gonzalez left the race", "staff-client", CLOCK);
		return nomination;
	}

	@Test
	void anErasedCandidateLeavesNoTraceAndTheProcessStaysAsDecided() {
		Nomination nomination = throughTheProcess();

		Nomination erased = nomination.candidateErased();

		assertThat(erased.candidate()).isEqualTo(new Candidate(Candidate.ERASED_NAME, null, null));
		assertThat(erased.statement()).isNull();
		assertThat(erased.questionnaire()).isNull();
		assertThat(erased.hold()).isNull();
		assertThat(erased.research().notes()).isNull();
		assertThat(erased.research().polling()).singleElement()
			.satisfies((poll) -> assertThat(poll.numbers()).isNull());
		assertThat(erased.recommendation().rationale()).isNull();
		assertThat(erased.chapterForm().statement()).isEqualTo("(erased)");
		assertThat(erased.decision().reason()).isNull();
		assertThat(erased.endorsement().rescission().reason()).isEqualTo("(erased)");
		assertThat(erased.endorsement().announcement().headline()).isEqualTo("(erased)");
		assertThat(erased.endorsement().announcement().message()).isEqualTo("(erased)");
		assertThat(erased.endorsement().announcement().publishedAt())
			.isEqualTo(nomination.endorsement().announcement().publishedAt());
		// What the process decided stays.
		assertThat(erased.id()).isEqualTo(nomination.id());
		assertThat(erased.status()).isEqualTo(NominationStatus.ENDORSED);
		assertThat(erased.race()).isEqualTo(nomination.race());
		assertThat(erased.nominatedBy()).isEqualTo(nomination.nominatedBy());
		assertThat(erased.review()).isEqualTo(nomination.review());
		assertThat(erased.decision().decision()).isEqualTo(Decision.ENDORSE);
		assertThat(erased.decision().decidedBy()).isEqualTo("staff-client");
		assertThat(erased.endorsement().id()).isEqualTo(nomination.endorsement().id());
		assertThat(erased.endorsement().status()).isEqualTo(EndorsementStatus.RESCINDED);
		assertThat(erased.research().opponents()).isEqualTo(nomination.research().opponents());
		assertThat(erased.research().winNumber()).isEqualTo(5200L);
		assertThat(erased.recommendation().tier()).isEqualTo(Recommendation.Tier.TIER_1);
		assertThat(erased.chapterForm().votesFor()).isEqualTo(12);
		// Erasing again changes nothing; the original is left as it was.
		Nomination again = erased.candidateErased();
		assertThat(again.candidate()).isEqualTo(erased.candidate());
		assertThat(again.chapterForm()).isEqualTo(erased.chapterForm());
		assertThat(again.endorsement()).isEqualTo(erased.endorsement());
		assertThat(nomination.candidate().name()).isEqualTo("Maria Gonzalez");
	}

	@Test
	void aMeasureNamesNoCandidateToErase() {
		Nomination measure = measure();

		assertRefused(NominationStatus.SUBMITTED, measure::candidateErased);
	}

	@Test
	void anErasedNominatorLeavesNoTraceAndTheChapterKeepsTheNomination() {
		Nomination nomination = submitted();
		assertThat(nomination.isNominatedBy(" SAM@example.org ")).isTrue();
		assertThat(nomination.isNominatedBy("maria@example.org")).isFalse();

		Nomination erased = nomination.nominatorErased();

		assertThat(erased.nominatedBy()).isEqualTo(new Nominator(null, null, "chapter-stl"));
		assertThat(erased.nominatingChapterId()).isEqualTo("chapter-stl");
		assertThat(erased.statement()).isNull();
		assertThat(erased.isNominatedBy("sam@example.org")).isFalse();
		assertThat(erased.candidate()).isEqualTo(nomination.candidate());
		assertThat(erased.status()).isEqualTo(nomination.status());
	}

	@Test
	void aNominatorWithoutAChapterLeavesNobodyNamed() {
		Nomination nomination = Nomination
			.submit(NominationTests.candidate(), NominationTests.race(),
					new Nominator("Sam Lee", "sam@example.org", null), "Organizer.", CLOCK)
			.nomination();

		assertThat(nomination.nominatorErased().nominatedBy()).isNull();
	}

}
