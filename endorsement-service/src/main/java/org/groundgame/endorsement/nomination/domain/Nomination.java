package org.groundgame.endorsement.nomination.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;

/**
 * A candidate put forward for endorsement, and what staff made of it. The aggregate: it
 * holds the endorsement once granted, so that deciding is one change of one aggregate.
 * <p>
 * {@code SUBMITTED → UNDER_REVIEW → ENDORSED | DECLINED}, and a submitted nomination may
 * be decided without a review.
 */
public final class Nomination {

	private final String id;

	private final Candidate candidate;

	private final Race race;

	private final Nominator nominatedBy;

	private final String statement;

	private final Instant submittedAt;

	private NominationStatus status;

	private Review review;

	private StaffDecision decision;

	private Endorsement endorsement;

	private Nomination(String id, NominationStatus status, Candidate candidate, Race race, Nominator nominatedBy,
			String statement, Instant submittedAt, Review review, StaffDecision decision, Endorsement endorsement) {
		this.id = Text.required(id, "id");
		this.status = Text.required(status, "status");
		this.candidate = Text.required(candidate, "candidate");
		this.race = Text.required(race, "race");
		this.nominatedBy = (nominatedBy != null && !nominatedBy.isEmpty()) ? nominatedBy : null;
		this.statement = Text.optional(statement);
		this.submittedAt = Text.required(submittedAt, "submittedAt");
		this.review = review;
		this.decision = decision;
		this.endorsement = endorsement;
	}

	/**
	 * Nominates a candidate for a race that is still ahead.
	 * @param nominatedBy who nominates; {@code null} when nobody said
	 * @throws InvalidInputException when the election is already over
	 */
	public static Submission submit(Candidate candidate, Race race, Nominator nominatedBy, String statement,
			Clock clock) {
		Text.required(race, "race");
		if (Race.hasPassed(race.electionDate(), clock)) {
			throw new InvalidInputException("race.electionDate", "must not be in the past");
		}
		Instant now = clock.instant();
		Nomination nomination = new Nomination(newId(), NominationStatus.SUBMITTED, candidate, race, nominatedBy,
				statement, now, null, null, null);
		NominationSubmitted event = new NominationSubmitted(newId(), now, nomination.id, candidate.name(),
				race.summary(), nomination.nominatingChapterId());
		return new Submission(nomination, event);
	}

	/** A nomination as stored, with no rules applied: for the persistence adapter. */
	public static Nomination restore(String id, NominationStatus status, Candidate candidate, Race race,
			Nominator nominatedBy, String statement, Instant submittedAt, Review review, StaffDecision decision,
			Endorsement endorsement) {
		return new Nomination(id, status, candidate, race, nominatedBy, statement, submittedAt, review, decision,
				endorsement);
	}

	/**
	 * A staff member takes up a submitted nomination.
	 * @param reviewer the name they give
	 * @param reviewerSubject who their token says they are
	 */
	public void startReview(String reviewer, String reviewerSubject, Clock clock) {
		if (this.status != NominationStatus.SUBMITTED) {
			throw new IllegalStateChangeException("Nomination " + this.id + " is " + this.status
					+ "; only a SUBMITTED nomination can be taken up for review", this.status.name());
		}
		this.review = new Review(reviewer, reviewerSubject, clock.instant());
		this.status = NominationStatus.UNDER_REVIEW;
	}

	/**
	 * Staff endorse the candidate. It is a re-endorsement when the same candidate (by
	 * e-mail, else by name) was endorsed for the same office in the same state in an
	 * earlier cycle.
	 */
	public EndorsementGranted endorse(String reason, EndorsementHistory history, Clock clock) {
		requirePending();
		boolean reEndorsement = history.grantedBefore(this.race.state(), this.race.cycle())
			.stream()
			.anyMatch(
					(past) -> past.cycle() < this.race.cycle() && this.race.isSameOfficeAs(past.office(), past.state())
							&& this.candidate.isSamePersonAs(past.candidateName(), past.candidateEmail()));
		Instant now = clock.instant();
		this.decision = new StaffDecision(Decision.ENDORSE, reason, now);
		this.endorsement = new Endorsement(newId(), EndorsementStatus.ACTIVE, null, reEndorsement, now);
		this.status = NominationStatus.ENDORSED;
		return new EndorsementGranted(newId(), now, this.endorsement.id(), this.id, this.candidate.name(),
				this.race.summary(), nominatingChapterId(), reEndorsement);
	}

	/**
	 * Staff record how the endorsed candidate's election went. Recording again replaces
	 * the outcome: a candidate who advanced past a primary may then win the general.
	 * @throws IllegalStateChangeException unless the nomination holds an active
	 * endorsement
	 */
	public ElectionOutcomeRecorded recordOutcome(ElectionOutcome result, Clock clock) {
		if (this.endorsement == null || this.endorsement.status() != EndorsementStatus.ACTIVE) {
			String state = (this.endorsement != null) ? this.endorsement.status().name() : this.status.name();
			throw new IllegalStateChangeException("Nomination " + this.id + " holds no active endorsement (it is "
					+ state + "); only an active endorsement's outcome can be recorded", state);
		}
		Endorsement active = this.endorsement;
		this.endorsement = new Endorsement(active.id(), active.status(), result, active.reEndorsement(),
				active.endorsedAt());
		return new ElectionOutcomeRecorded(newId(), clock.instant(), active.id(), this.id, this.candidate.name(),
				this.race.summary(), nominatingChapterId(), result.name());
	}

	/** Staff decline to endorse the candidate. */
	public void decline(String reason, Clock clock) {
		requirePending();
		this.decision = new StaffDecision(Decision.DECLINE, reason, clock.instant());
		this.status = NominationStatus.DECLINED;
	}

	private void requirePending() {
		if (!this.status.isPending()) {
			throw new IllegalStateChangeException("Nomination " + this.id + " is already " + this.status
					+ "; only a SUBMITTED or UNDER_REVIEW nomination can be decided", this.status.name());
		}
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}

	public String id() {
		return this.id;
	}

	public NominationStatus status() {
		return this.status;
	}

	public Candidate candidate() {
		return this.candidate;
	}

	public Race race() {
		return this.race;
	}

	/** Who nominated the candidate, or {@code null} when nobody said. */
	public Nominator nominatedBy() {
		return this.nominatedBy;
	}

	/** The chapter the nomination is attributed to, or {@code null} when none. */
	public String nominatingChapterId() {
		return (this.nominatedBy != null) ? this.nominatedBy.chapterId() : null;
	}

	public String statement() {
		return this.statement;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	/** The review, or {@code null} when nobody took the nomination up. */
	public Review review() {
		return this.review;
	}

	/** Staff's decision, or {@code null} while pending. */
	public StaffDecision decision() {
		return this.decision;
	}

	/** The endorsement, or {@code null} unless endorsed. */
	public Endorsement endorsement() {
		return this.endorsement;
	}

	/** A new nomination and the event announcing it. */
	public record Submission(Nomination nomination, NominationSubmitted event) {
	}

}
