package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.endorsement.common.domain.Text;
import org.groundgame.endorsement.race.domain.RaceStage;

/**
 * The organization's endorsement of a nominated candidate: part of the nomination it came
 * from, with an id of its own (the public refers to endorsements, staff to nominations).
 *
 * @param reEndorsement whether the candidate held an endorsement for the same office in
 * an earlier cycle
 * @param outcomes how the election went, at most one per stage, in the order recorded
 * @param rescission why and when staff rescinded it; {@code null} while it stands
 * @param announcement the victory announcement staff published, or {@code null}
 */
public record Endorsement(String id, EndorsementStatus status, boolean reEndorsement, Instant endorsedAt,
		List<StageOutcome> outcomes, Rescission rescission, Announcement announcement) {

	public Endorsement {
		Text.required(id, "id");
		Text.required(status, "status");
		Text.required(endorsedAt, "endorsedAt");
		outcomes = (outcomes != null) ? List.copyOf(outcomes) : List.of();
	}

	/** A new, active endorsement. */
	public static Endorsement granted(String id, boolean reEndorsement, Instant endorsedAt) {
		return new Endorsement(id, EndorsementStatus.ACTIVE, reEndorsement, endorsedAt, List.of(), null, null);
	}

	/** How the election went, as last recorded; {@code null} until recorded. */
	public ElectionOutcome outcome() {
		return this.outcomes.isEmpty() ? null : this.outcomes.getLast().result();
	}

	/** The outcome recorded for a stage, or {@code null}. */
	public StageOutcome outcomeOf(RaceStage stage) {
		return this.outcomes.stream().filter((outcome) -> outcome.stage() == stage).findFirst().orElse(null);
	}

	public boolean isActive() {
		return this.status == EndorsementStatus.ACTIVE;
	}

	Endorsement withOutcome(StageOutcome outcome) {
		List<StageOutcome> recorded = new ArrayList<>(this.outcomes);
		recorded.removeIf((earlier) -> earlier.stage() == outcome.stage());
		recorded.add(outcome);
		return new Endorsement(this.id, this.status, this.reEndorsement, this.endorsedAt, recorded, this.rescission,
				this.announcement);
	}

	/** Whether an outcome {@code WON} was recorded for any stage. */
	public boolean hasWon() {
		return this.outcomes.stream().anyMatch((outcome) -> outcome.result() == ElectionOutcome.WON);
	}

	Endorsement announced(Announcement announcement) {
		return new Endorsement(this.id, this.status, this.reEndorsement, this.endorsedAt, this.outcomes,
				this.rescission, announcement);
	}

	/**
	 * The same endorsement without the words given for rescinding it or announcing its
	 * victory, which may name the candidate; that it was rescinded or announced, by whom
	 * and when stays.
	 */
	Endorsement withoutReasons() {
		Rescission kept = (this.rescission != null)
				? new Rescission(Text.ERASED, this.rescission.rescindedBy(), this.rescission.rescindedAt()) : null;
		return new Endorsement(this.id, this.status, this.reEndorsement, this.endorsedAt, this.outcomes, kept,
				(this.announcement != null) ? this.announcement.erased() : null);
	}

	Endorsement rescinded(Rescission rescission) {
		return new Endorsement(this.id, EndorsementStatus.RESCINDED, this.reEndorsement, this.endorsedAt, this.outcomes,
				rescission, this.announcement);
	}

}
