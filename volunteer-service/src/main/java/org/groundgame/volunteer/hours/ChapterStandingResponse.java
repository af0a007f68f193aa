package org.groundgame.volunteer.hours;

/** A chapter's place on the leaderboard. */
record ChapterStandingResponse(int rank, String chapterId, String name, String state, double hours, int volunteers,
		int shifts) {

	static ChapterStandingResponse of(Ranked<ChapterTally> ranked) {
		ChapterTally tally = ranked.entry();
		return new ChapterStandingResponse(ranked.rank(), tally.chapterId(), tally.name(), tally.state(), tally.hours(),
				tally.volunteers(), tally.shifts());
	}

}
