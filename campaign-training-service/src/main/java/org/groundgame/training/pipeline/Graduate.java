package org.groundgame.training.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * A trainee who completed a cohort, as the pipeline keeps them: enough to recognise them
 * among nominees and to count them by cohort and track.
 *
 * @param startsOn the cohort's first session: only nominations from that day on count
 * (training before running)
 * @param emailKey the trainee's e-mail key; {@code null} once erased (personal data)
 * @param nameKey the trainee's {@link NameKeys name key}; {@code null} once erased
 * (personal data)
 * @param state the state the trainee gave, or {@code null}
 * @param nominations the nominations linked to them
 */
record Graduate(String enrollmentId, String cohortId, String cohortName, String track, LocalDate startsOn,
		String emailKey, String nameKey, String state, Set<String> nominations) {

	Graduate {
		nominations = (nominations != null) ? Set.copyOf(nominations) : Set.of();
	}

	/**
	 * Whether a candidacy is this graduate's: nominated on or after the cohort's first
	 * session, and the same person by e-mail key when both have one (an address decides:
	 * two namesakes in one state are told apart by it), else by name key and state.
	 */
	boolean matches(Candidacy candidacy) {
		if (!candidacy.submitted() || candidacy.submittedAt().isBefore(firstSession())) {
			return false;
		}
		if (this.emailKey != null && candidacy.emailKey() != null) {
			return this.emailKey.equals(candidacy.emailKey());
		}
		return this.nameKey != null && this.nameKey.equals(candidacy.nameKey()) && this.state != null
				&& this.state.equalsIgnoreCase(Objects.requireNonNullElse(candidacy.state(), ""));
	}

	boolean linkedTo(String nominationId) {
		return this.nominations.contains(nominationId);
	}

	/**
	 * Who this graduate is when people are counted once: their e-mail key, else (no
	 * address, or erased) the enrollment alone.
	 */
	String personKey() {
		return (this.emailKey != null) ? "email:" + this.emailKey : "enrollment:" + this.enrollmentId;
	}

	private Instant firstSession() {
		return this.startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	@Override
	public String toString() {
		return "Graduate[enrollmentId=" + this.enrollmentId + ", cohortId=" + this.cohortId + "]";
	}

}
