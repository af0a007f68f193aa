package org.groundgame.training.pipeline;

import java.time.Instant;

/**
 * A nomination for office, as far as the pipeline knows it. Its events come on different
 * keys (the nomination's, then the endorsement's), so any of them may be known first: a
 * candidacy whose {@code NominationSubmitted} has not arrived yet has no
 * {@code submittedAt} and matches no one.
 *
 * @param nameKey the candidate's name as a {@link NameKeys name key}; personal data
 * @param emailKey the candidate's e-mail key, or {@code null}; personal data
 * @param state the race's two-letter state
 * @param submittedAt when it was nominated; {@code null} while only later events are
 * known
 * @param endorsed whether an endorsement was granted
 * @param rescinded whether that endorsement was rescinded since
 * @param outcome the current (last recorded) outcome: {@code WON}, {@code LOST},
 * {@code ADVANCED}, or {@code null}
 * @param vouched whether a chapter nominated, staff took it up, or it was endorsed: a
 * nomination anyone made without a token says nothing of who runs until then
 */
record Candidacy(String nominationId, String nameKey, String emailKey, String state, Instant submittedAt,
		boolean endorsed, boolean rescinded, String outcome, boolean vouched) {

	static final String WON = "WON";

	/** Whether its nomination is known: only then can it be matched to a graduate. */
	boolean submitted() {
		return this.submittedAt != null;
	}

	/**
	 * Whether it may be linked to a graduate: known, and vouched for (else anyone could
	 * make a graduate "run" by nominating their address).
	 */
	boolean linkable() {
		return submitted() && this.vouched;
	}

	/** Whether it holds an endorsement now (granted and not rescinded). */
	boolean endorsedNow() {
		return this.endorsed && !this.rescinded;
	}

	boolean won() {
		return WON.equals(this.outcome);
	}

	@Override
	public String toString() {
		return "Candidacy[nominationId=" + this.nominationId + "]";
	}

}
