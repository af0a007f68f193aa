package org.groundgame.volunteer.hours;

/**
 * A volunteer's attended hours within a leaderboard's selection.
 *
 * @param name personal data: only for staff and the volunteer's chapter, {@code null}
 * otherwise and once erased
 * @param chapterId the chapter the hours counted for (the latest of them when several)
 * @param shifts how many shifts they attended
 */
public record VolunteerTally(String volunteerId, String name, String chapterId, double hours, int shifts) {

	/** The order among equal hours: more shifts, then by name, then by id. */
	static final java.util.Comparator<VolunteerTally> WITHIN_EQUAL_HOURS = java.util.Comparator
		.comparingInt(VolunteerTally::shifts)
		.reversed()
		.thenComparing(VolunteerTally::name, Leaderboard.byName())
		.thenComparing(VolunteerTally::volunteerId);

	@Override
	public String toString() {
		return "VolunteerTally[volunteerId=" + this.volunteerId + ", hours=" + this.hours + "]";
	}

}
