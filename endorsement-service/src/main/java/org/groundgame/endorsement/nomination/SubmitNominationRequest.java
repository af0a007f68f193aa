package org.groundgame.endorsement.nomination;

import org.groundgame.support.geography.UsStateCode;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.nomination.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.Race;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.support.geography.UsState;

/**
 * The body of {@code POST /api/nominations}: what a nominator may say, and nothing the
 * service decides (id, status, times, review, decision, endorsement). Unknown fields are
 * ignored, so a client that sends them sets nothing.
 */
record SubmitNominationRequest(@NotNull @Valid CandidateFields candidate, @NotNull @Valid RaceFields race,
		@Valid NominatorFields nominatedBy, @Size(max = Limits.STATEMENT) String statement) {

	Candidate toCandidate() {
		return new Candidate(this.candidate.name(), this.candidate.email(), this.candidate.website());
	}

	Race toRace() {
		return new Race(this.race.office(), this.race.level(), UsState.fromCode(this.race.state()).orElse(null),
				this.race.district(), this.race.jurisdiction(), this.race.electionDate());
	}

	Nominator toNominator() {
		return (this.nominatedBy != null)
				? new Nominator(this.nominatedBy.name(), this.nominatedBy.email(), this.nominatedBy.chapterId()) : null;
	}

	record CandidateFields(@NotBlank @Size(max = Limits.NAME) String name,
			@Email(regexp = Limits.EMAIL_DOMAIN_WITH_DOT,
					message = "must be a well-formed e-mail address") @Size(max = Limits.EMAIL) String email,
			@Pattern(regexp = Limits.WEB_ADDRESS,
					message = "must be an http or https URL") @Size(max = Limits.URL) String website) {
	}

	record RaceFields(@NotBlank @Size(max = Limits.OFFICE) String office, @NotNull RaceLevel level,
			@NotBlank @UsStateCode String state, @Size(max = Limits.DISTRICT) String district,
			@Size(max = Limits.JURISDICTION) String jurisdiction, @NotNull @NotInThePast LocalDate electionDate) {
	}

	/**
	 * Who nominates. The chapter is a claim the application service checks against the
	 * caller's token: a chapter's own token, or staff's.
	 */
	record NominatorFields(@Size(max = Limits.NAME) String name,
			@Email(regexp = Limits.EMAIL_DOMAIN_WITH_DOT,
					message = "must be a well-formed e-mail address") @Size(max = Limits.EMAIL) String email,
			@Size(max = Limits.ID) String chapterId) {
	}

}
