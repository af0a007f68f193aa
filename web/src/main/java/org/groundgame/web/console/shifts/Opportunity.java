package org.groundgame.web.console.shifts;

import java.time.Instant;
import java.util.List;

/**
 * An opportunity as volunteer-service gives it to its organizers, with its shifts soonest
 * first.
 */
public record Opportunity(String id, String title, String description, String type, String status, String state,
		String chapterId, String endorsementId, String raceId, String location, String virtualLink, Instant createdAt,
		Instant publishedAt, List<Shift> shifts) {

	public Opportunity {
		shifts = (shifts != null) ? shifts : List.of();
	}

	public boolean isDraft() {
		return "DRAFT".equals(this.status);
	}

	public boolean isCancelled() {
		return "CANCELLED".equals(this.status);
	}

	/** The volunteer team opened for an endorsed race, still to be filled with shifts. */
	public boolean isTeamToFill() {
		return isDraft() && this.endorsementId != null;
	}

	public long scheduledShifts() {
		return this.shifts.stream().filter(Shift::isScheduled).count();
	}

}
