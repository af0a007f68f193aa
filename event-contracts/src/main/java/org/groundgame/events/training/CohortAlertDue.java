package org.groundgame.events.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A cohort of the track someone asked about opened: they are e-mailed once, and their
 * alert is spent (campaign-training-service forgets the address). One event per alert,
 * whatever Kafka redelivers or however many instances react to the opening.
 * <p>
 * Personal data: {@code email} and {@code name}, for that e-mail. Consumers use them for
 * that e-mail only, never log them, and keep them no longer than the delivery needs;
 * {@link #toString()} leaves them out. Sealed with the alert's own key
 * ({@link #personalDataSubject()}: the alert).
 *
 * @param alertId the alert; the aggregate id and message key
 * @param track the track of the alert and of the cohort
 * @param language the language to write in, {@code en} or {@code es}
 * @param name how to greet them, or absent. Personal data.
 * @param email where to write. Personal data.
 * @param cohort the cohort that opened
 * @param applicationDeadline the last day to apply to it
 * @param sessions the dates of its sessions, in order
 * @param applyUrl the public page of the cohort, where to apply (not a secret)
 */
@EventType(value = "org.groundgame.training.CohortAlertDue.v1", topic = Topics.TRAINING,
		description = "A cohort of the track someone asked about opened: they are e-mailed once and their alert is spent.")
public record CohortAlertDue(String eventId, Instant occurredAt, String alertId, String track, String language,
		@PersonalData String name, @PersonalData String email, CohortSummary cohort, LocalDate applicationDeadline,
		List<LocalDate> sessions, String applyUrl) implements DomainEvent {

	/** Keyed by the alert. */
	@Override
	public String aggregateId() {
		return this.alertId;
	}

	/** Without the name and the address, so that logging an event leaks neither. */
	@Override
	public String toString() {
		return "CohortAlertDue[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", alertId="
				+ this.alertId + ", track=" + this.track + ", language=" + this.language + ", cohort=" + this.cohort
				+ ", applicationDeadline=" + this.applicationDeadline + "]";
	}

}
