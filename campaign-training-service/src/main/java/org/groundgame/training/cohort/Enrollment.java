package org.groundgame.training.cohort;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.groundgame.support.domain.IllegalStateChangeException;

/**
 * One person's application to one cohort, and where it stands.
 *
 * @param email normalized (stripped, lower case): one application per address per cohort;
 * {@code null} once erased
 * @param state the two-letter code of the US state the trainee lives in, if they gave it
 * @param sequence the arrival order in the cohort, from 1: the waitlist's order
 * @param offerExpiresAt when an open offer lapses ({@code OFFERED} only)
 * @param overrideReason why staff enrolled this trainee out of turn or over capacity
 * @param manageTokenHash the hash of the applicant's manage token (never the token)
 * @param offerTokenHash the hash of the token in the link of the latest seat offer, which
 * works as a manage token too
 * @param attended the sessions (numbered from 1) the trainee was recorded present at
 * @param erasedAt when the person's data was erased (the enrollment stays, anonymous)
 * @param linkResentAt when a repeated application last had a new manage link sent, or
 * {@code null}: the next is sent no sooner than {@link Cohort#LINK_RESEND_INTERVAL} after
 * @param language what the trainee is written to in (not personal data: it stays after
 * erasure)
 */
record Enrollment(String id, String name, String email, String state, String chapterId, boolean plansToRun,
		String office, List<String> answers, EnrollmentStatus status, long sequence, Instant appliedAt,
		Instant changedAt, Instant offerExpiresAt, String overrideReason, String manageTokenHash, String offerTokenHash,
		SortedSet<Integer> attended, Instant erasedAt, Instant linkResentAt, Language language) {

	Enrollment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		language = (language != null) ? language : Language.EN;
		answers = (answers != null) ? List.copyOf(answers) : List.of();
		attended = Collections.unmodifiableSortedSet((attended != null) ? new TreeSet<>(attended) : new TreeSet<>());
	}

	/**
	 * A new application: a seat at once ({@code ENROLLED}) or the end of the line
	 * ({@code WAITLISTED}), reached by the manage link holding this token's hash.
	 * @param sequence the arrival order in the cohort
	 * @throws IllegalArgumentException for any other status: an application is never
	 * anything else at first
	 */
	static Enrollment applied(String id, Applicant applicant, EnrollmentStatus status, long sequence, Instant now,
			String manageTokenHash) {
		if (status != EnrollmentStatus.ENROLLED && status != EnrollmentStatus.WAITLISTED) {
			throw new IllegalArgumentException("An application is enrolled or waitlisted at first, not " + status);
		}
		return new Enrollment(id, applicant.name(), applicant.email(), applicant.state(), applicant.chapterId(),
				applicant.plansToRun(), applicant.office(), applicant.answers(), status, sequence, now, now, null, null,
				manageTokenHash, null, null, null, null, applicant.language());
	}

	/**
	 * This enrollment in another status: an open offer's expiry goes, any reason staff
	 * gave stays.
	 * @throws IllegalStateChangeException when the status may not become {@code next}
	 */
	Enrollment becomes(EnrollmentStatus next, Instant now) {
		return transition(next, now, null, this.overrideReason, this.offerTokenHash);
	}

	/**
	 * This enrollment enrolled by staff, out of turn or over capacity, for that reason.
	 * @throws IllegalStateChangeException when the status may not become {@code ENROLLED}
	 */
	Enrollment enrolledByStaff(String reason, Instant now) {
		return transition(EnrollmentStatus.ENROLLED, now, null, reason, this.offerTokenHash);
	}

	/**
	 * This enrollment offered a seat until then, by a link holding this token's hash.
	 * @throws IllegalStateChangeException when the status may not become {@code OFFERED}
	 */
	Enrollment offered(Instant now, Instant expiresAt, String tokenHash) {
		return transition(EnrollmentStatus.OFFERED, now, expiresAt, this.overrideReason, tokenHash);
	}

	private Enrollment transition(EnrollmentStatus next, Instant now, Instant expiresAt, String reason,
			String tokenHash) {
		if (!this.status.mayBecome(next)) {
			throw new IllegalStateChangeException("An enrollment " + this.status + " cannot become " + next,
					this.status.name());
		}
		return new Enrollment(this.id, this.name, this.email, this.state, this.chapterId, this.plansToRun, this.office,
				this.answers, next, this.sequence, this.appliedAt, now, expiresAt, reason, this.manageTokenHash,
				tokenHash, this.attended, this.erasedAt, this.linkResentAt, this.language);
	}

	/**
	 * This enrollment reached by a new manage link, sent now: the token of the one sent
	 * before stops working.
	 */
	Enrollment withManageLinkResent(String tokenHash, Instant now) {
		return new Enrollment(this.id, this.name, this.email, this.state, this.chapterId, this.plansToRun, this.office,
				this.answers, this.status, this.sequence, this.appliedAt, this.changedAt, this.offerExpiresAt,
				this.overrideReason, tokenHash, this.offerTokenHash, this.attended, this.erasedAt, now, this.language);
	}

	/** This enrollment recorded present at a session, or not. */
	Enrollment attending(int session, boolean present) {
		TreeSet<Integer> sessions = new TreeSet<>(this.attended);
		if (present) {
			sessions.add(session);
		}
		else {
			sessions.remove(session);
		}
		return new Enrollment(this.id, this.name, this.email, this.state, this.chapterId, this.plansToRun, this.office,
				this.answers, this.status, this.sequence, this.appliedAt, this.changedAt, this.offerExpiresAt,
				this.overrideReason, this.manageTokenHash, this.offerTokenHash, sessions, this.erasedAt,
				this.linkResentAt, this.language);
	}

	/**
	 * This enrollment with nothing left that names the person: name, address, state,
	 * office, answers, and the tokens (no link works any more). Its status, place and
	 * attendance stay, so the cohort's counts remain true.
	 */
	Enrollment erased(Instant now) {
		return new Enrollment(this.id, null, null, null, this.chapterId, this.plansToRun, null, List.of(), this.status,
				this.sequence, this.appliedAt, this.changedAt, this.offerExpiresAt, null, null, null, this.attended,
				now, null, this.language);
	}

	boolean isErased() {
		return this.erasedAt != null;
	}

	/** Whether the trainee was recorded present at every one of that many sessions. */
	boolean attendedAll(int sessions) {
		for (int session = 1; session <= sessions; session++) {
			if (!this.attended.contains(session)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Who applies, as they gave it, checked and cleaned.
	 *
	 * @param email normalized (stripped, lower case)
	 * @param state the two-letter code of the US state they live in, if they gave it
	 * @param office the office they plan to run for, if they do
	 * @param answers their answers to the cohort's reflection questions, in order
	 * @param language what they are written to in ({@code null}: English)
	 */
	record Applicant(String name, String email, String state, String chapterId, boolean plansToRun, String office,
			List<String> answers, Language language) {

	}

}
