package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Announcement;
import org.groundgame.endorsement.nomination.domain.BallotPosition;
import org.groundgame.endorsement.nomination.domain.ChapterForm;
import org.groundgame.endorsement.nomination.domain.Closure;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Hold;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.nomination.domain.Recommendation;
import org.groundgame.endorsement.nomination.domain.Rescission;
import org.groundgame.endorsement.nomination.domain.Research;
import org.groundgame.endorsement.nomination.domain.Review;
import org.groundgame.endorsement.nomination.domain.StaffDecision;
import org.groundgame.endorsement.nomination.domain.StageOutcome;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A nomination as stored: the whole aggregate, its endorsement once granted, and the
 * events its last changes caused that are not yet published (the embedded outbox), so
 * that every command is one atomic document write. The version makes concurrent commands
 * on one nomination fail instead of overwriting each other.
 * <p>
 * {@code activeEndorsementKey} (candidate and race) exists only while the nomination
 * holds an active endorsement; its unique index makes a second active endorsement of one
 * candidate in one race impossible, however many staff endorse at the same moment. The
 * indexes are {@link NominationStore}'s to declare.
 */
@Document(NominationDocument.COLLECTION)
public class NominationDocument implements HasOutbox {

	static final String COLLECTION = "nominations";

	@Id
	private String id;

	@Version
	private Long version;

	private NominationStatus status;

	private CandidateEntry candidate;

	private String candidateId;

	private BallotPosition ballotMeasure;

	private RaceEntry race;

	/** The election year, kept beside the race to filter and index by. */
	private int cycle;

	private NominatorEntry nominatedBy;

	private String statement;

	private Instant submittedAt;

	private String slateId;

	private ReviewEntry review;

	private Hold hold;

	private Research research;

	private Recommendation recommendation;

	private ChapterForm chapterForm;

	private Closure closure;

	private CandidateQuestionnaire questionnaire;

	private DecisionEntry decision;

	private EndorsementEntry endorsement;

	private String activeEndorsementKey;

	/**
	 * When the candidate's personal data was erased from this nomination; {@code null}
	 * unless. An erased nomination is never taken for an earlier endorsement of someone
	 * nominated later (a re-endorsement).
	 */
	private Instant candidateErasedAt;

	private List<OutboxEvent> outbox = new ArrayList<>();

	NominationDocument() {
	}

	static NominationDocument of(Nomination nomination) {
		NominationDocument document = new NominationDocument();
		document.id = nomination.id();
		document.candidate = (nomination.candidate() != null) ? CandidateEntry.of(nomination.candidate()) : null;
		document.candidateId = nomination.candidateId();
		document.ballotMeasure = nomination.ballotPosition();
		document.race = RaceEntry.of(nomination.race());
		document.cycle = nomination.race().cycle();
		document.statement = nomination.statement();
		document.submittedAt = nomination.submittedAt();
		document.slateId = nomination.slateId();
		document.update(nomination);
		return document;
	}

	/**
	 * Copies what commands change; what a nomination was submitted with never changes
	 * (but a chapter's form may attribute it to the chapter).
	 */
	void update(Nomination nomination) {
		this.status = nomination.status();
		this.nominatedBy = NominatorEntry.of(nomination.nominatedBy());
		this.review = ReviewEntry.of(nomination.review());
		this.hold = nomination.hold();
		this.research = nomination.research();
		this.recommendation = nomination.recommendation();
		this.chapterForm = nomination.chapterForm();
		this.closure = nomination.closure();
		this.questionnaire = nomination.questionnaire();
		this.decision = DecisionEntry.of(nomination.decision());
		this.endorsement = EndorsementEntry.of(nomination.endorsement());
		this.activeEndorsementKey = activeEndorsementKey(nomination);
	}

	/**
	 * The fields an erasure may change, each written in place ({@code $set}, or
	 * {@code $unset} when it became empty): never the status, the race, the ids, the
	 * version or the outbox.
	 */
	static final List<String> ERASABLE_FIELDS = List.of("candidate", "statement", "nominatedBy", "review", "hold",
			"research", "recommendation", "chapterForm", "closure", "questionnaire", "decision", "endorsement",
			"candidateErasedAt");

	/**
	 * A copy of this document holding the nomination as an erasure left it (what was
	 * submitted with it included, which no command changes); the outbox is not copied:
	 * the erasure writes in place and leaves pending events to the relay.
	 * @param candidateErasedAt when its candidate was erased, or {@code null} when not
	 */
	NominationDocument erasedTo(Nomination erased, Instant candidateErasedAt) {
		NominationDocument copy = new NominationDocument();
		copy.id = this.id;
		copy.version = this.version;
		copy.candidate = (erased.candidate() != null) ? CandidateEntry.of(erased.candidate()) : null;
		copy.candidateId = this.candidateId;
		copy.ballotMeasure = this.ballotMeasure;
		copy.race = this.race;
		copy.cycle = this.cycle;
		copy.statement = erased.statement();
		copy.submittedAt = this.submittedAt;
		copy.slateId = this.slateId;
		copy.update(erased);
		copy.candidateErasedAt = candidateErasedAt;
		return copy;
	}

