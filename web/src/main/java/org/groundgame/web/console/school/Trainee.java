package org.groundgame.web.console.school;

import java.time.Instant;
import java.util.List;

/**
 * One enrollment on a cohort's roster, as campaign-training-service shows it to the
 * school's staff.
 *
 * @param status {@code ENROLLED}, {@code WAITLISTED}, {@code OFFERED}, {@code DECLINED},
 * {@code EXPIRED}, {@code WITHDRAWN}, {@code COMPLETED} or {@code DID_NOT_COMPLETE}
 * @param waitlistPosition the place in line, from 1, while waiting
 * @param offerExpiresAt until when an offered seat may be accepted
 * @param overrideReason why staff enrolled them out of turn, if they did
 * @param attended the sessions (from 1) they were recorded present at
 * @param erasedAt when their personal data was erased
 */
public record Trainee(String id, String cohortId, String status, Integer waitlistPosition, Instant offerExpiresAt,
		String name, String email, String state, String chapterId, boolean plansToRun, String office,
		List<String> answers, Instant appliedAt, String overrideReason, List<Integer> attended, Instant erasedAt,
		String language) {

	public Trainee {
		answers = (answers != null) ? answers : List.of();
		attended = (attended != null) ? attended : List.of();
	}

	/** Whether they hold a seat (their attendance is taken). */
	public boolean isSeated() {
		return "ENROLLED".equals(this.status);
	}

	public boolean isWaiting() {
		return "WAITLISTED".equals(this.status);
	}

	public boolean isOffered() {
		return "OFFERED".equals(this.status);
	}

	/**
	 * Whether staff may enroll them out of turn: they wait, or a seat is offered to them.
	 */
	public boolean mayBeEnrolledByStaff() {
		return isWaiting() || isOffered();
	}

	public boolean wasPresentAt(int session) {
		return this.attended.contains(session);
	}

	public boolean isErased() {
		return this.erasedAt != null;
	}

	/** The status as a style: {@code enrolled}, {@code waitlisted}, … */
	public String badge() {
		return (this.status != null) ? this.status.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : "";
	}

}
