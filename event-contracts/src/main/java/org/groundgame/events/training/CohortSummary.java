package org.groundgame.events.training;

import java.time.LocalDate;

/**
 * What a trainee needs to know of a cohort: which one, when it starts, how and where it
 * meets. Carries nothing personal (a location is a meeting place).
 *
 * @param track {@code CANDIDATE}, {@code CAMPAIGN_MANAGER} or {@code ORGANIZER}; tolerate
 * values not listed yet
 * @param startsOn the date of the first session
 * @param format {@code IN_PERSON}, {@code ONLINE} or {@code HYBRID}; tolerate values not
 * listed yet
 * @param location where it meets, or "Online"
 */
public record CohortSummary(String cohortId, String name, String track, LocalDate startsOn, String format,
		String location) {

}
