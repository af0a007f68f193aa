package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * Someone applied again to a cohort with the address of an application it already has:
 * nothing of the application changed (whoever asked may not be its owner), and its owner
 * is sent a new private link to it at the address on file, which replaces the one sent
 * before. The public answer to the repeat is the same as to a first application, so only
 * the owner of the address learns that it had applied.
 * <p>
 * Personal data: {@code name} and {@code email} (as on file, never as the repeat gave
 * them), for the e-mail to the trainee. Consumers use them for that e-mail only, never
 * log them, and keep them no longer than the delivery needs; {@link #toString()} leaves
 * them out.
 * <p>
 * A secret: {@code manageUrl} holds the new manage token (campaign-training-service keeps
 * only its hash). Its only use is the link in that e-mail; never log it.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param name the name on file, to greet them by. Personal data.
 * @param email the address on file, where to write to the trainee. Personal data.
 * @param status where the application stands (ENROLLED, WAITLISTED, OFFERED, …).
 * @param manageUrl a secret: the new private link to see, withdraw or erase the
 * application, its token in the fragment.
 * @param language the trainee's language for what is written to them, {@code en} or
 * {@code es}; absent in events published before it was added (then {@code en}).
 */
@EventType(value = "org.groundgame.training.ManageLinkIssued.v1", topic = Topics.TRAINING,
		description = "An application was made again with its address: its owner is e-mailed a new private link to it.")
public record ManageLinkIssued(String eventId, Instant occurredAt, String cohortId, String enrollmentId,
		String chapterId, @PersonalData String name, @PersonalData String email, String status,
		@PersonalData String manageUrl, CohortSummary cohort, String language) implements DomainEvent {

	public ManageLinkIssued(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			String name, String email, String status, String manageUrl, CohortSummary cohort) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, name, email, status, manageUrl, cohort, null);
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
	 * Without the name, the address and the link, so that logging an event leaks none of
	 * them.
	 */
	@Override
	public String toString() {
		return "ManageLinkIssued[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", cohortId="
				+ this.cohortId + ", enrollmentId=" + this.enrollmentId + ", chapterId=" + this.chapterId + ", status="
				+ this.status + ", cohort=" + this.cohort + ", language=" + this.language + "]";
	}

}
