package org.groundgame.endorsement.slate;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.NominationService;
import org.groundgame.endorsement.nomination.SubmitNominationRequest;
import org.groundgame.endorsement.nomination.ValidNominee;

/**
 * The body of {@code POST /api/slates}: candidates (or measure positions) nominated
 * together, one nomination each, by the same nominator.
 */
record SlateRequest(@NotBlank @Size(max = Limits.NAME) String name,
		@Valid SubmitNominationRequest.NominatorFields nominatedBy, @Size(max = Limits.STATEMENT) String statement,
		@NotEmpty @Size(max = Limits.SLATE_SIZE) List<@NotNull @Valid Entry> nominations) {

	/** One nominee of the slate and its race. */
	@ValidNominee
	record Entry(@Valid SubmitNominationRequest.CandidateFields candidate,
			@Valid SubmitNominationRequest.BallotMeasureFields ballotMeasure, @Size(max = Limits.ID) String raceId,
			@Valid SubmitNominationRequest.RaceFields race,
			@Size(max = Limits.STATEMENT) String statement) implements ValidNominee.Entry {

		NominationService.Draft toDraft(SlateRequest slate) {
			return new NominationService.Draft(SubmitNominationRequest.toCandidate(this.candidate),
					SubmitNominationRequest.toPosition(this.ballotMeasure), this.raceId,
					SubmitNominationRequest.toRace(this.race, this.ballotMeasure),
					SubmitNominationRequest.toNominator(slate.nominatedBy()),
					(this.statement != null) ? this.statement : slate.statement(), null);
		}

	}

}
