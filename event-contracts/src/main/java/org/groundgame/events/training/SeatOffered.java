package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A seat freed in a cohort (a withdrawal, a declined or expired offer, more capacity) was
 * offered to the first trainee in line, who has until {@code expiresAt} to accept it at
 * {@code acceptUrl}; unanswered, the offer expires ({@link OfferExpired}) and passes to
 * the next in line.
 * <p>
 * Personal data: {@code name} and {@code email}, for the e-mail to the trainee (an
 * addressee, not a volunteer who consented to more). Consumers use them for that e-mail
 * only, never log them, and keep them no longer than the delivery needs;
 * {@link #toString()} leaves them out.
 * <p>
 * A secret: {@code acceptUrl} holds a capability token (campaign-training-service keeps
 * only its hash). Its only use is the link in that e-mail; never log it.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param name the name as the trainee gave it, to greet them by. Personal data.
 * @param email where to write to the trainee. Personal data.
 * @param expiresAt when the offer lapses unless accepted.
 * @param acceptUrl a secret: the private link to see, accept or decline the offer (its
 * token in the fragment; campaign-training-service keeps only its hash)
 * @param language the trainee's language for what is written to them, {@code en} or
 * {@code es}; absent in events published before it was added (then {@code en}).
 */
@EventType(value = "org.groundgame.training.SeatOffered.v1", topic = Topics.TRAINING,
		description = "A seat freed in a cohort was offered to the first trainee on its waitlist.")
public record SeatOffered(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
		@PersonalData String name, @PersonalData String email, Instant expiresAt, @PersonalData String acceptUrl,
		CohortSummary cohort, String language) implements DomainEvent {

	public SeatOffered(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, Instant expiresAt, String acceptUrl, CohortSummary cohort) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, expiresAt, acceptUrl, cohort, null);
	}

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

	/** The trainee's own key encrypts their personal data. */
	@Override
	public String personalDataSubject() {
		return this.enrollmentId;
	}

	/**
	 * Without the name and the e-mail address, so that logging an event leaks neither.
	 */
	@Override
	public String toString() {
		return "SeatOffered[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", cohortId=" + this.cohortId
				+ ", enrollmentId=" + this.enrollmentId + ", chapterId=" + this.chapterId + ", expiresAt="
				+ this.expiresAt + ", cohort=" + this.cohort + ", language=" + this.language + "]";
	}

}
