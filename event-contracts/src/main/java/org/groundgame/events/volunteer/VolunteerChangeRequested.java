package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * Someone signed up again with a known volunteer's e-mail address. Nothing changes until
 * the person follows the private link sent to that address ({@code confirmUrl}, single
 * use, until {@code expiresAt}); then {@link VolunteerUpdated} follows. The event carries
 * only what that e-mail needs: not the details asked for (whoever typed them may not be
 * the person), and the name the volunteer is already known by.
 * <p>
 * Personal data: {@code name} and {@code email}, for the confirmation e-mail to the
 * address that was typed (transactional: no consent is asked). A secret:
 * {@code confirmUrl} holds a capability token (volunteer-service keeps only its hash).
 * Never log them; keep them no longer than the delivery needs. {@link #toString()} leaves
 * them out.
 *
 * @param volunteerId the volunteer the change is for
 * @param name the name the volunteer is known by (not the one typed), to greet them.
 * Personal data.
 * @param email the volunteer's address, where the confirmation goes. Personal data.
 * @param confirmUrl a secret: the private link that confirms the change (its token in the
 * fragment)
 * @param expiresAt when the link stops working
 * @param language the language the volunteer is known to read ({@code en} or {@code es};
 * not the one typed), to write the e-mail in; {@code null} from earlier producers (read
 * it as {@code en}). Not personal data.
 * @param heldShifts the places on shifts held for the volunteer with this request (a
 * one-step RSVP with their address holds the seat or the place in line at once): the
 * e-mail tells the person, and that declining with the link ({@code DELETE
 * /api/volunteers/confirmations}) gives them up. Empty for a sign-up again, and from
 * earlier producers. Nothing personal.
 */
@EventType(value = "org.groundgame.volunteer.VolunteerChangeRequested.v1", topic = Topics.VOLUNTEER,
		description = "A sign-up again with a volunteer's address awaits their confirmation by e-mail.")
public record VolunteerChangeRequested(String eventId, Instant occurredAt, String volunteerId,
		@PersonalData String name, @PersonalData String email, @PersonalData String confirmUrl, Instant expiresAt,
		String language, List<HeldShift> heldShifts) implements DomainEvent {

	public VolunteerChangeRequested {
		heldShifts = (heldShifts != null) ? List.copyOf(heldShifts) : List.of();
	}

	/** A request as the event described it before it carried the language and places. */
	public VolunteerChangeRequested(String eventId, Instant occurredAt, String volunteerId, String name, String email,
			String confirmUrl, Instant expiresAt) {
		this(eventId, occurredAt, volunteerId, name, email, confirmUrl, expiresAt, null, List.of());
	}

	@Override
	public String aggregateId() {
		return this.volunteerId;
	}

	/**
	 * Without the name, the address and the link, so that logging an event leaks none.
	 */
	@Override
	public String toString() {
		return "VolunteerChangeRequested[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", volunteerId="
				+ this.volunteerId + ", expiresAt=" + this.expiresAt + ", language=" + this.language + ", heldShifts="
				+ this.heldShifts + "]";
	}

	/**
	 * A place on a shift held for the volunteer.
	 *
	 * @param status {@code REGISTERED} (a seat) or {@code WAITLISTED} (in line)
	 * @param waitlistPosition the place in line from 1 when waitlisted, else {@code null}
	 * @param shift when and where
	 */
	public record HeldShift(String shiftId, String status, Integer waitlistPosition, ShiftSummary shift) {

	}

}
