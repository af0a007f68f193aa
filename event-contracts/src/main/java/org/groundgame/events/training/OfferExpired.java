package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A trainee did not accept an offered seat in time: the offer lapsed ({@code EXPIRED})
 * and the seat passes to the next in line.
 * <p>
 * Personal data: {@code name} and {@code email}, for the e-mail to the trainee (an
 * addressee, not a volunteer who consented to more). Consumers use them for that e-mail
 * only, never log them, and keep them no longer than the delivery needs;
 * {@link #toString()} leaves them out.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param name the name as the trainee gave it, to greet them by. Personal data.
 * @param email where to write to the trainee. Personal data.
 * @param language the trainee's language for what is written to them, {@code en} or
 * {@code es}; absent in events published before it was added (then {@code en}).
 */
@EventType(value = "org.groundgame.training.OfferExpired.v1", topic = Topics.TRAINING,
		description = "A seat offer lapsed unanswered; the seat passes to the next in line.")
public record OfferExpired(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
		@PersonalData String name, @PersonalData String email, CohortSummary cohort,
		String language) implements DomainEvent {

	public OfferExpired(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, CohortSummary cohort) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, cohort, null);
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
		return "OfferExpired[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", cohortId="
				+ this.cohortId + ", enrollmentId=" + this.enrollmentId + ", chapterId=" + this.chapterId + ", cohort="
				+ this.cohort + ", language=" + this.language + "]";
	}

}
