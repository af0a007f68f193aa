package org.groundgame.notification.inbox.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every event type that notifies someone, each with its one rule. */
public final class NotificationRules {

	private final List<NotificationRule<?>> rules;

	public NotificationRules(List<NotificationRule<?>> rules) {
		Set<Class<?>> types = new HashSet<>();
		for (NotificationRule<?> rule : rules) {
			if (!types.add(rule.eventType())) {
				throw new IllegalArgumentException("Two rules for " + rule.eventType().getSimpleName());
			}
		}
		this.rules = List.copyOf(rules);
	}

	/**
	 * The rules of the platform; a new event type to notify of is added here.
	 * <p>
	 * Some events notify no one, on purpose: {@code ShiftScheduled} (a shift added to an
	 * opportunity) reaches volunteers through the opportunity, which chapters hear of
	 * when it opens or is published, and a shift added to a draft is not for volunteers
	 * yet; telling every chapter of the state of each shift would bury the opportunities
	 * under their shifts. Chapters' and volunteers' registrations and erasures feed the
	 * projections instead. Of the school's events, {@code TraineeApplied} is followed by
	 * {@code TraineeEnrolled} or {@code TraineeWaitlisted}, which tell the trainee, and a
	 * trainee who withdraws ({@code TraineeWithdrew}) or declines an offer
	 * ({@code OfferDeclined}) did so themselves (or through staff, who tell them).
	 */
	public static NotificationRules standard() {
		return new NotificationRules(List.of(new NominationSubmittedRule(), new QuestionnaireIssuedRule(),
				new QuestionnaireCompletedRule(), new NominationReviewStartedRule(), new EndorsementGrantedRule(),
				new EndorsementDeclinedRule(), new NominationWithdrawnRule(), new NominationExpiredRule(),
				new EndorsementRescindedRule(), new ElectionOutcomeRecordedRule(), new VictoryAnnouncedRule(),
				new VolunteerSignedUpRule(), new VolunteerUpdatedRule(), new VolunteerLinkIssuedRule(),
				new VolunteerChangeRequestedRule(), new OpportunityOpenedRule(), new OpportunityPublishedRule(),
				new ShiftSignupConfirmedRule(), new ShiftWaitlistedRule(), new ShiftSignupPromotedRule(),
				new ShiftSignupCancelledRule(), new ShiftReminderDueRule(), new AttendanceRecordedRule(),
				new ShiftCancelledRule(), new ShiftRescheduledRule(), new OpportunityCancelledRule(),
				new CohortOpenedRule(), new TraineeEnrolledRule(), new TraineeWaitlistedRule(), new SeatOfferedRule(),
				new OfferExpiredRule(), new TraineeGraduatedRule(), new GraduateRanForOfficeRule(),
				new ManageLinkIssuedRule(), new CohortAlertRequestedRule(), new CohortAlertDueRule()));
	}

	/** The rules for the events of one topic. */
	public List<NotificationRule<?>> on(String topic) {
		return this.rules.stream().filter((rule) -> rule.topic().equals(topic)).toList();
	}

	public List<NotificationRule<?>> all() {
		return this.rules;
	}

}
