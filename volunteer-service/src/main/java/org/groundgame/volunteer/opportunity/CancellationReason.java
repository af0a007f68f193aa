package org.groundgame.volunteer.opportunity;

/**
 * Who cancelled a signup: the volunteer (with their manage token), the organizers (staff,
 * the organizing chapter or the volunteer's chapter), or the volunteer's erasure.
 */
enum CancellationReason {

	VOLUNTEER, ORGANIZER, ERASURE

}
