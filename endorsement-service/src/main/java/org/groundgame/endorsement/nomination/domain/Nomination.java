package org.groundgame.endorsement.nomination.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.common.domain.Text;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.events.endorsement.QuestionnaireCompleted;
import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;

/**
 * A candidate (or a position on a ballot measure) put forward for endorsement, and what
 * staff made of it. The aggregate: it holds the endorsement once granted, the chapter's
 * form and the candidate's questionnaire, so that every command is one change of one
 * aggregate.
 * <p>
 * {@code SUBMITTED → UNDER_REVIEW ⇄ ON_HOLD};
 * {@code SUBMITTED | UNDER_REVIEW → ENDORSED |
 * DECLINED}; any pending one {@code → WITHDRAWN} (by its nominator or staff) or
 * {@code → EXPIRED} (its election passed).
 */
public final class Nomination {

	private final String id;

	private final Candidate candidate;

	private final BallotPosition ballotPosition;

	private final Race race;

	private final Instant submittedAt;

	private final String statement;

	private final Details details;

	private Nominator nominatedBy;

	private NominationStatus status;

	private Review review;

	private StaffDecision decision;

	private Endorsement endorsement;

	private Nomination(String id, NominationStatus status, Candidate candidate, Race race, Nominator nominatedBy,
			String statement, Instant submittedAt, Review review, StaffDecision decision, Endorsement endorsement,
			Details details) {
		this.id = Text.required(id, "id");
		this.status = Text.required(status, "status");
		this.details = (details != null) ? details : Details.none();
		this.ballotPosition = this.details.ballotPosition;
		this.candidate = (this.ballotPosition == null) ? Text.required(candidate, "candidate") : null;
		this.race = Text.required(race, "race");
		this.nominatedBy = (nominatedBy != null && !nominatedBy.isEmpty()) ? nominatedBy : null;
		this.statement = Text.optional(statement);
		this.submittedAt = Text.required(submittedAt, "submittedAt");
		this.review = review;
		this.decision = decision;
		this.endorsement = endorsement;
	}

	/** A nomination just submitted: neither reviewed nor decided yet. */
	private Nomination(String id, Candidate candidate, Race race, Nominator nominatedBy, String statement,
			Instant submittedAt, Details details) {
		this(id, NominationStatus.SUBMITTED, candidate, race, nominatedBy, statement, submittedAt, null, null, null,
				details);
	}

	/**
	 * Nominates a candidate for a race that is still ahead.
	 * @param nominatedBy who nominates; {@code null} when nobody said
	 * @throws InvalidInputException when the election is already over
	 */
	public static Submission submit(Candidate candidate, Race race, Nominator nominatedBy, String statement,
			Clock clock) {
		return submit(Nominee.candidate(candidate), race, nominatedBy, statement, null, clock);
	}

	/**
	 * Nominates a candidate, or a position on a ballot measure, for a race that is still
	 * ahead.
	 * @param slateId the slate the nomination comes in, or {@code null}
	 * @throws InvalidInputException when the election is already over, or the nominee
	 * does not fit the race (a candidate for a measure, a position in a candidate race)
	 */
	public static Submission submit(Nominee nominee, Race race, Nominator nominatedBy, String statement, String slateId,
			Clock clock) {
		Text.required(race, "race");
		Text.required(nominee, "candidate");
		if (race.hasPassed(clock)) {
			throw new InvalidInputException("race.electionDate", "must not be in the past");
		}
		if (nominee.ballotPosition() != null && !race.ballotMeasure()) {
			throw new InvalidInputException("ballotMeasure", "the race is a candidate race, not a ballot measure");
		}
		if (nominee.ballotPosition() == null && race.ballotMeasure()) {
			throw new InvalidInputException("candidate", "the race is a ballot measure: nominate a position on it");
		}
		Instant now = clock.instant();
		Nomination nomination = new Nomination(newId(), nominee.candidate(), race, nominatedBy, statement, now,
				Details.submitted(nominee.candidateId(), nominee.ballotPosition(), slateId));
		NominationSubmitted event = new NominationSubmitted(newId(), now, nomination.id, nomination.nomineeName(),
				race.summary(), nomination.nominatingChapterId(), nomination.candidateId(), slateId,
				(nominee.candidate() != null) ? EmailKeys.of(nominee.candidate().email()) : null);
		return new Submission(nomination, event);
	}

