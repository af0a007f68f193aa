package org.groundgame.volunteer.volunteer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * The public answer to a one-step RSVP: what the shift offered it, the same whoever's
 * address was typed. No id, no token, no feed: the person's link reaches them by e-mail
 * only.
 *
 * @param status {@code REGISTERED} (a seat) or {@code WAITLISTED} (in line)
 * @param waitlistPosition the place in line from 1, only when waitlisted
 */
@JsonInclude(Include.NON_NULL)
record OneStepRsvpResponse(String shiftId, String status, Integer waitlistPosition) {

	static OneStepRsvpResponse of(VolunteerShifts.Place place) {
		return new OneStepRsvpResponse(place.shiftId(), place.offered(), place.offeredPosition());
	}

}
