package org.groundgame.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.events.endorsement.QuestionnaireCompleted;
import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortAlertRequested;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.events.training.OfferDeclined;
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeApplied;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.events.training.TraineeWithdrew;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftScheduled;
import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;

/**
 * Every event type of the published language, looked up by class or by CloudEvents type.
 * The AsyncAPI document ({@code asyncapi.yaml} beside these classes) is checked against
 * this catalog by the build, so the two cannot drift apart.
 */
public final class EventCatalog {

	private static final List<Class<? extends DomainEvent>> EVENTS = List.of(ChapterRegistered.class,
			ChapterUpdated.class, VolunteerSignedUp.class, VolunteerUpdated.class, VolunteerErased.class,
			VolunteerLinkIssued.class, VolunteerChangeRequested.class, OpportunityOpened.class,
			OpportunityPublished.class, ShiftScheduled.class, ShiftSignupConfirmed.class, ShiftWaitlisted.class,
			ShiftSignupPromoted.class, ShiftSignupCancelled.class, ShiftReminderDue.class, AttendanceRecorded.class,
			ShiftCancelled.class, ShiftRescheduled.class, OpportunityCancelled.class, NominationSubmitted.class,
			QuestionnaireIssued.class, QuestionnaireCompleted.class, NominationReviewStarted.class,
			EndorsementGranted.class, EndorsementDeclined.class, NominationWithdrawn.class, NominationExpired.class,
			EndorsementRescinded.class, ElectionOutcomeRecorded.class, VictoryAnnounced.class, CohortOpened.class,
			TraineeApplied.class, TraineeEnrolled.class, TraineeWaitlisted.class, SeatOffered.class, OfferExpired.class,
			OfferDeclined.class, TraineeWithdrew.class, TraineeGraduated.class, GraduateRanForOffice.class,
			TraineeErased.class, ManageLinkIssued.class, CohortAlertRequested.class, CohortAlertDue.class,
			CandidateErased.class);

	private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = new LinkedHashMap<>();

	static {
		for (Class<? extends DomainEvent> event : EVENTS) {
			Class<? extends DomainEvent> previous = BY_TYPE.put(typeOf(event), event);
			if (previous != null) {
				throw new IllegalStateException(
						"Two events share the type " + typeOf(event) + ": " + previous + " and " + event);
			}
		}
	}

	private EventCatalog() {
	}

	public static Collection<Class<? extends DomainEvent>> events() {
		return EVENTS;
	}

	public static Optional<Class<? extends DomainEvent>> classOf(String type) {
		return Optional.ofNullable(BY_TYPE.get(type));
	}

	public static String typeOf(Class<? extends DomainEvent> event) {
		return annotation(event).value();
	}

	public static String topicOf(Class<? extends DomainEvent> event) {
		return annotation(event).topic();
	}

	public static String descriptionOf(Class<? extends DomainEvent> event) {
		return annotation(event).description();
	}

	private static EventType annotation(Class<? extends DomainEvent> event) {
		EventType type = event.getAnnotation(EventType.class);
		if (type == null) {
			throw new IllegalArgumentException(event.getName() + " has no @EventType");
		}
		return type;
	}

}
