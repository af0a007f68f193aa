package org.groundgame.volunteer.opportunity;

/**
 * {@code DRAFT}: only its organizers see it (a team opened for an endorsement waits here
 * for its shifts); {@code OPEN}: volunteers see it and RSVP; {@code CANCELLED}: called
 * off.
 */
enum OpportunityStatus {

	DRAFT, OPEN, CANCELLED

}
