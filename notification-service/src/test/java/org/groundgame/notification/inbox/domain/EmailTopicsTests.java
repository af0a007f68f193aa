package org.groundgame.notification.inbox.domain;

import java.util.Map;

import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeWaitlisted;
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
				Map.entry(new ShiftSignupConfirmedRule(), EmailTopic.SHIFTS),
				Map.entry(new ShiftWaitlistedRule(), EmailTopic.SHIFTS),
				Map.entry(new ShiftSignupPromotedRule(), EmailTopic.SHIFTS),
				Map.entry(new ShiftSignupCancelledRule(), EmailTopic.SHIFTS),
				Map.entry(new ShiftReminderDueRule(), EmailTopic.SHIFTS),
				Map.entry(new AttendanceRecordedRule(), EmailTopic.SHIFTS),
				Map.entry(new ShiftCancelledRule(), EmailTopic.SHIFTS),
				Map.entry(new ShiftRescheduledRule(), EmailTopic.SHIFTS),
				Map.entry(new VolunteerSignedUpRule(), EmailTopic.NEWS),
				Map.entry(new SeatOfferedRule(), EmailTopic.TRAINING),
				Map.entry(new OfferExpiredRule(), EmailTopic.TRAINING),
				Map.entry(new VolunteerLinkIssuedRule(), EmailTopic.TRANSACTIONAL),
				Map.entry(new VolunteerChangeRequestedRule(), EmailTopic.TRANSACTIONAL),
				Map.entry(new QuestionnaireIssuedRule(), EmailTopic.TRANSACTIONAL),
				Map.entry(new ManageLinkIssuedRule(), EmailTopic.TRANSACTIONAL));

		topics
			.forEach((rule, topic) -> assertThat(topicOf(rule)).as(rule.eventType().getSimpleName()).isEqualTo(topic));
	}

	@Test
	void theAnswerToAnApplicationWithItsManageLinkIsTransactionalAndASeatToldLaterIsTraining() {
		TraineeEnrolledRule enrolled = new TraineeEnrolledRule();
		TraineeWaitlistedRule waitlisted = new TraineeWaitlistedRule();

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
