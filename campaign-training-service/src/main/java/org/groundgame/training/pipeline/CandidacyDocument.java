package org.groundgame.training.pipeline;

import java.time.Instant;
import java.time.LocalDate;

import org.groundgame.events.endorsement.RaceSummary;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A candidacy as stored, by nomination id. Written field by field as its events arrive,
 * in whatever order (upserts), never replaced: the nomination's fields by
 * {@code NominationSubmitted}, the endorsement's by {@code EndorsementGranted},
 * {@code EndorsementRescinded} and {@code ElectionOutcomeRecorded}.
 *
 * @param vouched whether someone accountable stands behind the nomination: a chapter
 * nominated (attribution needs its token, or staff's), staff took it up, or it was
 * endorsed; absent (null) until then. Anyone may nominate anyone without a token, so only
 * a vouched candidacy says that a graduate ran.
 * @param nameKey the candidate's {@link NameKeys name key} (personal data)
 * @param emailKey the candidate's e-mail key (personal data)
 * @param endorsed whether an endorsement was granted; absent (null) until then
 * @param rescinded whether it was rescinded; absent (null) until then
 * @param outcomeAt when the current outcome was recorded: an older one arriving late does
 * not replace it
 * @param erasedAt when the candidate's personal data was erased
 * ({@code CandidateErased}): the match keys are gone and never written again;
 * {@code null} unless
 */
@Document(CandidacyDocument.COLLECTION)
record CandidacyDocument(@Id String id, String candidateId, String emailKey, String nameKey, String state,
		RaceEntry race, Instant submittedAt, String endorsementId, Boolean endorsed, Boolean rescinded, String outcome,
		Instant outcomeAt, Boolean vouched, Instant erasedAt) {

	static final String COLLECTION = "pipeline_candidacies";

	Candidacy toCandidacy() {
		return new Candidacy(this.id, this.nameKey, this.emailKey, this.state, this.submittedAt,
				Boolean.TRUE.equals(this.endorsed), Boolean.TRUE.equals(this.rescinded), this.outcome,
				Boolean.TRUE.equals(this.vouched));
	}

	@Override
	public String toString() {
		return "CandidacyDocument[id=" + this.id + "]";
	}

	/** The race of a candidacy as stored; see {@link RaceSummary}. */
	record RaceEntry(String office, String level, String state, String district, String jurisdiction,
			LocalDate electionDate, String raceId, String ocdDivisionId, String stage, Integer cycle,
			boolean ballotMeasure) {

		static RaceEntry of(RaceSummary race) {
			return (race != null) ? new RaceEntry(race.office(), race.level(), race.state(), race.district(),
					race.jurisdiction(), race.electionDate(), race.raceId(), race.ocdDivisionId(), race.stage(),
					race.cycle(), race.ballotMeasure()) : null;
		}

		RaceSummary toSummary() {
			return new RaceSummary(this.office, this.level, this.state, this.district, this.jurisdiction,
					this.electionDate, this.raceId, this.ocdDivisionId, this.stage, this.cycle, this.ballotMeasure);
		}

	}

}
