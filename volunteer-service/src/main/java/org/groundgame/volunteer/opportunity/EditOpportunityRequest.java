package org.groundgame.volunteer.opportunity;

/**
 * The body of {@code PUT /api/opportunities/{id}}: what volunteers read of it. Its state,
 * chapter, endorsement and race never change, so the request has no such fields.
 */
record EditOpportunityRequest(String title, String description, String type, String location, String virtualLink) {

	Opportunity.Edit toEdit() {
		return new Opportunity.Edit(this.title, this.description, this.type, this.location, this.virtualLink);
	}

}
