package org.groundgame.training.ladder;

/**
 * A volunteer as the ladder keeps them.
 *
 * @param emailKey their address as an e-mail key (personal data), or {@code null}
 * @param chapterId their chapter, or {@code null} for a volunteer without one
 * @param hours the hours of the shifts they attended, as last recorded
 * @param shifts how many shifts they attended
 */
record Volunteer(String volunteerId, String emailKey, String chapterId, double hours, int shifts) {

	/** The first rung: hours volunteered. */
	boolean volunteered() {
		return this.hours > 0;
	}

	@Override
	public String toString() {
		return "Volunteer[volunteerId=" + this.volunteerId + ", chapterId=" + this.chapterId + "]";
	}

}
