package org.groundgame.notification.rule;

import java.util.Map;

import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.events.volunteer.AttendanceRecorded;
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
import org.groundgame.notification.preference.domain.EmailTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each e-mail to a person is about, which their e-mail preferences decide on: the
 * private links they asked for just now are transactional (never held back), the rest
 * topics they may leave.
 */
class EmailTopicsTests {

	private static final String MANAGE_URL = "http://localhost:8080/training/enrollments/enrollment-7#token=t";

	@Test
	void everyRuleThatWritesToAPersonSaysWhatAbout() {
		// These rules' topic does not depend on the event.
		Map<NotificationRule<?>, EmailTopic> topics = Map.ofEntries(
				Map.entry(NotificationRules.standard().of(ShiftSignupConfirmed.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(ShiftWaitlisted.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(ShiftSignupPromoted.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(ShiftSignupCancelled.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(ShiftReminderDue.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(AttendanceRecorded.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(ShiftCancelled.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(ShiftRescheduled.class), EmailTopic.SHIFTS),
				Map.entry(NotificationRules.standard().of(VolunteerSignedUp.class), EmailTopic.NEWS),
				Map.entry(NotificationRules.standard().of(SeatOffered.class), EmailTopic.TRAINING),
				Map.entry(NotificationRules.standard().of(OfferExpired.class), EmailTopic.TRAINING),
				Map.entry(NotificationRules.standard().of(VolunteerLinkIssued.class), EmailTopic.TRANSACTIONAL),
				Map.entry(NotificationRules.standard().of(VolunteerChangeRequested.class), EmailTopic.TRANSACTIONAL),
				Map.entry(NotificationRules.standard().of(QuestionnaireIssued.class), EmailTopic.TRANSACTIONAL),
				Map.entry(NotificationRules.standard().of(ManageLinkIssued.class), EmailTopic.TRANSACTIONAL));

		topics
			.forEach((rule, topic) -> assertThat(topicOf(rule)).as(rule.eventType().getSimpleName()).isEqualTo(topic));
	}

	@Test
	void theAnswerToAnApplicationWithItsManageLinkIsTransactionalAndASeatToldLaterIsTraining() {
		NotificationRule<TraineeEnrolled> enrolled = NotificationRules.standard().of(TraineeEnrolled.class);
		NotificationRule<TraineeWaitlisted> waitlisted = NotificationRules.standard().of(TraineeWaitlisted.class);

		assertThat(enrolled.emailTopic(enrolled(MANAGE_URL))).isEqualTo(EmailTopic.TRANSACTIONAL);
		assertThat(enrolled.emailTopic(enrolled(null))).isEqualTo(EmailTopic.TRAINING);
		assertThat(enrolled.emailTopic(enrolled("not a link"))).isEqualTo(EmailTopic.TRAINING);
		assertThat(waitlisted.emailTopic(waitlisted(MANAGE_URL))).isEqualTo(EmailTopic.TRANSACTIONAL);
		assertThat(waitlisted.emailTopic(waitlisted(null))).isEqualTo(EmailTopic.TRAINING);
	}

	@SuppressWarnings("unchecked")
	private static <E extends org.groundgame.events.DomainEvent> EmailTopic topicOf(NotificationRule<E> rule) {
		return rule.emailTopic(null);
	}

	private static TraineeEnrolled enrolled(String manageUrl) {
		return new TraineeEnrolled("event-7", CohortFixtures.NOW, "cohort-1", "enrollment-7", null, "Sam",
				"sam@example.org", CohortFixtures.doverCandidates(), manageUrl);
	}

	private static TraineeWaitlisted waitlisted(String manageUrl) {
		return new TraineeWaitlisted("event-7", CohortFixtures.NOW, "cohort-1", "enrollment-7", null, "Sam",
				"sam@example.org", 3, CohortFixtures.doverCandidates(), manageUrl);
	}

}
