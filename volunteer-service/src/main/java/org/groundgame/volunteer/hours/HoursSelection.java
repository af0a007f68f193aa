package org.groundgame.volunteer.hours;

import java.time.Instant;

import org.groundgame.support.domain.InvalidInputException;

/**
 * Which shifts a leaderboard counts: those of one race, one endorsement, starting in
 * {@code [from, to)}; each criterion optional.
 */
public record HoursSelection(String raceId, String endorsementId, Instant from, Instant to) {

	/**
	 * @throws InvalidInputException naming {@code to} when it is not after {@code from}
	 */
	public HoursSelection {
		raceId = blankToNull(raceId);
		endorsementId = blankToNull(endorsementId);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInputException("to", "must be after from");
		}
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
