package org.groundgame.notification.rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.groundgame.events.DomainEvent;
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
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.notification.subscription.domain.Topic;

import static org.groundgame.notification.rule.Rule.rule;

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
		return STANDARD;
	}

	private static final NotificationRules STANDARD = new NotificationRules(List.of(
			// A chapter that nominates a candidate gets an acknowledgement; a nomination
			// by an individual concerns no chapter. Every nomination goes to national
			// staff to review.
			rule(NominationSubmitted.class, Topic.NOMINATIONS)
				.audience(Audiences.chapter(NominationSubmitted::chapterId))
				.template(EndorsementNotices::nominationSubmitted)
				// National staff review every nomination, a chapter's or an individual's.
				.notifiesStaff()
				.staffTemplate(EndorsementNotices::nominationSubmittedToStaff),

			// The candidate gets their questionnaire: one e-mail, to the address the
			// event carries (a candidate is no volunteer: the people projection does not
			// know them), with the private link to answer it. It is transactional, the
			// reason the nominator gave the address, so no consent is asked. The link is
			// a secret and the address personal data: the message goes to the candidate
			// alone; chapters and staff hear nothing of it (they hear when the
			// questionnaire is answered, {@code QuestionnaireCompleted}).
			rule(QuestionnaireIssued.class, Topic.NOMINATIONS)
				// No chapter: the message is the candidate's alone.
				.audience(Audiences.none())
				// The candidate, at the event's address, when there is a link to send
				// them; without an address or a usable link there is nothing to send.
				.addressees(EndorsementNotices::questionnaireIssuedAddressees)
				// What the questionnaire is about, without the link: nobody but the
				// candidate is meant to read it, and nobody else is told ({@code
				// audience}).
				.template(EndorsementNotices::questionnaireIssued)
				// The same, with the private link to answer.
				.personal(EndorsementNotices::questionnaireIssuedToPerson)
				// The private link the person asked for just now: never held back.
				.emailTopic(EmailTopic.TRANSACTIONAL),

			// A candidate answered the questionnaire: staff can now weigh the answers in
			// their review, and the nominating chapter knows its nomination is complete
			// on that count. The answers stay in the nomination; the notice says only
			// that there are some.
			rule(QuestionnaireCompleted.class, Topic.NOMINATIONS)
				.audience(Audiences.chapter(QuestionnaireCompleted::nominatingChapterId))
				.template(EndorsementNotices::questionnaireCompleted)
				// Staff read the answers before they decide.
				.notifiesStaff()
				.staffTemplate(EndorsementNotices::questionnaireCompletedToStaff),

			// The nominating chapter hears that staff took up its nomination, so that it
			// knows the nomination is moving. Staff need no notice of what they did
			// themselves, and who reviews is theirs to know (the event names nobody).
			rule(NominationReviewStarted.class, Topic.NOMINATIONS)
				.audience(Audiences.chapter(NominationReviewStarted::nominatingChapterId))
				.template(EndorsementNotices::nominationReviewStarted),

			// An endorsement concerns the chapters of the race's state, which will
			// organize for the candidate (with the chapters that chose to hear of that
			// state), and the chapter that nominated the candidate, wherever it is. The
			// nominating chapter is told by its id even if its registration has not
			// reached this service yet (the chapters' topic and the endorsements' topic
			// are not ordered with each other). A position on a ballot measure is
			// endorsed like a candidate, and named as the position.
			rule(EndorsementGranted.class, Topic.ENDORSEMENTS)
				.audience(Audiences.nominatingChapterAndState(EndorsementGranted::nominatingChapterId,
						EndorsementGranted::race))
				.template(EndorsementNotices::endorsementGranted),

			// The nominating chapter hears that staff declined its nomination, with the
			// reason staff gave (which the event says the chapter may read). Nobody else
			// is told: a declined nomination is no news to the state's other chapters.
			rule(EndorsementDeclined.class, Topic.NOMINATIONS)
				.audience(Audiences.chapter(EndorsementDeclined::nominatingChapterId))
				.template(EndorsementNotices::endorsementDeclined),

			// A withdrawn nomination leaves staff's queue, so staff hear of it; the
			// nominating chapter hears too, whoever withdrew it (the chapter, or staff on
			// its behalf).
			rule(NominationWithdrawn.class, Topic.NOMINATIONS)
				.audience(Audiences.chapter(NominationWithdrawn::nominatingChapterId))
				.template(EndorsementNotices::nominationWithdrawn)
				.notifiesStaff()
				.staffTemplate(EndorsementNotices::nominationWithdrawnToStaff),

			// A nomination nobody decided on before its election expired: staff hear of
			// it (it left their queue undecided, which they may want to avoid next time)
			// and so does the nominating chapter.
			rule(NominationExpired.class, Topic.NOMINATIONS)
				.audience(Audiences.chapter(NominationExpired::nominatingChapterId))
				.template(EndorsementNotices::nominationExpired)
				.notifiesStaff()
				.staffTemplate(EndorsementNotices::nominationExpiredToStaff),

			// A rescinded endorsement concerns everyone the endorsement did ({@code
			// EndorsementGranted}): the chapters of the race's state, with those
			// following it, which may be organizing for the candidate under the
			// organization's name, and the nominating chapter. The reason is public, so
			// the notice gives it.
			rule(EndorsementRescinded.class, Topic.ENDORSEMENTS)
				.audience(Audiences.nominatingChapterAndState(EndorsementRescinded::nominatingChapterId,
						EndorsementRescinded::race))
				.template(EndorsementNotices::endorsementRescinded),

			// Everyone hears of victories: a candidate who won (or advanced to the next
			// stage) concerns the chapters of the race's state, with those following it,
			// and the chapter that nominated them. A loss concerns the nominating chapter
			// only. The notice says the stage (a primary won is not the office won) and,
			// for a ballot measure, whether the endorsed position prevailed.
			rule(ElectionOutcomeRecorded.class, Topic.OUTCOMES)
				.audience(EndorsementNotices::electionOutcomeRecordedAudience)
				.template(EndorsementNotices::electionOutcomeRecorded),

			// The organization's announcement of a victory, in staff's words, for the
			// same chapters as the victory itself ({@code ElectionOutcomeRecorded}): the
			// chapters of the race's state, with those following it, and the chapter that
			// nominated the candidate. The headline is the title and the message the
			// body, as staff wrote them.
			rule(VictoryAnnounced.class, Topic.OUTCOMES)
				.audience(Audiences.nominatingChapterAndState(VictoryAnnounced::nominatingChapterId,
						VictoryAnnounced::race))
				.template(EndorsementNotices::victoryAnnounced),

			// A chapter hears of each new member: the volunteer's chapter, by its id,
			// when the volunteer signs up for the first time. Signing up again (new
			// contact details or consent) is no news to the chapter, and a volunteer
			// without a chapter concerns none. The notice names the volunteer and nothing
			// more: their contact details stay in volunteer-service's member list, which
			// the chapter may read. The volunteer is welcomed by e-mail on their first
			// sign-up, if they consented to e-mail.
			rule(VolunteerSignedUp.class, Topic.VOLUNTEERS)
				.audience(Audiences.chapter(VolunteerSignedUp::chapterId).when(VolunteerSignedUp::firstSignUp))
				.template(VolunteerNotices::volunteerSignedUp)
				.people(VolunteerNotices::volunteerSignedUpPeople)
				.personal(VolunteerNotices::volunteerSignedUpToPerson)
				// The welcome, in Spanish for a volunteer who reads it.
				.personalIn(VolunteerNotices::volunteerSignedUpToPerson)
				// The volunteer's language, as the sign-up says it.
				.language((event) -> Language.told(event.language()))
				// The welcome to the team: news from the organization.
				.emailTopic(EmailTopic.NEWS),

			// A volunteer who moved to another chapter is a new member of it: that
			// chapter hears of them, by its id, as it would of a first sign-up ({@code
			// VolunteerSignedUp}). New contact details or consent are no news to any
			// chapter, and a volunteer who left their chapter for none concerns no
			// chapter. The notice names the volunteer and nothing more; the chapter they
			// left is not named either. The volunteer is not written to: which chapter
			// organizes them changes nothing they must do.
			rule(VolunteerUpdated.class, Topic.VOLUNTEERS)
				.audience(Audiences.chapter(VolunteerUpdated::chapterId).when(VolunteerUpdated::chapterChanged))
				.template(VolunteerNotices::volunteerUpdated),

			// A volunteer gets their private link (on their first sign-up, and again once
			// they confirmed a change of their details): one e-mail to the address the
			// event carries, with the link to RSVP and manage their signups as its button
			// and the address of their own calendar feed. It is transactional (why the
			// address was given: without it the volunteer cannot RSVP), so no consent is
			// asked. Both links are secrets and only the e-mail ({@code
			// personalTemplate}) carries them; no chapter, no staff, no inbox, no webhook
			// hears of it.
			rule(VolunteerLinkIssued.class, Topic.VOLUNTEERS)
				// No chapter: the message is the volunteer's alone.
				.audience(Audiences.none())
				// The volunteer, at the event's address, when there is a link to send
				// them.
				.addressees(VolunteerNotices::volunteerLinkIssuedAddressees)
				// What the message is, without either link.
				.template(VolunteerNotices::volunteerLinkIssued)
				// The same, with the private link as the button and the calendar feed's
				// address.
				.personal(VolunteerNotices::volunteerLinkIssuedToPerson)
				// The same in the volunteer's language.
				.personalIn(VolunteerNotices::volunteerLinkIssuedToPerson)
				// The volunteer's language, as the event says it.
				.language((event) -> Language.told(event.language()))
				// The private link the person asked for just now: never held back.
				.emailTopic(EmailTopic.TRANSACTIONAL),

			// Someone signed up again with a volunteer's address: the person is asked, at
			// that address, to confirm the change with a single-use link; nothing changes
			// until they do. Transactional (a confirmation to the address that was
			// typed), so no consent is asked. The message tells nothing of the details
			// asked for (whoever typed them may not be the person, and must not be able
			// to write to them through us), and the link is a secret that only the e-mail
			// ({@code personalTemplate}) carries.
			rule(VolunteerChangeRequested.class, Topic.VOLUNTEERS)
				// No chapter: the message is the volunteer's alone.
				.audience(Audiences.none())
				// The volunteer, at the event's address, when there is a link to send
				// them.
				.addressees(VolunteerNotices::volunteerChangeRequestedAddressees)
				// What the message is, without the link.
				.template(VolunteerNotices::volunteerChangeRequested)
				// The same, with the link that confirms the change.
				.personal(VolunteerNotices::volunteerChangeRequestedToPerson)
				// The same in the volunteer's language.
				.personalIn(VolunteerNotices::volunteerChangeRequestedToPerson)
				// The volunteer's language, as the event says it.
				.language((event) -> Language.told(event.language()))
				// The private link the person asked for just now: never held back.
				.emailTopic(EmailTopic.TRANSACTIONAL),

			// A volunteer opportunity opened. In draft (a volunteer team opened for an
			// endorsed race, or an opportunity its organizers are still filling) it
			// concerns only those who must fill it with shifts and publish it: the
			// organizing chapter, or national staff when no chapter organizes it. Open at
			// once, it concerns every chapter that can send volunteers: those of its
			// state, those following that state, and the organizing chapter. A status not
			// known yet concerns no one. The opportunity carries nothing personal.
			rule(OpportunityOpened.class, Topic.VOLUNTEERS).audience(ShiftNotices::opportunityOpenedAudience)
				.template(ShiftNotices::opportunityOpened)
				// A draft no chapter organizes is national staff's to fill.
				.notifiesStaffWhen((event) -> Opportunities.is(event.status(), ShiftNotices.DRAFT)
						&& !Races.hasText(event.chapterId()))
				.staffTemplate(ShiftNotices::opportunityOpenedToStaff),

			// A draft opportunity was published, so volunteers can sign up: every chapter
			// that can send volunteers hears of it, those of its state, those following
			// that state, and the organizing chapter. The opportunity carries nothing
			// personal.
			rule(OpportunityPublished.class, Topic.VOLUNTEERS).audience(ShiftNotices::opportunityPublishedAudience)
				.template(ShiftNotices::opportunityPublished),

			// A volunteer who signed up for a shift and has a seat on it is told so, with
			// when (on the clock of the shift's state), where, and the link to join a
			// virtual shift: by e-mail, if they consented to it. No chapter is told of
			// each signup (organizers read the roster).
			rule(ShiftSignupConfirmed.class, Topic.VOLUNTEERS)
				// No chapter: the volunteer alone is concerned.
				.audience(Audiences.none())
				.people((event) -> Shifts.volunteer(event.volunteerId()))
				.template(ShiftNotices::shiftSignupConfirmed)
				.personalIn(ShiftNotices::shiftSignupConfirmedToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// A volunteer who signed up for a full shift is told they are on its
			// waitlist, and their place in line: by e-mail, if they consented to it. The
			// seat that frees up goes to the first in line by itself ({@code
			// ShiftSignupPromoted} tells them).
			rule(ShiftWaitlisted.class, Topic.VOLUNTEERS)
				// No chapter: the volunteer alone is concerned.
				.audience(Audiences.none())
				.people((event) -> Shifts.volunteer(event.volunteerId()))
				.template(ShiftNotices::shiftWaitlisted)
				.personalIn(ShiftNotices::shiftWaitlistedToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// A seat freed on a full shift went to the first volunteer on its waitlist,
			// who now has it without doing anything: they are told at once, with when,
			// where and the link to join a virtual shift, by e-mail if they consented to
			// it.
			rule(ShiftSignupPromoted.class, Topic.VOLUNTEERS)
				// No chapter: the volunteer alone is concerned.
				.audience(Audiences.none())
				.people((event) -> Shifts.volunteer(event.volunteerId()))
				.template(ShiftNotices::shiftSignupPromoted)
				.personalIn(ShiftNotices::shiftSignupPromotedToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// A volunteer whose signup was cancelled is told so, by e-mail if they
			// consented to it: as the confirmation of what they asked ({@code
			// VOLUNTEER}), or as the news that the shift's organizers cancelled it
			// ({@code ORGANIZER}). A signup cancelled because the volunteer was erased
			// concerns no one (there is no one left to tell, and nothing here may
			// remember them), and neither does a reason not known yet.
			rule(ShiftSignupCancelled.class, Topic.VOLUNTEERS)
				// No chapter: the volunteer alone is concerned.
				.audience(Audiences.none())
				.people(ShiftNotices::shiftSignupCancelledPeople)
				.template(ShiftNotices::shiftSignupCancelled)
				.personalIn(ShiftNotices::shiftSignupCancelledToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// A volunteer with a seat on a shift is reminded of it the day before (or at
			// once, for a signup made later than that): when, on the clock of the shift's
			// state and counted from the reminder's day ({@code tomorrow}, {@code
			// today}), where, and the link to join a virtual shift; by e-mail, if they
			// consented to it.
			rule(ShiftReminderDue.class, Topic.VOLUNTEERS)
				// No chapter: the volunteer alone is concerned.
				.audience(Audiences.none())
				.people((event) -> Shifts.volunteer(event.volunteerId()))
				.template(ShiftNotices::shiftReminderDue)
				.personalIn(ShiftNotices::shiftReminderDueToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// A volunteer whom organizers recorded as having come to a shift is thanked,
			// with the hours recorded for them: by e-mail, if they consented to it. A
			// no-show is told nothing (organizers may follow up in person). A correction
			// of an earlier record is recorded again and thanks again with the hours as
			// they now are: the event does not say what was recorded before.
			rule(AttendanceRecorded.class, Topic.VOLUNTEERS)
				// No chapter: the volunteer alone is concerned.
				.audience(Audiences.none())
				.people((event) -> event.attended() ? Shifts.volunteer(event.volunteerId()) : Set.of())
				.template(ShiftNotices::attendanceRecorded)
				.personalIn(ShiftNotices::attendanceRecordedToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// The organizers called a shift off: every volunteer who held a seat or
			// waited in line is told, by e-mail if they consented to it, in their
			// language, with the organizers' reason; the organizing chapter's inbox keeps
			// a record of it (staff's, for a shift national staff organize). A shift
			// cancelled with its whole opportunity tells the volunteers only: the
			// opportunity's {@code OpportunityCancelled} tells the organizers once for
			// all its shifts. The event names the volunteers by id; their contact details
			// and consent are the people projection's.
			rule(ShiftCancelled.class, Topic.VOLUNTEERS).audience(ShiftNotices::shiftCancelledAudience)
				.notifiesStaffWhen(ShiftNotices::shiftCancelledNotifiesStaff)
				.people(ShiftNotices::shiftCancelledPeople)
				// What the organizers' inbox keeps: what was cancelled, why, and whom it
				// told.
				.template(ShiftNotices::shiftCancelled)
				.personal(ShiftNotices::shiftCancelledToPerson)
				.personalIn(ShiftNotices::shiftCancelledToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// The organizers moved a shift: every volunteer who holds a seat or waits in
			// line is told the new time and place (and the old), by e-mail if they
			// consented to it, in their language; their place stays and their calendar
			// feed shows the new time. The organizing chapter's inbox keeps a record of
			// it (staff's, for a shift national staff organize).
			rule(ShiftRescheduled.class, Topic.VOLUNTEERS).audience(ShiftNotices::shiftRescheduledAudience)
				.notifiesStaffWhen((event) -> event.shift() == null || !Races.hasText(event.shift().chapterId()))
				.people(ShiftNotices::shiftRescheduledPeople)
				.template(ShiftNotices::shiftRescheduled)
				.personal(ShiftNotices::shiftRescheduledToPerson)
				.personalIn(ShiftNotices::shiftRescheduledToPerson)
				// About the volunteer's shifts.
				.emailTopic(EmailTopic.SHIFTS),

			// The organizers cancelled an opportunity and its shifts not over yet: the
			// organizing chapter's inbox keeps one record of it (staff's, for national
			// staff's own); each shift's {@code ShiftCancelled} tells its volunteers.
			// Carries nothing personal.
			rule(OpportunityCancelled.class, Topic.VOLUNTEERS)
				.audience(Audiences.chapter(OpportunityCancelled::chapterId))
				.notifiesStaffWhen((event) -> !Races.hasText(event.chapterId()))
				.template(ShiftNotices::opportunityCancelled),

			// Chapters hear that a cohort of the school opened for applications, so that
			// they can encourage their members to apply: every chapter, whose
			// subscription to {@link Topic#TRAINING} then decides (a cohort belongs to no
			// state). The event carries nothing personal.
			rule(CohortOpened.class, Topic.TRAINING).audience(Audiences.allChapters())
				.template(TrainingNotices::cohortOpened),

			// A trainee who has a seat in a cohort (on applying, on accepting an offer,
			// or enrolled by staff) is told so, with when and where the cohort meets: one
			// e-mail, to the address the event carries (a trainee is no volunteer: the
			// people projection does not know them). It is transactional, the reason they
			// gave the address, so no consent is asked. The message is the trainee's
			// alone: their chapter hears nothing of it.
			rule(TraineeEnrolled.class, Topic.TRAINING)
				// No chapter: the message is the trainee's alone.
				.audience(Audiences.none())
				.addressees((event) -> Cohorts.trainee(event.enrollmentId(), event.email(), event.name()))
				.template(TrainingNotices::traineeEnrolled)
				// The same, with the private link to the application when the event comes
				// with the application (a secret: only the trainee's e-mail carries it).
				.personal(TrainingNotices::traineeEnrolledToPerson)
				// The answer to an application, with its private link, is transactional
				// (only this e-mail carries the link); told later (no link), it is
				// training news.
				.emailTopic((event) -> TrainingNotices.applicationAnswerTopic(event.manageUrl()))
				.personalIn(TrainingNotices::traineeEnrolledToPerson)
				// The trainee's language, as the event says it.
				.language((event) -> Language.told(event.language())),

			// A trainee who applied to a full cohort is told they are on its waitlist,
			// and their place in line: one e-mail to the address the event carries,
			// transactional like {@code TraineeEnrolled}. A seat that frees up is offered
			// to the first in line ({@code SeatOffered} tells them). Their chapter hears
			// nothing of it.
			rule(TraineeWaitlisted.class, Topic.TRAINING)
				// No chapter: the message is the trainee's alone.
				.audience(Audiences.none())
				.addressees((event) -> Cohorts.trainee(event.enrollmentId(), event.email(), event.name()))
				.template(TrainingNotices::traineeWaitlisted)
				// The same, with the private link to the application when the event comes
				// with the application (a secret: only the trainee's e-mail carries it).
				.personal(TrainingNotices::traineeWaitlistedToPerson)
				// The answer to an application, with its private link, is transactional
				// (only this e-mail carries the link); told later (no link), it is
				// training news.
				.emailTopic((event) -> TrainingNotices.applicationAnswerTopic(event.manageUrl()))
				.personalIn(TrainingNotices::traineeWaitlistedToPerson)
				// The trainee's language, as the event says it.
				.language((event) -> Language.told(event.language())),

			// The first trainee in line is offered a seat that freed up, until when to
			// accept it, and the private link to accept or decline: one e-mail to the
			// address the event carries, transactional like {@code TraineeEnrolled}. The
			// link is a secret (a capability) and the address personal data: the message
			// goes to the trainee alone, and only the e-mail ({@code personalTemplate})
			// carries the link.
			rule(SeatOffered.class, Topic.TRAINING)
				// No chapter: the message is the trainee's alone.
				.audience(Audiences.none())
				// The trainee, when there is a link to send them: an offer they cannot
				// accept is no use, and the offer expiring tells them it has gone.
				.addressees(TrainingNotices::seatOfferedAddressees)
				// What the offer is, without the link: nobody but the trainee is meant to
				// read it, and nobody else is told ({@code audience}).
				.template(TrainingNotices::seatOffered)
				// The same, with the private link to accept or decline.
				.personal(TrainingNotices::seatOfferedToPerson)
				// About the trainee's place in the school, which they may choose not to
				// hear of.
				.emailTopic(EmailTopic.TRAINING)
				.personalIn(TrainingNotices::seatOfferedToPerson)
				// The trainee's language, as the event says it.
				.language((event) -> Language.told(event.language())),

			// A trainee who let a seat offer lapse is told it has expired and the seat
			// has gone to the next in line, so that nobody tries a link that no longer
			// works: one e-mail to the address the event carries, transactional like
			// {@code TraineeEnrolled}. Their chapter hears nothing of it.
			rule(OfferExpired.class, Topic.TRAINING)
				// No chapter: the message is the trainee's alone.
				.audience(Audiences.none())
				.addressees((event) -> Cohorts.trainee(event.enrollmentId(), event.email(), event.name()))
				.template(TrainingNotices::offerExpired)
				// About the trainee's place in the school, which they may choose not to
				// hear of.
				.emailTopic(EmailTopic.TRAINING)
				.personalIn(TrainingNotices::offerExpiredToPerson)
				// The trainee's language, as the event says it.
				.language((event) -> Language.told(event.language())),

			// The chapter a trainee named hears that one of its members completed a
			// cohort of the school, by its id, when they named one. The event names no
			// one, and nor does the notice: the chapter knows its members, this service
			// does not tell who.
			rule(TraineeGraduated.class, Topic.TRAINING).audience(Audiences.chapter(TraineeGraduated::chapterId))
				.template(TrainingNotices::traineeGraduated),

			// The chapter a graduate of the school named hears that a graduate is running
			// for office (a nomination for them was matched to their enrollment), by its
			// id, when they named one. The event names no one, and nor does the notice:
			// only the race is told.
			rule(GraduateRanForOffice.class, Topic.TRAINING)
				.audience(Audiences.chapter(GraduateRanForOffice::chapterId))
				.template(TrainingNotices::graduateRanForOffice),

			// Someone applied again to a cohort with an address that had applied: its
			// owner (the address on file) is sent a new private link to their
			// application, transactional like {@code TraineeEnrolled}. Nothing of the
			// application changed, and the message says so, so that an owner who did not
			// ask knows that nothing happened in their name. The link is a secret: only
			// the e-mail ({@code personalTemplate}) carries it, and nobody else is told.
			rule(ManageLinkIssued.class, Topic.TRAINING)
				// No chapter: the message is the trainee's alone.
				.audience(Audiences.none())
				// The owner of the address, when there is a link to send them.
				.addressees(TrainingNotices::manageLinkIssuedAddressees)
				// What happened, without the link.
				.template(TrainingNotices::manageLinkIssued)
				// The same, with the new private link.
				.personal(TrainingNotices::manageLinkIssuedToPerson)
				// The private link the person asked for just now: never held back.
				.emailTopic(EmailTopic.TRANSACTIONAL)
				.personalIn(TrainingNotices::manageLinkIssuedToPerson)
				// The trainee's language, as the event says it.
				.language((event) -> Language.told(event.language())),

			// Someone asked to be told when the next cohort of a track opens: the address
			// given is sent a confirmation with the private link that stops the alert
			// (transactional: the confirmation is why the address was given), in the
			// language asked in. A repeat (the address had asked already) says that
			// nothing changed and that the new link replaces the old one. The link is a
			// secret: only this e-mail carries it, and nobody else is told.
			rule(CohortAlertRequested.class, Topic.TRAINING)
				// No chapter: the message is the person's alone.
				.audience(Audiences.none())
				// The owner of the address, when there is a link to stop the alert with.
				.addressees(TrainingNotices::cohortAlertRequestedAddressees)
				// What happened, without the link.
				.template(TrainingNotices::cohortAlertRequested)
				// The same, with the link that stops the alert.
				.personal(TrainingNotices::cohortAlertRequestedToPerson)
				// The language asked in, for the footer too.
				.language((event) -> Language.told(event.language())),

			// A cohort of the track someone asked about opened: they are e-mailed once,
			// in the language they asked in, with the cohort, its dates and where to
			// apply. The alert is spent (the school forgot the address) and the message
			// says so: there is nothing left to stop. No chapter, staff, inbox or webhook
			// hears of it (chapters hear of the cohort from {@code CohortOpened}).
			rule(CohortAlertDue.class, Topic.TRAINING)
				// No chapter: the message is the person's alone.
				.audience(Audiences.none())
				.addressees((event) -> CohortAlerts.owner(event.alertId(), event.email(), event.name()))
				.template(TrainingNotices::cohortAlertDue)
				// The same, with the cohort's page to apply on when there is one.
				.personal(TrainingNotices::cohortAlertDueToPerson)
				// The language asked in, for the footer too.
				.language((event) -> Language.told(event.language()))));

	/** The rules for the events of one topic. */
	public List<NotificationRule<?>> on(String topic) {
		return this.rules.stream().filter((rule) -> rule.topic().equals(topic)).toList();
	}

	/** The rule for one event type. */
	@SuppressWarnings("unchecked")
	public <E extends DomainEvent> NotificationRule<E> of(Class<E> eventType) {
		return this.rules.stream()
			.filter((rule) -> rule.eventType().equals(eventType))
			.map((rule) -> (NotificationRule<E>) rule)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No rule for " + eventType.getSimpleName()));
	}

	public List<NotificationRule<?>> all() {
		return this.rules;
	}

	/**
	 * Hands every event type of a topic that has a rule to what acts on it (the inbox,
	 * e-mail and webhooks), with its rule: the rules drive a feature's consumer, e.g.
	 * {@code rules.bind(topic, consumers.named(CONSUMER)::on, inbox::deliver)}.
	 * @param topic the topic the events travel on
	 * @param registration where each event type is registered with what to do with it
	 * @param effect what the feature does with an event and its rule
	 */
	public void bind(String topic, Registration registration, Effect effect) {
		for (NotificationRule<?> rule : on(topic)) {
			register(registration, rule, effect);
		}
	}

	private static <E extends DomainEvent> void register(Registration registration, NotificationRule<E> rule,
			Effect effect) {
		registration.on(rule.eventType(), (event) -> effect.apply(rule, event));
	}

	/** Where a feature registers what it does with each type of event. */
	public interface Registration {

		<E extends DomainEvent> void on(Class<E> type, Consumer<E> handler);

	}

	/** What a feature does with an event and the rule for its type. */
	public interface Effect {

		<E extends DomainEvent> void apply(NotificationRule<E> rule, E event);

	}

}
