package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.endorsement.nomination.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.Race;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.endorsement.nomination.domain.Review;
import org.groundgame.endorsement.nomination.domain.StaffDecision;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A nomination as stored: the whole aggregate, its endorsement once granted, and the
 * events its last changes caused that are not yet published (the embedded outbox), so
 * that every command is one atomic document write. The version makes concurrent commands
 * on one nomination fail instead of overwriting each other.
 */
@Document(NominationDocument.COLLECTION)
@CompoundIndex(name = "status_submittedAt", def = "{'status': 1, 'submittedAt': -1}")
@CompoundIndex(name = "state_cycle", def = "{'race.state': 1, 'cycle': 1}")
@CompoundIndex(name = "chapter_submittedAt", def = "{'nominatedBy.chapterId': 1, 'submittedAt': -1}")
class NominationDocument implements HasOutbox {

	static final String COLLECTION = "nominations";

	@Id
	private String id;

	@Version
	private Long version;

	private NominationStatus status;

	private CandidateEntry candidate;

	private RaceEntry race;

	/** The election year, kept beside the race to filter and index by. */
	private int cycle;

	private NominatorEntry nominatedBy;

	private String statement;

	private Instant submittedAt;

	private ReviewEntry review;

	private DecisionEntry decision;

	private EndorsementEntry endorsement;

	private List<OutboxEvent> outbox = new ArrayList<>();

	NominationDocument() {
	}

	static NominationDocument of(Nomination nomination) {
		NominationDocument document = new NominationDocument();
		document.id = nomination.id();
		document.candidate = CandidateEntry.of(nomination.candidate());
		document.race = RaceEntry.of(nomination.race());
		document.cycle = nomination.race().cycle();
		document.nominatedBy = NominatorEntry.of(nomination.nominatedBy());
		document.statement = nomination.statement();
		document.submittedAt = nomination.submittedAt();
		document.update(nomination);
		return document;
	}

	/**
	 * Copies what commands change; what a nomination was submitted with never changes.
	 */
	void update(Nomination nomination) {
		this.status = nomination.status();
		this.review = ReviewEntry.of(nomination.review());
		this.decision = DecisionEntry.of(nomination.decision());
		this.endorsement = EndorsementEntry.of(nomination.endorsement());
	}

	Nomination toNomination() {
		return Nomination.restore(this.id, this.status, this.candidate.toCandidate(), this.race.toRace(),
				(this.nominatedBy != null) ? this.nominatedBy.toNominator() : null, this.statement, this.submittedAt,
				(this.review != null) ? this.review.toReview() : null,
				(this.decision != null) ? this.decision.toDecision() : null,
				(this.endorsement != null) ? this.endorsement.toEndorsement() : null);
	}

	String getId() {
		return this.id;
	}

	Long getVersion() {
		return this.version;
	}

	NominationStatus getStatus() {
		return this.status;
	}

	CandidateEntry getCandidate() {
		return this.candidate;
	}

	RaceEntry getRace() {
		return this.race;
	}

	int getCycle() {
		return this.cycle;
	}

	EndorsementEntry getEndorsement() {
		return this.endorsement;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

	record CandidateEntry(String name, String email, String website) {

		static CandidateEntry of(Candidate candidate) {
			return new CandidateEntry(candidate.name(), candidate.email(), candidate.website());
		}

		Candidate toCandidate() {
			return new Candidate(this.name, this.email, this.website);
		}

	}

	/**
	 * The election date is kept as ISO text ({@code 2026-11-03}): a calendar day, not an
	 * instant, and so independent of any server's time zone.
	 */
	record RaceEntry(String office, RaceLevel level, String state, String district, String jurisdiction,
			String electionDate) {

		static RaceEntry of(Race race) {
			return new RaceEntry(race.office(), race.level(), race.state().code(), race.district(), race.jurisdiction(),
					race.electionDate().toString());
		}

		Race toRace() {
			return new Race(this.office, this.level, UsState.valueOf(this.state), this.district, this.jurisdiction,
					LocalDate.parse(this.electionDate));
		}

	}

	record NominatorEntry(String name, String email, String chapterId) {

		static NominatorEntry of(Nominator nominator) {
			return (nominator != null) ? new NominatorEntry(nominator.name(), nominator.email(), nominator.chapterId())
					: null;
		}

		Nominator toNominator() {
			return new Nominator(this.name, this.email, this.chapterId);
		}

	}

	record ReviewEntry(String reviewer, String reviewerSubject, Instant startedAt) {

		static ReviewEntry of(Review review) {
			return (review != null) ? new ReviewEntry(review.reviewer(), review.reviewerSubject(), review.startedAt())
					: null;
		}

		Review toReview() {
			return new Review(this.reviewer, this.reviewerSubject, this.startedAt);
		}

	}

	record DecisionEntry(Decision decision, String reason, Instant decidedAt) {

		static DecisionEntry of(StaffDecision decision) {
			return (decision != null) ? new DecisionEntry(decision.decision(), decision.reason(), decision.decidedAt())
					: null;
		}

		StaffDecision toDecision() {
			return new StaffDecision(this.decision, this.reason, this.decidedAt);
		}

	}

	/**
	 * The endorsement's id is unique across nominations and looked up directly (the
	 * public endorsement endpoints); the index is sparse since most nominations have
	 * none.
	 */
	record EndorsementEntry(@Indexed(unique = true, sparse = true) String endorsementId, EndorsementStatus status,
			ElectionOutcome outcome, boolean reEndorsement, Instant endorsedAt) {

		static EndorsementEntry of(Endorsement endorsement) {
			return (endorsement != null) ? new EndorsementEntry(endorsement.id(), endorsement.status(),
					endorsement.outcome(), endorsement.reEndorsement(), endorsement.endorsedAt()) : null;
		}

		Endorsement toEndorsement() {
			return new Endorsement(this.endorsementId, this.status, this.outcome, this.reEndorsement, this.endorsedAt);
		}

	}

}
