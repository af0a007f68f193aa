package org.groundgame.events.volunteer;

import java.time.Instant;

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
 */
@EventType(value = "org.groundgame.volunteer.VolunteerChangeRequested.v1", topic = Topics.VOLUNTEER,
		description = "A sign-up again with a volunteer's address awaits their confirmation by e-mail.")
public record VolunteerChangeRequested(String eventId, Instant occurredAt, String volunteerId,
		@PersonalData String name, @PersonalData String email, @PersonalData String confirmUrl,
		Instant expiresAt) implements DomainEvent {

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
				+ this.volunteerId + ", expiresAt=" + this.expiresAt + "]";
	}

}
