package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A trainee applied to a full cohort and waits in line, strictly first come first served;
 * a seat that frees up is offered to the first in line ({@link SeatOffered}).
 * <p>
 * Personal data: {@code name} and {@code email}, for the e-mail to the trainee (an
 * addressee, not a volunteer who consented to more). Consumers use them for that e-mail
 * only, never log them, and keep them no longer than the delivery needs;
 * {@link #toString()} leaves them out.
 * <p>
 * A secret: {@code manageUrl} holds the applicant's manage token
 * (campaign-training-service keeps only its hash). Its only use is the link in that
 * e-mail; never log it.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param name the name as the trainee gave it, to greet them by. Personal data.
 * @param email where to write to the trainee. Personal data.
 * @param position the trainee's place in line, from 1.
 * @param manageUrl a secret: the private link to see, withdraw or erase the application
 * (its token in the fragment); absent in events published before it was added.
 * @param language the trainee's language for what is written to them, {@code en} or
 * {@code es}; absent in events published before it was added (then {@code en}).
 */
@EventType(value = "org.groundgame.training.TraineeWaitlisted.v1", topic = Topics.TRAINING,
		description = "A trainee applied to a full cohort and is on its waitlist.")
public record TraineeWaitlisted(String eventId, Instant occurredAt, String cohortId, String enrollmentId,
		String chapterId, @PersonalData String name, @PersonalData String email, int position, CohortSummary cohort,
		@PersonalData String manageUrl, String language) implements DomainEvent {

	public TraineeWaitlisted(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, int position, CohortSummary cohort, String manageUrl) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, position, cohort, manageUrl, null);
	}

	public TraineeWaitlisted(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, int position, CohortSummary cohort) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, position, cohort, null, null);
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
		return "TraineeWaitlisted[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", cohortId="
				+ this.cohortId + ", enrollmentId=" + this.enrollmentId + ", chapterId=" + this.chapterId
				+ ", position=" + this.position + ", cohort=" + this.cohort + ", language=" + this.language + "]";
	}

}
