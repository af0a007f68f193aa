package org.groundgame.web.candidates;

import java.util.List;

/**
 * The results tally: in all, and per cycle and level.
 *
 * @param total every endorsement
 * @param byCycleAndLevel one line per cycle and level
 */
public record Results(Tally total, List<Tally> byCycleAndLevel) {

	public Results {
		total = (total != null) ? total : new Tally(null, null, 0, 0, 0, 0, 0, 0);
		byCycleAndLevel = (byCycleAndLevel != null) ? byCycleAndLevel : List.of();
	}

	/**
	 * @param cycle the cycle, or none for the total
	 * @param level the level, or none for the total
	 * @param endorsed how many endorsements
	 * @param won how many won their race
	 * @param lost how many lost
	 * @param advanced how many advanced to the next stage
	 * @param awaiting how many await a result
	 * @param elected how many people were elected ("helped elect N progressives")
	 */
	public record Tally(Integer cycle, String level, int endorsed, int won, int lost, int advanced, int awaiting,
			int elected) {

	}

}
