package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A trainee has a seat in a cohort ({@code ENROLLED}): on applying while seats were left,
 * by accepting an offered seat, or enrolled by staff over capacity. The e-mail that tells
 * them so is written to {@code email}.
 * <p>
 * Personal data: {@code name} and {@code email}, for the e-mail to the trainee (an
 * addressee, not a volunteer who consented to more). Consumers use them for that e-mail
 * only, never log them, and keep them no longer than the delivery needs;
 * {@link #toString()} leaves them out.
 * <p>
 * A secret: {@code manageUrl}, present when the seat came with the application, holds the
 * applicant's manage token (campaign-training-service keeps only its hash). Its only use
 * is the link in that e-mail; never log it.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param name the name as the trainee gave it, to greet them by. Personal data.
 * @param email where to write to the trainee. Personal data.
 * @param manageUrl a secret: the private link to see, withdraw or erase the application
 * (its token in the fragment), when the seat came with the application; else absent.
 * @param language the trainee's language for what is written to them, {@code en} or
 * {@code es}; absent in events published before it was added (then {@code en}).
 */
@EventType(value = "org.groundgame.training.TraineeEnrolled.v1", topic = Topics.TRAINING,
		description = "A trainee has a seat in a cohort (ENROLLED).")
public record TraineeEnrolled(String eventId, Instant occurredAt, String cohortId, String enrollmentId,
		String chapterId, @PersonalData String name, @PersonalData String email, CohortSummary cohort,
		@PersonalData String manageUrl, String language) implements DomainEvent {

	public TraineeEnrolled(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, CohortSummary cohort, String manageUrl) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, cohort, manageUrl, null);
	}

	/** A seat that came after the application (an accepted offer, staff's override). */
	public TraineeEnrolled(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, CohortSummary cohort) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, cohort, null, null);
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
		return "TraineeEnrolled[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", cohortId="
				+ this.cohortId + ", enrollmentId=" + this.enrollmentId + ", chapterId=" + this.chapterId + ", cohort="
				+ this.cohort + ", language=" + this.language + "]";
	}

}