	/**
	 * A copy of this document (as read) holding the nomination as a command left it; the
	 * outbox is not copied: the store pushes the command's events alone.
	 */
	NominationDocument changedTo(Nomination changed) {
		NominationDocument copy = new NominationDocument();
		copy.id = this.id;
		copy.version = this.version;
		copy.candidate = this.candidate;
		copy.candidateId = this.candidateId;
		copy.ballotMeasure = this.ballotMeasure;
		copy.race = this.race;
		copy.cycle = this.cycle;
		copy.statement = this.statement;
		copy.submittedAt = this.submittedAt;
		copy.slateId = this.slateId;
		copy.candidateErasedAt = this.candidateErasedAt;
		copy.update(changed);
		return copy;
	}

	/** One candidate (or one measure) holds at most one active endorsement per race. */
	static String activeEndorsementKey(Nomination nomination) {
		if (nomination.endorsement() == null || !nomination.endorsement().isActive()
				|| nomination.race().id() == null) {
			return null;
		}
		String who = (nomination.candidateId() != null) ? nomination.candidateId() : "ballot-measure";
		return who + "|" + nomination.race().id();
	}

	public Nomination toNomination() {
		Race race = this.race.toRace();
		return Nomination.restore(this.id, this.status, (this.candidate != null) ? this.candidate.toCandidate() : null,
				race, (this.nominatedBy != null) ? this.nominatedBy.toNominator() : null, this.statement,
				this.submittedAt, (this.review != null) ? this.review.toReview() : null,
				(this.decision != null) ? this.decision.toDecision() : null,
				(this.endorsement != null) ? this.endorsement.toEndorsement(race.stage()) : null,
				Nomination.Details.of(this.candidateId, this.ballotMeasure, this.slateId, this.hold, this.research,
						this.recommendation, this.chapterForm, this.closure, this.questionnaire));
	}

	public String getId() {
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

	public String getCandidateId() {
		return this.candidateId;
	}

	Instant getCandidateErasedAt() {
		return this.candidateErasedAt;
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
	 * instant, and so independent of any server's time zone. A copy of the race the
	 * nomination is for (races never change once stored).
	 */
	record RaceEntry(String office, RaceLevel level, String state, String district, String jurisdiction,
			String electionDate, String raceId, String ocdDivisionId, RaceStage stage, boolean ballotMeasure) {

		static RaceEntry of(Race race) {
			return new RaceEntry(race.office(), race.level(), race.state().code(), race.district(), race.jurisdiction(),
					race.electionDate().toString(), race.id(), race.ocdDivisionId(), race.stage(),
					race.ballotMeasure());
		}

		Race toRace() {
			return new Race(this.office, this.level, UsState.valueOf(this.state), this.district, this.jurisdiction,
					LocalDate.parse(this.electionDate), this.ocdDivisionId, this.stage, this.ballotMeasure,
					this.raceId);
		}

	}

	public record NominatorEntry(String name, String email, String chapterId) {

		public static NominatorEntry of(Nominator nominator) {
			return (nominator != null) ? new NominatorEntry(nominator.name(), nominator.email(), nominator.chapterId())
					: null;
		}

		public Nominator toNominator() {
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

	record DecisionEntry(Decision decision, String reason, Instant decidedAt, String decidedBy) {

		static DecisionEntry of(StaffDecision decision) {
			return (decision != null) ? new DecisionEntry(decision.decision(), decision.reason(), decision.decidedAt(),
					decision.decidedBy()) : null;
		}

		StaffDecision toDecision() {
			return new StaffDecision(this.decision, this.reason, this.decidedAt, this.decidedBy);
		}

	}

	/**
	 * The endorsement's id is unique across nominations and looked up directly (the
	 * public endorsement endpoints); the index is sparse since most nominations have
	 * none. {@code outcome} is the last outcome recorded, kept for queries and for
	 * endorsements stored before outcomes were kept per stage; {@code outcomeRecordedAt}
	 * when it was recorded, to list the latest results first; {@code announcement} the
	 * victory announcement, once published.
	 */
	record EndorsementEntry(String endorsementId, EndorsementStatus status, ElectionOutcome outcome,
			boolean reEndorsement, Instant endorsedAt, List<StageOutcome> outcomes, Rescission rescission,
			Instant outcomeRecordedAt, Announcement announcement) {

		static EndorsementEntry of(Endorsement endorsement) {
			return (endorsement != null) ? new EndorsementEntry(endorsement.id(), endorsement.status(),
					endorsement.outcome(), endorsement.reEndorsement(), endorsement.endorsedAt(),
					endorsement.outcomes(), endorsement.rescission(),
					endorsement.outcomes().isEmpty() ? null : endorsement.outcomes().getLast().recordedAt(),
					endorsement.announcement()) : null;
		}

		Endorsement toEndorsement(RaceStage raceStage) {
			List<StageOutcome> recorded = this.outcomes;
			if ((recorded == null || recorded.isEmpty()) && this.outcome != null) {
				recorded = List.of(new StageOutcome(raceStage, this.outcome, this.endorsedAt));
			}
			return new Endorsement(this.endorsementId, this.status, this.reEndorsement, this.endorsedAt, recorded,
					this.rescission, this.announcement);
		}

	}

}
