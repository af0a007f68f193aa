package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * Someone asked to be told when the next cohort of a track opens ("tell me when the next
 * cohort opens"): the address given is sent a confirmation with the private link that
 * stops the alert. Asking again with the same address and track changes nothing of the
 * alert (whoever asks may not own the address) and sends its owner a new link, which
 * replaces the one sent before ({@code repeated}); the public answer is the same either
 * way, so only the owner of the address learns that it had asked.
 * <p>
 * Personal data: {@code email} and {@code name}, for the confirmation. Consumers use them
 * for that e-mail only, never log them, and keep them no longer than the delivery needs;
 * {@link #toString()} leaves them out. Sealed with the alert's own key
 * ({@link #personalDataSubject()}: the alert).
 * <p>
 * A secret: {@code cancelUrl} holds the alert's token (campaign-training-service keeps
 * only its hash). Its only use is the link in that e-mail; never log it.
 *
 * @param alertId the alert (one address, one track); the aggregate id and message key
 * @param track {@code CANDIDATE}, {@code CAMPAIGN_MANAGER} or {@code ORGANIZER}; tolerate
 * values not listed yet
 * @param language the language to write in, {@code en} or {@code es}
 * @param name how to greet them, or absent. Personal data.
 * @param email where to write. Personal data.
 * @param cancelUrl a secret: the private link that shows and stops the alert, its token
 * in the fragment
 * @param repeated whether the address had asked already (a new link, replacing the old)
 */
@EventType(value = "org.groundgame.training.CohortAlertRequested.v1", topic = Topics.TRAINING,
		description = "Someone asked to be e-mailed when the next cohort of a track opens; they are sent the link that stops it.")
public record CohortAlertRequested(String eventId, Instant occurredAt, String alertId, String track, String language,
		@PersonalData String name, @PersonalData String email, @PersonalData String cancelUrl,
		boolean repeated) implements DomainEvent {

	/** Keyed by the alert. */
	@Override
	public String aggregateId() {
		return this.alertId;
	}

	/**
	 * Without the name, the address and the link, so that logging an event leaks none of
	 * them.
	 */
	@Override
	public String toString() {
		return "CohortAlertRequested[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", alertId="
				+ this.alertId + ", track=" + this.track + ", language=" + this.language + ", repeated=" + this.repeated
				+ "]";
	}

}
