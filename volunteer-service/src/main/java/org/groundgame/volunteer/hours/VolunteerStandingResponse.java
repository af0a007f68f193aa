package org.groundgame.volunteer.hours;

/**
 * A volunteer's place on the leaderboard.
 *
 * @param name {@code null} when erased, or not the caller's to see
 */
record VolunteerStandingResponse(int rank, String volunteerId, String name, String chapterId, double hours,
		int shifts) {

	static VolunteerStandingResponse of(Ranked<VolunteerTally> ranked) {
		VolunteerTally tally = ranked.entry();
		return new VolunteerStandingResponse(ranked.rank(), tally.volunteerId(), tally.name(), tally.chapterId(),
				tally.hours(), tally.shifts());
	}

}
