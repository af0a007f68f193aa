package org.groundgame.endorsement.nomination;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.domain.BallotPosition;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.geography.UsStateCode;

/**
 * The body of {@code POST /api/nominations}: what a nominator may say, and nothing the
 * service decides (id, status, times, review, decision, endorsement). Unknown fields are
 * ignored, so a client that sends them sets nothing.
 * <p>
 * The nominee is a {@code candidate} or a {@code ballotMeasure} position; the race is
 * described by {@code race}, or named by the {@code raceId} of a race already known.
 */
@ValidNominee
public record SubmitNominationRequest(@Valid CandidateFields candidate, @Valid BallotMeasureFields ballotMeasure,
		@Size(max = Limits.ID) String raceId, @Valid RaceFields race, @Valid NominatorFields nominatedBy,
		@Size(max = Limits.STATEMENT) String statement,
		@Valid ChapterFormRequest chapterForm) implements ValidNominee.Entry {

	NominationService.Draft toDraft() {
		return new NominationService.Draft(toCandidate(this.candidate), toPosition(this.ballotMeasure), this.raceId,
				toRace(this.race, this.ballotMeasure), toNominator(this.nominatedBy), this.statement, this.chapterForm);
	}

	public static Candidate toCandidate(CandidateFields candidate) {
		return (candidate != null) ? new Candidate(candidate.name(), candidate.email(), candidate.website()) : null;
	}

	public static BallotPosition toPosition(BallotMeasureFields measure) {
		return (measure != null) ? new BallotPosition(measure.title(), measure.position()) : null;
	}

	/**
	 * The race described, for a ballot measure titled after it; {@code null} when none.
	 */
	public static Race toRace(RaceFields race, BallotMeasureFields measure) {
		if (race == null) {
			return null;
		}
		Race described = new Race((measure != null) ? measure.title() : race.office(), race.level(),
				UsState.fromCode(race.state()).orElse(null), race.district(), race.jurisdiction(), race.electionDate(),
				race.ocdDivisionId(), race.stage(), measure != null, null);
		return described;
	}

	public static Nominator toNominator(NominatorFields nominatedBy) {
		return (nominatedBy != null) ? new Nominator(nominatedBy.name(), nominatedBy.email(), nominatedBy.chapterId())
				: null;
	}

	public record CandidateFields(@NotBlank @Size(max = Limits.NAME) String name,
			@Email(regexp = Limits.EMAIL_DOMAIN_WITH_DOT,
					message = "must be a well-formed e-mail address") @Size(max = Limits.EMAIL) String email,
			@Pattern(regexp = Limits.WEB_ADDRESS,
					message = "must be an http or https URL") @Size(max = Limits.URL) String website) {
	}

	/** A position on a ballot measure; the measure's title is its race's office. */
	public record BallotMeasureFields(@NotBlank @Size(max = Limits.OFFICE) String title,
			@NotNull BallotPosition.Position position) {
	}

	/**
	 * The race. {@code office} is required for a candidate race (a measure's is its
	 * title); {@code ocdDivisionId} defaults to the state's division, {@code stage} to
	 * {@code GENERAL}.
	 */
	public record RaceFields(@Size(max = Limits.OFFICE) String office, @NotNull RaceLevel level,
			@NotBlank @UsStateCode String state, @Size(max = Limits.DISTRICT) String district,
			@Size(max = Limits.JURISDICTION) String jurisdiction, @NotNull @NotInThePast LocalDate electionDate,
			@Size(max = Limits.OCD_DIVISION) @Pattern(regexp = "(?i)" + Race.OCD_DIVISION,
					message = "must be an OCD division id in the US, e.g. ocd-division/country:us/state:mo/sldl:79") String ocdDivisionId,
			RaceStage stage) {
	}

	/**
	 * Who nominates. The chapter is a claim the application service checks against the
	 * caller's token: a chapter's own token, or staff's.
	 */
	public record NominatorFields(@Size(max = Limits.NAME) String name,
			@Email(regexp = Limits.EMAIL_DOMAIN_WITH_DOT,
					message = "must be a well-formed e-mail address") @Size(max = Limits.EMAIL) String email,
			@Size(max = Limits.ID) String chapterId) {
	}

}
