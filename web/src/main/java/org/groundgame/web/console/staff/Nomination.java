package org.groundgame.web.console.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A nomination as endorsement-service shows it to national staff ({@code GET
 * /api/nominations/{id}}): the parts the console's pages use.
 */
public record Nomination(String id, String status, Candidate candidate, Race race, int cycle, Nominator nominatedBy,
		String statement, Instant submittedAt, String reviewer, Instant reviewStartedAt, String decision,
		String decisionReason, Instant decidedAt, String decidedBy, String endorsementId, String candidateId,
		BallotMeasure ballotMeasure, String slateId, Hold hold, Research research, Recommendation recommendation,
		ChapterForm chapterForm, Closure closure, Questionnaire questionnaire, List<String> missing, boolean complete) {

	private static final Set<String> PENDING = Set.of("SUBMITTED", "UNDER_REVIEW", "ON_HOLD");

	public Nomination {
		missing = (missing != null) ? missing : List.of();
	}

	/** Who or what is nominated: the candidate's name, or the measure's position. */
	public String nominee() {
		if (this.candidate != null) {
			return this.candidate.name();
		}
		return (this.ballotMeasure != null) ? this.ballotMeasure.name() : "";
	}

	public boolean isPending() {
		return PENDING.contains(this.status);
	}

	public boolean canStartReview() {
		return "SUBMITTED".equals(this.status);
	}

	public boolean canHold() {
		return "UNDER_REVIEW".equals(this.status);
	}

	public boolean canResume() {
		return "ON_HOLD".equals(this.status);
	}

	public boolean canRecommend() {
		return "UNDER_REVIEW".equals(this.status);
	}

	public boolean canDecide() {
		return "SUBMITTED".equals(this.status) || "UNDER_REVIEW".equals(this.status);
	}

	public record Candidate(String name, String email, String website) {
	}

	public record BallotMeasure(String title, String position, String name) {
	}

	public record Race(String office, String level, String state, String district, String jurisdiction,
			LocalDate electionDate, String stage) {
	}

	public record Nominator(String name, String email, String chapterId) {
	}

	public record Hold(String reason, String heldBy, Instant heldAt) {
	}

	public record Research(String incumbency, List<Opponent> opponents, List<Poll> polling, Fundraising fundraising,
			Long winNumber, String notes, String updatedBy, Instant updatedAt) {

		public Research {
			opponents = (opponents != null) ? opponents : List.of();
			polling = (polling != null) ? polling : List.of();
		}

	}

	public record Opponent(String name, String party, boolean incumbent) {
	}

	public record Poll(String pollster, LocalDate date, String numbers, String source) {
	}

	public record Fundraising(BigDecimal amount, LocalDate asOf, String source) {
	}

	public record Recommendation(String recommendation, String tier, String rationale, String recommendedBy,
			Instant recommendedAt) {
	}

	public record ChapterForm(String statement, LocalDate meetingDate, int votesFor, int votesAgainst, String chapterId,
			Instant filedAt) {
	}

	public record Closure(String reason, String closedBy, Instant closedAt) {
	}

	public record Questionnaire(Instant issuedAt, Instant expiresAt, Instant completedAt, List<Answer> answers) {

		public Questionnaire {
			answers = (answers != null) ? answers : List.of();
		}

	}

	public record Answer(String questionId, String questionText, String kind, String agreement, String text) {
	}

}
