package org.groundgame.events.endorsement;

import java.time.LocalDate;

/**
 * What consumers need to know of a race: enough to target chapters by state and to tell
 * people what the race is. {@code level} is {@code FEDERAL}, {@code STATE} or
 * {@code LOCAL}; readers must tolerate values they do not know yet.
 */
public record RaceSummary(String office, String level, String state, String district, String jurisdiction,
		LocalDate electionDate) {
}
