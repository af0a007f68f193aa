package org.groundgame.endorsement.race;

import java.time.LocalDate;

import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;

/**
 * A race as the API shows it. {@code id} is the race's own, shared by every nomination
 * for it.
 */
public record RaceView(String office, RaceLevel level, String state, String district, String jurisdiction,
		LocalDate electionDate, String id, String ocdDivisionId, RaceStage stage, boolean ballotMeasure, int cycle) {

	public static RaceView of(Race race) {
		return new RaceView(race.office(), race.level(), race.state().code(), race.district(), race.jurisdiction(),
				race.electionDate(), race.id(), race.ocdDivisionId(), race.stage(), race.ballotMeasure(), race.cycle());
	}

}
