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
	 * This enrollment in another status.
	 * @throws IllegalStateChangeException when the status may not become {@code next}
	 */
	Enrollment becomes(EnrollmentStatus next, Instant now, Instant expiresAt, String reason) {
		if (!this.status.mayBecome(next)) {
			throw new IllegalStateChangeException("An enrollment " + this.status + " cannot become " + next,
					this.status.name());
		}
		return new Enrollment(this.id, this.name, this.email, this.state, this.chapterId, this.plansToRun, this.office,
				this.answers, next, this.sequence, this.appliedAt, now, expiresAt,
				(reason != null) ? reason : this.overrideReason, this.manageTokenHash, this.offerTokenHash,
				this.attended, this.erasedAt, this.linkResentAt, this.language);
	}

	/** This enrollment offered a seat until then, by a link holding this token's hash. */
	Enrollment offered(Instant now, Instant expiresAt, String tokenHash) {
		Enrollment offered = becomes(EnrollmentStatus.OFFERED, now, expiresAt, null);
		return new Enrollment(offered.id, offered.name, offered.email, offered.state, offered.chapterId,
				offered.plansToRun, offered.office, offered.answers, offered.status, offered.sequence,
				offered.appliedAt, offered.changedAt, offered.offerExpiresAt, offered.overrideReason,
				offered.manageTokenHash, tokenHash, offered.attended, offered.erasedAt, offered.linkResentAt,
				offered.language);
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

}
