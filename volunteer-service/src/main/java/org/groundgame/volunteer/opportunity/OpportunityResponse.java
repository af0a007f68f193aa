package org.groundgame.volunteer.opportunity;

import java.time.Instant;
import java.util.List;

/** An opportunity as the API shows it, with its shifts, soonest first. */
record OpportunityResponse(String id, String title, String description, String type, String status, String state,
		String chapterId, String endorsementId, String raceId, String location, String virtualLink, Instant createdAt,
		Instant publishedAt, List<ShiftResponse> shifts) {

	static OpportunityResponse of(OpportunityService.Listed listed) {
		Opportunity opportunity = listed.opportunity();
		return new OpportunityResponse(opportunity.id(), opportunity.title(), opportunity.description(),
				opportunity.type().name(), opportunity.status().name(), opportunity.state().code(),
				opportunity.chapterId(), opportunity.endorsementId(), opportunity.raceId(), opportunity.location(),
				opportunity.virtualLink(), opportunity.createdAt(), opportunity.publishedAt(),
				listed.shifts().stream().map(ShiftResponse::of).toList());
	}

}
