package org.groundgame.volunteer.opportunity;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/opportunities}: what an organizer says about the work and
 * its first shifts. Every rule is checked by the domain ({@link Opportunity#open}), so
 * that one answer names every field at fault.
 *
 * @param draft {@code true} to keep it from volunteers until published
 */
record CreateOpportunityRequest(String title, String description, String type, String endorsementId, String chapterId,
		String state, String raceId, String location, String virtualLink, Boolean draft, List<ShiftRequest> shifts) {

	Opportunity.Plan toPlan() {
		List<Shift.Plan> plans = new ArrayList<>();
		if (this.shifts != null) {
			this.shifts.forEach((shift) -> plans.add((shift != null) ? shift.toPlan() : null));
		}
		return new Opportunity.Plan(this.title, this.description, this.type, this.state, this.chapterId,
				this.endorsementId, this.raceId, this.location, this.virtualLink, Boolean.TRUE.equals(this.draft),
				plans);
	}

}
