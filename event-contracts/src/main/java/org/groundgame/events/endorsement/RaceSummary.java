package org.groundgame.events.endorsement;

import java.time.LocalDate;

/**
 * What consumers need to know of a race: enough to target chapters by state and to tell
 * people what the race is. Readers must tolerate values they do not know yet in every
 * enumerated field, and fields they do not know at all.
 *
 * @param office the office, or for a ballot measure its title (e.g. "Amendment 3")
 * @param level {@code FEDERAL}, {@code STATE} or {@code LOCAL}
 * @param state the two-letter US state code
 * @param raceId the race's id in endorsement-service; every nomination for the race names
 * the same one
 * @param ocdDivisionId the Open Civic Data division the race is held in, e.g.
 * {@code ocd-division/country:us/state:mo/place:st_louis}
 * @param stage {@code PRIMARY}, {@code GENERAL}, {@code SPECIAL} or {@code RUNOFF}
 * @param cycle the election year
 * @param ballotMeasure whether the race is a ballot measure rather than a candidate race
 */
public record RaceSummary(String office, String level, String state, String district, String jurisdiction,
		LocalDate electionDate, String raceId, String ocdDivisionId, String stage, Integer cycle,
		boolean ballotMeasure) {

	/** A candidate race known only by what version 1 of the events first carried. */
	public RaceSummary(String office, String level, String state, String district, String jurisdiction,
			LocalDate electionDate) {
		this(office, level, state, district, jurisdiction, electionDate, null, null, null,
				(electionDate != null) ? electionDate.getYear() : null, false);
	}

}