	/** A nomination as stored, with no rules applied: for the persistence adapter. */
	public static Nomination restore(String id, NominationStatus status, Candidate candidate, Race race,
			Nominator nominatedBy, String statement, Instant submittedAt, Review review, StaffDecision decision,
			Endorsement endorsement) {
		return restore(id, status, candidate, race, nominatedBy, statement, submittedAt, review, decision, endorsement,
				Details.none());
	}

	/** A nomination as stored, with no rules applied: for the persistence adapter. */
	public static Nomination restore(String id, NominationStatus status, Candidate candidate, Race race,
			Nominator nominatedBy, String statement, Instant submittedAt, Review review, StaffDecision decision,
			Endorsement endorsement, Details details) {
		return new Nomination(id, status, candidate, race, nominatedBy, statement, submittedAt, review, decision,
				endorsement, details.copy());
	}

	/**
	 * A staff member takes up a submitted nomination.
	 * @param reviewer the name they give
	 * @param reviewerSubject who their token says they are
	 */
	public NominationReviewStarted startReview(String reviewer, String reviewerSubject, Clock clock) {
		require(NominationStatus.SUBMITTED, "taken up for review");
		this.review = new Review(reviewer, reviewerSubject, clock.instant());
		this.status = NominationStatus.UNDER_REVIEW;
		return new NominationReviewStarted(newId(), clock.instant(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId());
	}

	/** Staff pause a review, e.g. to wait for the chapter's form or an interview. */
	public void hold(String reason, String heldBy, Clock clock) {
		require(NominationStatus.UNDER_REVIEW, "put on hold");
		this.details.hold = new Hold(reason, heldBy, clock.instant());
		this.status = NominationStatus.ON_HOLD;
	}

	/** Staff take up a review they held. */
	public void resume(Clock clock) {
		require(NominationStatus.ON_HOLD, "resumed");
		this.details.hold = null;
		this.status = NominationStatus.UNDER_REVIEW;
	}

	/** Staff record what they found out about the race, replacing what was there. */
	public void recordResearch(Research research) {
		requirePending("researched");
		this.details.research = Text.required(research, "research");
	}

	/** The reviewer recommends a decision. */
	public void recommend(Recommendation recommendation) {
		require(NominationStatus.UNDER_REVIEW, "given a recommendation");
		this.details.recommendation = Text.required(recommendation, "recommendation");
	}

	/**
	 * Staff endorse the candidate. It is a re-endorsement when the same candidate (by
	 * e-mail, else by name) was endorsed for the same office in the same state in an
	 * earlier cycle.
	 */
	public EndorsementGranted endorse(String reason, EndorsementHistory history, Clock clock) {
		return endorse(reason, null, history, clock);
	}

	/**
	 * Staff endorse the nominee; see {@link #endorse(String, EndorsementHistory, Clock)}.
	 */
	public EndorsementGranted endorse(String reason, String decidedBy, EndorsementHistory history, Clock clock) {
		requireDecidable();
		boolean reEndorsement = this.candidate != null
				&& history.grantedBefore(this.race.state(), this.race.cycle())
					.stream()
					.anyMatch((past) -> past.cycle() < this.race.cycle()
							&& this.race.isSameOfficeAs(past.office(), past.state())
							&& this.candidate.isSamePersonAs(past.candidateName(), past.candidateEmail()));
		Instant now = clock.instant();
		this.decision = new StaffDecision(Decision.ENDORSE, reason, now, decidedBy);
		this.endorsement = Endorsement.granted(newId(), reEndorsement, now);
		this.status = NominationStatus.ENDORSED;
		return new EndorsementGranted(newId(), now, this.endorsement.id(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId(), reEndorsement, candidateId());
	}

	/** Staff decline to endorse the candidate. */
	public EndorsementDeclined decline(String reason, Clock clock) {
		return decline(reason, null, clock);
	}

	/** Staff decline to endorse the nominee, with a reason the chapter may read. */
	public EndorsementDeclined decline(String reason, String decidedBy, Clock clock) {
		requireDecidable();
		this.decision = new StaffDecision(Decision.DECLINE, reason, clock.instant(), decidedBy);
		this.status = NominationStatus.DECLINED;
		return new EndorsementDeclined(newId(), clock.instant(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId(), this.decision.reason(), candidateId());
	}

	/** The nominator (or staff) withdraws a nomination still waiting for a decision. */
	public NominationWithdrawn withdraw(String reason, String withdrawnBy, Clock clock) {
		requirePending("withdrawn");
		this.details.closure = Closure.withdrawn(reason, withdrawnBy, clock.instant());
		this.status = NominationStatus.WITHDRAWN;
		return new NominationWithdrawn(newId(), clock.instant(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId(), this.details.closure.reason());
	}

	/** Whether the sweep should expire it: still pending, and its election is over. */
	public boolean isOverdue(Clock clock) {
		return this.status.isPending() && this.race.hasPassed(clock);
	}

	/**
	 * A pending nomination whose election passed expires: nobody can decide on it any
	 * more.
	 */
	public NominationExpired expire(Clock clock) {
		requirePending("expired");
		if (!this.race.hasPassed(clock)) {
			throw new IllegalStateChangeException("Nomination " + this.id + " is " + this.status
					+ " and its election on " + this.race.electionDate() + " has not passed; it cannot expire yet",
					this.status.name());
		}
		this.details.closure = Closure.expiredAt(clock.instant());
		this.status = NominationStatus.EXPIRED;
		return new NominationExpired(newId(), clock.instant(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId());
	}

	/**
	 * Staff record how the endorsed candidate's election went at a stage (the race's own
	 * when not given). Recording a stage again replaces its outcome: a candidate who
	 * advanced past a primary may then win the general.
	 * @throws IllegalStateChangeException unless the nomination holds an active
	 * endorsement
	 */
	public ElectionOutcomeRecorded recordOutcome(ElectionOutcome result, RaceStage stage, Clock clock) {
		Endorsement active = requireActiveEndorsement("an outcome recorded");
		Text.required(result, "result");
		RaceStage of = (stage != null) ? stage : this.race.stage();
		this.endorsement = active.withOutcome(new StageOutcome(of, result, clock.instant()));
		return new ElectionOutcomeRecorded(newId(), clock.instant(), active.id(), this.id, nomineeName(),
				this.race.summary(), nominatingChapterId(), result.name(), of.name(), candidateId());
	}

	/** Records the outcome for the race's own stage. */
	public ElectionOutcomeRecorded recordOutcome(ElectionOutcome result, Clock clock) {
		return recordOutcome(result, null, clock);
	}

	/**
	 * Staff publish the organization's announcement of the candidate's victory: once, on
	 * an active endorsement whose candidate won (at any stage).
	 * @throws IllegalStateChangeException when the endorsement is not active, no victory
	 * was recorded, or one was announced already
	 */
	public VictoryAnnounced announceVictory(String headline, String message, String publishedBy, Clock clock) {
		Endorsement active = requireActiveEndorsement("announced");
		if (!active.hasWon()) {
			throw new IllegalStateChangeException("Endorsement " + active.id()
					+ " has no victory recorded; record an outcome WON before announcing it", "NOT_WON");
		}
		if (active.announcement() != null) {
			throw new IllegalStateChangeException("Endorsement " + active.id() + "'s victory was announced already",
					"ANNOUNCED");
		}
		Announcement announcement = new Announcement(headline, message, clock.instant(), publishedBy);
		this.endorsement = active.announced(announcement);
		return new VictoryAnnounced(newId(), clock.instant(), active.id(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId(), candidateId(), announcement.headline(), announcement.message());
	}

	/** Staff rescind the endorsement, with a public reason. */
	public EndorsementRescinded rescind(String reason, String rescindedBy, Clock clock) {
		Endorsement active = requireActiveEndorsement("rescinded");
		Rescission rescission = new Rescission(reason, rescindedBy, clock.instant());
		this.endorsement = active.rescinded(rescission);
		return new EndorsementRescinded(newId(), clock.instant(), active.id(), this.id, nomineeName(),
				this.race.summary(), nominatingChapterId(), rescission.reason(), candidateId());
	}

	/**
	 * The chapter's endorsement form is filed (again, replacing the earlier one). Filed
	 * by a chapter on a nomination of no chapter, it attributes the nomination to that
	 * chapter; whether the filer may file it at all is the application's to check.
	 */
	public void fileChapterForm(ChapterForm form) {
		requirePending("given a chapter form");
		Text.required(form, "chapterForm");
		if (form.chapterId() != null && nominatingChapterId() != null
				&& !form.chapterId().equals(nominatingChapterId())) {
			throw new InvalidInputException("chapterId", "the nomination is another chapter's");
		}
		if (form.chapterId() != null && nominatingChapterId() == null) {
			this.nominatedBy = (this.nominatedBy != null) ? this.nominatedBy.forChapter(form.chapterId())
					: Nominator.chapter(form.chapterId());
		}
		this.details.chapterForm = form;
	}

	/**
	 * The candidate is invited to answer the questionnaire; a new invitation replaces an
	 * earlier one, whose link stops working.
	 * @param url the private link, holding the token whose hash is given
	 */
	public QuestionnaireIssued issueQuestionnaire(String email, String tokenHash, String url, Instant expiresAt,
			Clock clock) {
		requirePending("sent a questionnaire");
		if (this.ballotPosition != null) {
			throw new IllegalStateChangeException("Nomination " + this.id + " is " + this.status
					+ " but of a ballot measure, which has no questionnaire", this.status.name());
		}
		if (this.details.questionnaire != null && this.details.questionnaire.isCompleted()) {
			throw new IllegalStateChangeException(
					"Nomination " + this.id + "'s questionnaire has been answered already", "QUESTIONNAIRE_COMPLETED");
		}
		CandidateQuestionnaire questionnaire = CandidateQuestionnaire.issued(email, tokenHash, expiresAt, clock);
		this.details.questionnaire = questionnaire;
		return new QuestionnaireIssued(newId(), clock.instant(), this.id, nomineeName(), questionnaire.email(),
				this.race.summary(), url, expiresAt);
	}

	/**
	 * Checks that the questionnaire may still be answered.
	 * @throws CandidateQuestionnaire.ExpiredException when its link has expired
	 * @throws IllegalStateChangeException when it was answered or the nomination is no
	 * longer pending
	 */
	public CandidateQuestionnaire openQuestionnaire(Clock clock) {
		CandidateQuestionnaire questionnaire = this.details.questionnaire;
		if (questionnaire == null) {
			throw new IllegalStateChangeException("Nomination " + this.id + " has no questionnaire",
					this.status.name());
		}
		return questionnaire.open(clock);
	}

	/**
	 * The candidate answers every question of the bank: on the agreement scale or in
	 * words, as each question asks.
	 * @param questions the bank's questions for the race's cycle
	 * @throws InvalidInputException naming {@code answers[i].…} for each answer at fault
	 */
	public QuestionnaireCompleted completeQuestionnaire(List<CandidateQuestionnaire.Reply> replies,
			List<CandidateQuestionnaire.Question> questions, Clock clock) {
		CandidateQuestionnaire questionnaire = openQuestionnaire(clock);
		questionnaire.requireUnanswered();
		requirePending("answered");
		this.details.questionnaire = questionnaire.answeredWith(replies, questions, clock);
		return new QuestionnaireCompleted(newId(), clock.instant(), this.id, nomineeName(), this.race.summary(),
				nominatingChapterId());
	}

	/**
	 * The same nomination without anything personal of its candidate, who asked to be
	 * erased: their name (an {@link Candidate#ERASED_NAME placeholder} stands for it),
	 * address and website, the questionnaire (its address, link and answers), and every
	 * text written about them (the nominator's statement, the chapter's, staff's reasons,
	 * notes and rationale, the polls' findings). What was decided, when and by whom, the
	 * race, the endorsement and its outcomes stay, so that races and counts remain true.
	 * Erasing again changes nothing.
	 * @throws IllegalStateChangeException for a nomination of a ballot measure, which
	 * names no candidate
	 */
	public Nomination candidateErased() {
		if (this.candidate == null) {
			throw new IllegalStateChangeException("Nomination " + this.id + " is " + this.status
					+ " but of a ballot measure, which names no candidate to erase", this.status.name());
		}
		Details erased = this.details.copy();
		erased.questionnaire = null;
		erased.hold = (erased.hold != null) ? erased.hold.withoutReason() : null;
		erased.research = (erased.research != null) ? erased.research.withoutCandidatesWords() : null;
		erased.recommendation = (erased.recommendation != null) ? erased.recommendation.withoutRationale() : null;
		erased.chapterForm = (erased.chapterForm != null)
				? new ChapterForm(Text.ERASED, erased.chapterForm.meetingDate(), erased.chapterForm.votesFor(),
						erased.chapterForm.votesAgainst(), erased.chapterForm.chapterId(), erased.chapterForm.filedAt())
				: null;
		erased.closure = (erased.closure != null) ? erased.closure.withoutReason() : null;
		StaffDecision decided = (this.decision != null) ? this.decision.withoutReason() : null;
		return new Nomination(this.id, this.status, Candidate.erased(), this.race, this.nominatedBy, null,
				this.submittedAt, this.review, decided,
				(this.endorsement != null) ? this.endorsement.withoutReasons() : null, erased);
	}

	/**
	 * The same nomination without anything personal of the person who nominated, who
	 * asked to be erased: their name and address, and their statement. The nominating
	 * chapter stays (an organization, not a person), and with it who may read the
	 * nomination.
	 */
	public Nomination nominatorErased() {
		Nominator kept = (this.nominatedBy != null) ? this.nominatedBy.withoutPerson() : null;
		return new Nomination(this.id, this.status, this.candidate, this.race, kept, null, this.submittedAt,
				this.review, this.decision, this.endorsement, this.details.copy());
	}

	/** Whether it was nominated by this address (case aside). */
	public boolean isNominatedBy(String email) {
		return this.nominatedBy != null && this.nominatedBy.email() != null && email != null
				&& this.nominatedBy.email().equalsIgnoreCase(email.strip());
	}

	/** What the nomination still lacks before staff have the whole picture. */
	public List<MissingPiece> missing() {
		List<MissingPiece> missing = new ArrayList<>();
		if (this.details.chapterForm == null) {
			missing.add(MissingPiece.CHAPTER_FORM);
		}
		if (this.ballotPosition == null
				&& (this.details.questionnaire == null || !this.details.questionnaire.isCompleted())) {
			missing.add(MissingPiece.QUESTIONNAIRE);
		}
		return missing;
	}

	private void require(NominationStatus expected, String action) {
		if (this.status != expected) {
			throw new IllegalStateChangeException("Nomination " + this.id + " is " + this.status + "; only a "
					+ expected + " nomination can be " + action, this.status.name());
		}
	}

	private void requirePending(String action) {
		if (!this.status.isPending()) {
			throw new IllegalStateChangeException(
					"Nomination " + this.id + " is " + this.status
							+ "; only a pending (SUBMITTED, UNDER_REVIEW or ON_HOLD) nomination can be " + action,
					this.status.name());
		}
	}

	private void requireDecidable() {
		if (!NominationStatus.DECIDABLE.contains(this.status)) {
			String already = this.status.isPending() ? "" : "already ";
			throw new IllegalStateChangeException("Nomination " + this.id + " is " + already + this.status
					+ "; only a SUBMITTED or UNDER_REVIEW nomination can be decided", this.status.name());
		}
	}

	private Endorsement requireActiveEndorsement(String action) {
		if (this.endorsement == null || !this.endorsement.isActive()) {
			String state = (this.endorsement != null) ? this.endorsement.status().name() : this.status.name();
			throw new IllegalStateChangeException("Nomination " + this.id + " holds no active endorsement (it is "
					+ state + "); only an active endorsement can be " + action, state);
		}
		return this.endorsement;
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

	/** The candidate, or {@code null} for a ballot measure. */
	public Candidate candidate() {
		return this.candidate;
	}

	/**
	 * The candidate's id, shared by every nomination of the same person; or {@code null}.
	 */
	public String candidateId() {
		return this.details.candidateId;
	}

	/** The position on a ballot measure, or {@code null} for a candidate. */
	public BallotPosition ballotPosition() {
		return this.ballotPosition;
	}

	/** The candidate's name, or the position on the measure ("YES on Amendment 3"). */
	public String nomineeName() {
		return (this.candidate != null) ? this.candidate.name() : this.ballotPosition.name();
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

	public String slateId() {
		return this.details.slateId;
	}

	public Hold hold() {
		return this.details.hold;
	}

	public Research research() {
		return this.details.research;
	}

	public Recommendation recommendation() {
		return this.details.recommendation;
	}

	public ChapterForm chapterForm() {
		return this.details.chapterForm;
	}

	public Closure closure() {
		return this.details.closure;
	}

	public CandidateQuestionnaire questionnaire() {
		return this.details.questionnaire;
	}

	/** A new nomination and the event announcing it. */
	public record Submission(Nomination nomination, NominationSubmitted event) {
	}

	/**
	 * Who is nominated: a candidate (with the id of the person across nominations) or a
	 * position on a ballot measure.
	 */
	public record Nominee(Candidate candidate, String candidateId, BallotPosition ballotPosition) {

		public Nominee {
			if ((candidate == null) == (ballotPosition == null)) {
				throw new InvalidInputException("candidate", "give either a candidate or a ballot measure position");
			}
		}

		/** A candidate not yet known across nominations. */
		public static Nominee candidate(Candidate candidate) {
			return new Nominee(candidate, null, null);
		}

		/** A position on a ballot measure. */
		public static Nominee position(BallotPosition ballotPosition) {
			return new Nominee(null, null, ballotPosition);
		}

		public String name() {
			return (this.candidate != null) ? this.candidate.name() : this.ballotPosition.name();
		}

	}

	/** Whatever a nomination holds beyond its core, each part optional. */
	public static final class Details {

		String candidateId;

		BallotPosition ballotPosition;

		String slateId;

		Hold hold;

		Research research;

		Recommendation recommendation;

		ChapterForm chapterForm;

		Closure closure;

		CandidateQuestionnaire questionnaire;

		public static Details none() {
			return new Details();
		}

		/**
		 * What a nomination holds when it is submitted: who, and the slate it came in.
		 */
		public static Details submitted(String candidateId, BallotPosition ballotPosition, String slateId) {
			Details details = new Details();
			details.candidateId = candidateId;
			details.ballotPosition = ballotPosition;
			details.slateId = slateId;
			return details;
		}

		/** Every part as stored: for the persistence adapter. */
		public static Details of(String candidateId, BallotPosition ballotPosition, String slateId, Hold hold,
				Research research, Recommendation recommendation, ChapterForm chapterForm, Closure closure,
				CandidateQuestionnaire questionnaire) {
			Details details = new Details();
			details.candidateId = candidateId;
			details.ballotPosition = ballotPosition;
			details.slateId = slateId;
			details.hold = hold;
			details.research = research;
			details.recommendation = recommendation;
			details.chapterForm = chapterForm;
			details.closure = closure;
			details.questionnaire = questionnaire;
			return details;
		}

		Details copy() {
			return of(this.candidateId, this.ballotPosition, this.slateId, this.hold, this.research,
					this.recommendation, this.chapterForm, this.closure, this.questionnaire);
		}

	}

}
