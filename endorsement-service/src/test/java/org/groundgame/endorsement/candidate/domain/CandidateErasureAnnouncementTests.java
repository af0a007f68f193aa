package org.groundgame.endorsement.candidate.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a candidate returns the event it caused, naming every nomination erased so far;
 * erasing again announces only what is new.
 */
class CandidateErasureAnnouncementTests {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void aFirstErasureAnnouncesEveryNominationThatNamedTheCandidate() {
		CandidateErasure never = new CandidateErasure("c-1", null, null);

		CandidateErasure.Erased erased = never.erase(List.of("n-1", "n-2"), never.erasedAt(CLOCK), CLOCK).orElseThrow();

		assertThat(erased.erasure()).isEqualTo(new CandidateErasure("c-1", NOW, List.of("n-1", "n-2")));
		assertThat(erased.event().candidateId()).isEqualTo("c-1");
		assertThat(erased.event().nominationIds()).containsExactly("n-1", "n-2");
		assertThat(erased.event().occurredAt()).isEqualTo(NOW);
	}

	@Test
	void erasingAgainAnnouncesNothingUnlessANominationNamingThemWasStoredMeanwhile() {
		Instant first = NOW.minusSeconds(3600);
		CandidateErasure erasure = new CandidateErasure("c-1", first, List.of("n-1", "n-2"));

		assertThat(erasure.erasedAt(CLOCK)).isEqualTo(first);
		assertThat(erasure.erase(List.of("n-2", "n-1"), first, CLOCK)).isEmpty();

		CandidateErasure.Erased again = erasure.erase(List.of("n-1", "n-2", "n-3"), first, CLOCK).orElseThrow();
		assertThat(again.erasure()).isEqualTo(new CandidateErasure("c-1", first, List.of("n-1", "n-2", "n-3")));
		assertThat(again.event().nominationIds()).containsExactly("n-1", "n-2", "n-3");
	}

}
