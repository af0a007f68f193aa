package org.groundgame.training.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * The pipeline's counts: in all (people counted once), per cohort and per track.
 */
record PipelineResponse(long trained, long ran, long endorsed, long won, List<CohortCounts> cohorts,
		List<TrackCounts> tracks) {

	static PipelineResponse of(PipelineReport report) {
		PipelineReport.Counts total = report.total();
		return new PipelineResponse(total.trained(), total.ran(), total.endorsed(), total.won(),
				report.cohorts()
					.stream()
					.map((row) -> new CohortCounts(row.cohortId(), row.name(), row.track(), row.startsOn(),
							row.counts().trained(), row.counts().ran(), row.counts().endorsed(), row.counts().won()))
					.toList(),
				report.tracks()
					.stream()
					.map((row) -> new TrackCounts(row.track(), row.counts().trained(), row.counts().ran(),
							row.counts().endorsed(), row.counts().won()))
					.toList());
	}

	record CohortCounts(String cohortId, String name, String track, LocalDate startsOn, long trained, long ran,
			long endorsed, long won) {
	}

	record TrackCounts(String track, long trained, long ran, long endorsed, long won) {
	}

}
