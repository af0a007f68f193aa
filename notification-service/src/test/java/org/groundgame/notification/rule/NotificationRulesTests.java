package org.groundgame.notification.rule;

import java.util.List;

import org.groundgame.events.Topics;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementDeclined;
import org.groundgame.events.endorsement.EndorsementGranted;
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
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationRulesTests {

	@Test
	void endorsementEventsMembersOpportunitiesAndSignupsAreNotifiedOfAndChapterEventsAndShiftsAreNot() {
		NotificationRules rules = NotificationRules.standard();
		assertThat(rules.on(Topics.ENDORSEMENT)).<Class<?>>extracting(NotificationRule::eventType)
			.containsExactlyInAnyOrder(NominationSubmitted.class, QuestionnaireIssued.class,
					QuestionnaireCompleted.class, NominationReviewStarted.class, EndorsementGranted.class,
					EndorsementDeclined.class, NominationWithdrawn.class, NominationExpired.class,
					EndorsementRescinded.class, ElectionOutcomeRecorded.class, VictoryAnnounced.class);
		assertThat(rules.on(Topics.VOLUNTEER)).<Class<?>>extracting(NotificationRule::eventType)
			.containsExactlyInAnyOrder(VolunteerSignedUp.class, VolunteerUpdated.class, VolunteerLinkIssued.class,
					VolunteerChangeRequested.class, OpportunityOpened.class, OpportunityPublished.class,
					ShiftSignupConfirmed.class, ShiftWaitlisted.class, ShiftSignupPromoted.class,
					ShiftSignupCancelled.class, ShiftReminderDue.class, AttendanceRecorded.class, ShiftCancelled.class,
					ShiftRescheduled.class, OpportunityCancelled.class);
	}

	@Test
	void trainingEventsThatTellTraineesOrChaptersAreNotifiedOfAndTheApplicationAndWithdrawalsAreNot() {
		NotificationRules rules = NotificationRules.standard();
		assertThat(rules.on(Topics.TRAINING)).<Class<?>>extracting(NotificationRule::eventType)
			.containsExactlyInAnyOrder(CohortOpened.class, TraineeEnrolled.class, TraineeWaitlisted.class,
					SeatOffered.class, OfferExpired.class, TraineeGraduated.class, GraduateRanForOffice.class,
					ManageLinkIssued.class, CohortAlertRequested.class, CohortAlertDue.class);
	}

	@Test
	void eachEventTypeHasOneRule() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotificationRules(List.of(NotificationRules.standard().of(EndorsementGranted.class),
					NotificationRules.standard().of(EndorsementGranted.class))))
			.withMessageContaining("EndorsementGranted");
	}

}
