package org.groundgame.endorsement.candidate.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.groundgame.events.endorsement.CandidateErased;

/**
 * How far a candidate's erasure has gone: when it was asked for, and the nominations
 * announced as erased so far. Erasing again announces only what is new: a nomination that
 * named them stored meanwhile.
 *
 * @param erasedAt when the candidate was erased, or {@code null} when never
 * @param announced the nominations named in the erasure's events so far, in order
 */
public record CandidateErasure(String candidateId, Instant erasedAt, List<String> announced) {

	public CandidateErasure {
		announced = (announced != null) ? List.copyOf(new LinkedHashSet<>(announced)) : List.of();
	}

	public boolean isErased() {
		return this.erasedAt != null;
	}

	/** When the erasure counts from: its first time, or now for a first erasure. */
	public Instant erasedAt(Clock clock) {
		return isErased() ? this.erasedAt : clock.instant();
	}

	/**
	 * The candidate is erased from these nominations (those naming them now).
	 * @param erasedAt see {@link #erasedAt(Clock)}
	 * @return the erasure as it now stands and the event naming every nomination erased
	 * so far; empty when erased before and every one of them was announced already
	 */
	public Optional<Erased> erase(List<String> naming, Instant erasedAt, Clock clock) {
		Set<String> all = new LinkedHashSet<>(this.announced);
		if (isErased() && all.containsAll(naming)) {
			return Optional.empty();
		}
		all.addAll(naming);
		CandidateErasure erased = new CandidateErasure(this.candidateId, erasedAt, List.copyOf(all));
		return Optional.of(new Erased(erased, new CandidateErased(UUID.randomUUID().toString(), clock.instant(),
				this.candidateId, erased.announced)));
	}

	/** An erasure and the event announcing it. */
	public record Erased(CandidateErasure erasure, CandidateErased event) {

	}

}
