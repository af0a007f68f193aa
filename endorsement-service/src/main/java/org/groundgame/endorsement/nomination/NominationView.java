package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.groundgame.endorsement.nomination.domain.BallotPosition;
import org.groundgame.endorsement.nomination.domain.ChapterForm;
import org.groundgame.endorsement.nomination.domain.Closure;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.Hold;
import org.groundgame.endorsement.nomination.domain.MissingPiece;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.nomination.domain.Recommendation;
import org.groundgame.endorsement.nomination.domain.Research;
import org.groundgame.endorsement.race.RaceView;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.security.Caller;

/**
 * A nomination as staff and its chapter see it, contact details included. Review and
 * decision fields are {@code null} until they happen; {@code reviewerSubject} and
 * {@code decidedBy} are who the staff member's token said they were. {@code candidate} is
 * {@code null} for a ballot measure, {@code ballotMeasure} for a candidate. The
 * questionnaire's link is never shown: only the candidate has it. Staff's research and
 * recommendation are shown to staff only.
 */
public record NominationView(String id, NominationStatus status, CandidateView candidate, RaceView race, int cycle,
		NominatorView nominatedBy, String statement, Instant submittedAt, String reviewer, String reviewerSubject,
		Instant reviewStartedAt, Decision decision, String decisionReason, Instant decidedAt, String endorsementId,
		String candidateId, BallotMeasureView ballotMeasure, String slateId, String decidedBy, Hold hold,
		Research research, Recommendation recommendation, ChapterForm chapterForm, Closure closure,
		QuestionnaireView questionnaire, List<MissingPiece> missing, boolean complete) {

	static NominationView of(Nomination nomination) {
		return of(nomination, true);
	}

	/**
	 * @param forStaff whether the caller is staff: staff's own deliberation (research,
	 * recommendation) is theirs alone
	 */
	static NominationView of(Nomination nomination, boolean forStaff) {
		return of(nomination, forStaff, true);
	}

	/**
	 * A nomination as the answer to whoever submitted it. Without a token that is anyone:
	 * they get back what they sent and the ids of what they made, never the id of the
	 * candidate, which names a person (the same id for every nomination of them, and
	 * public once they are endorsed), so that the answer does not tell whether the
	 * address given was a known candidate's.
	 */
	public static NominationView submitted(Nomination nomination, Caller caller) {
		return of(nomination, caller.isStaff(), !caller.isAnonymous());
	}

	private static NominationView of(Nomination nomination, boolean forStaff, boolean withCandidateId) {
		Nominator nominator = nomination.nominatedBy();
		List<MissingPiece> missing = nomination.missing();
		return new NominationView(nomination.id(), nomination.status(),
				(nomination.candidate() != null) ? new CandidateView(nomination.candidate().name(),
						nomination.candidate().email(), nomination.candidate().website()) : null,
				RaceView.of(nomination.race()), nomination.race().cycle(),
				(nominator != null) ? new NominatorView(nominator.name(), nominator.email(), nominator.chapterId())
						: null,
				nomination.statement(), nomination.submittedAt(),
				(nomination.review() != null) ? nomination.review().reviewer() : null,
				(nomination.review() != null) ? nomination.review().reviewerSubject() : null,
				(nomination.review() != null) ? nomination.review().startedAt() : null,
				(nomination.decision() != null) ? nomination.decision().decision() : null,
				(nomination.decision() != null) ? nomination.decision().reason() : null,
				(nomination.decision() != null) ? nomination.decision().decidedAt() : null,
				(nomination.endorsement() != null) ? nomination.endorsement().id() : null,
				withCandidateId ? nomination.candidateId() : null, BallotMeasureView.of(nomination.ballotPosition()),
				nomination.slateId(), (nomination.decision() != null) ? nomination.decision().decidedBy() : null,
				nomination.hold(), forStaff ? nomination.research() : null,
				forStaff ? nomination.recommendation() : null, nomination.chapterForm(), nomination.closure(),
				QuestionnaireView.of(nomination.questionnaire()), missing, missing.isEmpty());
	}

	record CandidateView(String name, String email, String website) {
	}

	public record NominatorView(String name, String email, String chapterId) {
	}

	/**
	 * @param name how the position is named, e.g. "YES on Amendment 3"
	 */
	public record BallotMeasureView(String title, BallotPosition.Position position, String name) {

		public static BallotMeasureView of(BallotPosition position) {
			return (position != null) ? new BallotMeasureView(position.title(), position.position(), position.name())
					: null;
		}

	}

	/**
	 * Where the candidate's questionnaire stands, and the answers once given (with each
	 * question as it was asked).
	 */
	record QuestionnaireView(String email, Instant issuedAt, Instant expiresAt, Instant completedAt,
			List<CandidateQuestionnaire.Answer> answers) {

		static QuestionnaireView of(CandidateQuestionnaire questionnaire) {
			return (questionnaire != null) ? new QuestionnaireView(questionnaire.email(), questionnaire.issuedAt(),
					questionnaire.expiresAt(), questionnaire.completedAt(), questionnaire.answers()) : null;
		}

	}

}
