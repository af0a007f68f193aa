package org.groundgame.training.cohort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.events.training.OfferDeclined;
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeApplied;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.events.training.TraineeWithdrew;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CohortTests {

	private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

	private static final OfferLinks LINKS = (id) -> new OfferLinks.Link(
			"https://groundgame.example/training/enrollments/" + id + "#token=t-" + id, "hash-of-t-" + id);

	private static final ZoneId ZONE = ZoneOffset.UTC;

	/** Every chapter is registered, as far as these tests go. */
	private static final Predicate<String> ANY_CHAPTER = (chapterId) -> true;

	private static final LocalDate MARCH_7 = LocalDate.of(2026, 3, 7);

	private static final List<LocalDate> SESSIONS = List.of(MARCH_7, MARCH_7.plusWeeks(1), MARCH_7.plusWeeks(2));

	@Test
	void aCohortOpensWithItsSessionsSeatsAndOfferHoursAndSaysSo() {
		Cohort.Opened opened = Cohort
			.open(Cohort.Plan.online(" Spring 2026 ", "candidate", SESSIONS, 20, LocalDate.of(2026, 2, 20))
				.withOfferHours(72)
				.withReflectionQuestions(List.of("Why do you want to run?")), NOW);

		Cohort cohort = opened.cohort();
		assertThat(cohort.name()).isEqualTo("Spring 2026");
		assertThat(cohort.track()).isEqualTo(Track.CANDIDATE);
		assertThat(cohort.startsOn()).isEqualTo(MARCH_7);
		assertThat(cohort.location()).isEqualTo("Online");
		assertThat(cohort.seatsLeft()).isEqualTo(20);
		assertThat(cohort.waitlistLength()).isZero();
		CohortOpened event = opened.event();
		assertThat(event.cohortId()).isEqualTo(cohort.id());
		assertThat(event.sessions()).isEqualTo(SESSIONS);
		assertThat(event.offerHours()).isEqualTo(72);
		assertThat(event.cohort().track()).isEqualTo("CANDIDATE");
	}

	@Test
	void anOfferStaysOpenTwoDaysUnlessToldOtherwise() {
		assertThat(cohort(1).offerHours()).isEqualTo(Cohort.DEFAULT_OFFER_HOURS);
	}

	@Test
	void everyFieldAtFaultIsNamedAtOnce() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Cohort
				.open(Cohort.Plan.online(" ", "MAYOR", List.of(MARCH_7.plusDays(1), MARCH_7), 0, MARCH_7)
					.meeting("IN_PERSON", null)
					.withOfferHours(0), NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("name", "track", "location", "sessions", "capacity", "offerHours"));
	}

	@Test
	void theApplicationDeadlineIsNotAfterTheFirstSession() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> Cohort.open(Cohort.Plan.online("Spring", "ORGANIZER", SESSIONS, 5, MARCH_7.plusDays(1)), NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("applicationDeadline"));
	}

	@Test
	void aOneDayIntensiveMayTakeApplicationsUntilItsDay() {
		Cohort intensive = Cohort
			.open(Cohort.Plan.online("Saturday intensive", "ORGANIZER", null, 5, MARCH_7).startingOn(MARCH_7), NOW)
			.cohort();

		assertThat(intensive.applicationDeadline()).isEqualTo(intensive.startsOn());
	}

	@Test
	void theApplicationDeadlineIsNotInThePast() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Cohort
				.open(Cohort.Plan.online("Spring", "ORGANIZER", SESSIONS, 5, LocalDate.of(2026, 1, 31)), NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("applicationDeadline"));
	}

	@Test
	void aStartDateAloneIsAOneSessionCohortAndMustBeTheFirstSessionWhenBothAreGiven() {
		Cohort single = Cohort
			.open(Cohort.Plan.online("Spring", "ORGANIZER", null, 5, MARCH_7.minusDays(7)).startingOn(MARCH_7), NOW)
			.cohort();
		assertThat(single.sessions()).containsExactly(MARCH_7);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Cohort.open(Cohort.Plan.online("Spring", "ORGANIZER", SESSIONS, 5, MARCH_7.minusDays(7))
				.startingOn(MARCH_7.plusDays(1)), NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("startsOn"));
	}

	@Test
	void applicantsTakeTheSeatsThenWaitInLineInArrivalOrder() {
		Cohort cohort = cohort(2);
		Cohort.Change first = cohort.apply(application("a"), ANY_CHAPTER, LINKS, NOW);
		Cohort.Change second = first.cohort().apply(application("b"), ANY_CHAPTER, LINKS, NOW);
		Cohort.Change third = second.cohort().apply(application("c"), ANY_CHAPTER, LINKS, NOW);
		Cohort.Change fourth = third.cohort().apply(application("d"), ANY_CHAPTER, LINKS, NOW);

		assertThat(List.of(first, second, third, fourth)).extracting((change) -> change.enrollment().status())
			.containsExactly(EnrollmentStatus.ENROLLED, EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED,
					EnrollmentStatus.WAITLISTED);
		assertThat(first.events()).hasExactlyElementsOfTypes(TraineeApplied.class, TraineeEnrolled.class);
		assertThat(fourth.events()).hasExactlyElementsOfTypes(TraineeApplied.class, TraineeWaitlisted.class);
		assertThat(((TraineeWaitlisted) fourth.events().get(1)).position()).isEqualTo(2);
		Cohort full = fourth.cohort();
		assertThat(full.seatsLeft()).isZero();
		assertThat(full.waitlistLength()).isEqualTo(2);
		assertThat(full.positionOf(third.enrollment().id())).isEqualTo(1);
	}

	@Test
	void applyingAgainWithTheSameAddressChangesNothingButSendsItsOwnerANewLink() {
		Cohort.Change first = cohort(2).apply(application("a"), ANY_CHAPTER, LINKS, NOW);
		OfferLinks newLinks = (id) -> new OfferLinks.Link(
				"https://groundgame.example/training/enrollments/" + id + "#token=new", "hash-of-new");

		Cohort.Change again = first.cohort()
			.apply(new Cohort.Application("A. Person", "  A@Example.ORG ", null, null, false, null, List.of("answer")),
					ANY_CHAPTER, newLinks, NOW.plusSeconds(60));

		Enrollment before = first.enrollment();
		Enrollment after = again.cohort().enrollment(before.id());
		assertThat(again.cohort().enrollments()).hasSize(1);
		assertThat(after).usingRecursiveComparison()
			.ignoringFields("manageTokenHash", "linkResentAt")
			.isEqualTo(before);
		assertThat(after.manageTokenHash()).isEqualTo("hash-of-new");
		assertThat(before.manageTokenHash()).isEqualTo("hash-of-t-" + before.id());
		assertThat(again.events()).singleElement().isInstanceOfSatisfying(ManageLinkIssued.class, (issued) -> {
			assertThat(issued.enrollmentId()).isEqualTo(before.id());
			assertThat(issued.name()).isEqualTo("Person a");
			assertThat(issued.email()).isEqualTo("a@example.org");
			assertThat(issued.status()).isEqualTo("ENROLLED");
			assertThat(issued.manageUrl()).endsWith("#token=new");
			assertThat(issued.toString()).doesNotContain("Person a")
				.doesNotContain("a@example.org")
				.doesNotContain("#token=");
		});
	}

	@Test
	void repeatsSoonAfterALinkWasResentSendNoOtherSoNobodyFillsTheOwnersMailbox() {
		Cohort.Change first = cohort(2).apply(application("a"), ANY_CHAPTER, LINKS, NOW);
		Cohort.Change resent = first.cohort().apply(application("a"), ANY_CHAPTER, LINKS, NOW.plusSeconds(1));
		Instant soonAfter = NOW.plusSeconds(1).plus(Cohort.LINK_RESEND_INTERVAL).minusSeconds(1);
		Instant later = NOW.plusSeconds(1).plus(Cohort.LINK_RESEND_INTERVAL);

		Cohort.Change quiet = resent.cohort().apply(application("a"), ANY_CHAPTER, LINKS, soonAfter);
		Cohort.Change again = quiet.cohort().apply(application("a"), ANY_CHAPTER, LINKS, later);

		assertThat(resent.events()).singleElement().isInstanceOf(ManageLinkIssued.class);
		assertThat(quiet.changed()).isFalse();
		assertThat(quiet.cohort()).isEqualTo(resent.cohort());
		assertThat(again.events()).singleElement().isInstanceOf(ManageLinkIssued.class);
		assertThat(again.cohort().enrollment(first.enrollment().id()).linkResentAt()).isEqualTo(later);
	}

	@Test
	void aFirstApplicationCarriesItsPrivateLinkForTheEmail() {
		Cohort.Change seated = cohort(1).apply(application("a"), ANY_CHAPTER, LINKS, NOW);
		Cohort.Change waiting = seated.cohort().apply(application("b"), ANY_CHAPTER, LINKS, NOW);

		String seatedId = seated.enrollment().id();
		String waitingId = waiting.enrollment().id();
		assertThat(((TraineeEnrolled) seated.events().get(1)).manageUrl()).endsWith("#token=t-" + seatedId);
		assertThat(((TraineeWaitlisted) waiting.events().get(1)).manageUrl()).endsWith("#token=t-" + waitingId);
		assertThat(seated.enrollment().manageTokenHash()).isEqualTo("hash-of-t-" + seatedId);
	}

	@Test
	void afterTheDeadlineARepeatIsRefusedAsAFirstApplicationIs() {
		Cohort.Change first = cohort(2).apply(application("a"), ANY_CHAPTER, LINKS, NOW);
		Instant afterDeadline = Instant.parse("2026-02-21T00:00:00Z");

		assertRefused(() -> first.cohort().apply(application("a"), ANY_CHAPTER, LINKS, afterDeadline), "CLOSED");
		assertRefused(() -> first.cohort().apply(application("z"), ANY_CHAPTER, LINKS, afterDeadline), "CLOSED");
	}

	@Test
	void anApplicationNamingAChapterThatIsNotRegisteredNamesTheField() {
		Cohort.Application naming = new Cohort.Application("Person c", "c@example.org", "MO", " chapter-x ", false,
				null, List.of("answer"));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> cohort(2).apply(naming, (id) -> false, LINKS, NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("chapterId"));
		assertThat(cohort(2).apply(naming, "chapter-x"::equals, LINKS, NOW).enrollment().chapterId())
			.isEqualTo("chapter-x");
	}

	@Test
	void aBadApplicationNamesEveryFieldAtFault() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> cohort(2).apply(
					new Cohort.Application("", "not-an-address", "ZZ", null, false, "Mayor", List.of()), ANY_CHAPTER,
					LINKS, NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("name", "email", "state", "office", "answers"));
	}

	@Test
	void noApplicationIsTakenAfterTheDeadline() {
		Instant afterDeadline = Instant.parse("2026-02-21T00:00:00Z");
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> cohort(2).apply(application("a"), ANY_CHAPTER, LINKS, afterDeadline));
	}

	@Test
	void aWithdrawalFreesASeatThatIsOfferedToTheFirstInLineForTheOfferHours() {
		Roster roster = roster(1, 3);
		String seated = roster.ids.get(0);

		Cohort.Change change = roster.cohort.withdraw(seated, NOW, LINKS);

		assertThat(change.enrollment().status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
		assertThat(change.events()).hasExactlyElementsOfTypes(TraineeWithdrew.class, SeatOffered.class);
		Enrollment offered = change.cohort().enrollment(roster.ids.get(1));
		assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
		assertThat(offered.offerExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
		SeatOffered event = (SeatOffered) change.events().get(1);
		assertThat(event.expiresAt()).isEqualTo(offered.offerExpiresAt());
		assertThat(event.acceptUrl()).endsWith("#token=t-" + offered.id());
		assertThat(offered.offerTokenHash()).isEqualTo("hash-of-t-" + offered.id());
		assertThat(change.cohort().positionOf(roster.ids.get(2))).isEqualTo(1);
		assertThat(change.cohort().seatsLeft()).isZero();
	}

	@Test
	void leavingTheLineOffersNothing() {
		Roster roster = roster(1, 3);

		Cohort.Change change = roster.cohort.withdraw(roster.ids.get(1), NOW, LINKS);

		assertThat(change.events()).hasExactlyElementsOfTypes(TraineeWithdrew.class);
		assertThat(change.cohort().positionOf(roster.ids.get(2))).isEqualTo(1);
	}

	@Test
	void anOfferAcceptedInTimeIsASeat() {
		Roster roster = roster(1, 3);
		Cohort offered = roster.withdrawFirst();
		String id = roster.ids.get(1);

		Cohort.Change change = offered.acceptOffer(id, NOW.plus(Duration.ofHours(47)));

		assertThat(change.enrollment().status()).isEqualTo(EnrollmentStatus.ENROLLED);
		assertThat(change.events()).hasExactlyElementsOfTypes(TraineeEnrolled.class);
	}

	@Test
	void anOfferCannotBeAcceptedOnceItsTimeIsUp() {
		Roster roster = roster(1, 3);
		Cohort offered = roster.withdrawFirst();
		String id = roster.ids.get(1);

		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> offered.acceptOffer(id, NOW.plus(Duration.ofHours(48))));
	}

	@Test
	void aDeclinedOfferGoesToTheNextInLine() {
		Roster roster = roster(1, 3);
		Cohort offered = roster.withdrawFirst();

		Cohort.Change change = offered.declineOffer(roster.ids.get(1), NOW, LINKS);

		assertThat(change.enrollment().status()).isEqualTo(EnrollmentStatus.DECLINED);
		assertThat(change.events()).hasExactlyElementsOfTypes(OfferDeclined.class, SeatOffered.class);
		assertThat(change.cohort().enrollment(roster.ids.get(2)).status()).isEqualTo(EnrollmentStatus.OFFERED);
	}

	@Test
	void anOfferThatLapsesGoesToTheNextInLineOnlyOnceItsTimeIsUp() {
		Roster roster = roster(1, 3);
		Cohort offered = roster.withdrawFirst();

		assertThat(offered.expireOffers(NOW.plus(Duration.ofHours(47)), LINKS).changed()).isFalse();
		Cohort.Change change = offered.expireOffers(NOW.plus(Duration.ofHours(48)), LINKS);

		assertThat(change.events()).hasExactlyElementsOfTypes(OfferExpired.class, SeatOffered.class);
		assertThat(change.cohort().enrollment(roster.ids.get(1)).status()).isEqualTo(EnrollmentStatus.EXPIRED);
		Enrollment next = change.cohort().enrollment(roster.ids.get(2));
		assertThat(next.status()).isEqualTo(EnrollmentStatus.OFFERED);
		assertThat(next.offerExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(96)));
	}

	@Test
	void moreSeatsAreOfferedToThoseInLineAndFewerTakeNoSeatFromAnyone() {
		Roster roster = roster(1, 3);

		Cohort.Change more = roster.cohort.changeCapacity(3, NOW, LINKS);
		assertThat(more.events()).hasExactlyElementsOfTypes(SeatOffered.class, SeatOffered.class);
		assertThat(more.cohort().waitlist()).extracting(Enrollment::id).containsExactly(roster.ids.get(3));

		Cohort.Change fewer = more.cohort().changeCapacity(1, NOW, LINKS);
		assertThat(fewer.changed()).isTrue();
		assertThat(fewer.events()).isEmpty();
		assertThat(fewer.cohort().seatsLeft()).isZero();
		assertThat(fewer.cohort().enrollment(roster.ids.get(1)).status()).isEqualTo(EnrollmentStatus.OFFERED);
	}

	@Test
	void staffMayEnrollSomeoneOutOfTurnAndOverCapacityWithAReason() {
		Roster roster = roster(1, 3);
		String last = roster.ids.get(3);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> roster.cohort.enrollByStaff(last, " ", NOW));
		Cohort.Change change = roster.cohort.enrollByStaff(last, "Running in the April special election", NOW);

		assertThat(change.enrollment().status()).isEqualTo(EnrollmentStatus.ENROLLED);
		assertThat(change.enrollment().overrideReason()).isEqualTo("Running in the April special election");
		assertThat(change.events()).hasExactlyElementsOfTypes(TraineeEnrolled.class);
		assertThat(change.cohort().seatsLeft()).isZero();
		assertThat(change.cohort().waitlist()).extracting(Enrollment::id)
			.containsExactly(roster.ids.get(1), roster.ids.get(2));
	}

	@Test
	void everyIllegalTransitionIsRefusedWithTheCurrentState() {
		Roster roster = roster(1, 1);
		String seated = roster.ids.get(0);
		String waiting = roster.ids.get(1);
		Cohort withdrawn = roster.cohort.withdraw(waiting, NOW, LINKS).cohort();

		assertRefused(() -> roster.cohort.acceptOffer(seated, NOW), "ENROLLED");
		assertRefused(() -> roster.cohort.declineOffer(waiting, NOW, LINKS), "WAITLISTED");
		assertRefused(() -> withdrawn.withdraw(waiting, NOW, LINKS), "WITHDRAWN");
		assertRefused(() -> withdrawn.enrollByStaff(waiting, "reason", NOW), "WITHDRAWN");
		assertRefused(() -> roster.cohort.enrollByStaff(seated, "reason", NOW), "ENROLLED");
	}

	@Test
	void theTransitionTableAllowsOnlyTheDocumentedMoves() {
		assertThat(allowed(EnrollmentStatus.WAITLISTED)).containsExactlyInAnyOrder(EnrollmentStatus.OFFERED,
				EnrollmentStatus.ENROLLED, EnrollmentStatus.WITHDRAWN);
		assertThat(allowed(EnrollmentStatus.OFFERED)).containsExactlyInAnyOrder(EnrollmentStatus.ENROLLED,
				EnrollmentStatus.DECLINED, EnrollmentStatus.EXPIRED, EnrollmentStatus.WITHDRAWN);
		assertThat(allowed(EnrollmentStatus.ENROLLED)).containsExactlyInAnyOrder(EnrollmentStatus.WITHDRAWN,
				EnrollmentStatus.COMPLETED, EnrollmentStatus.DID_NOT_COMPLETE);
		for (EnrollmentStatus end : List.of(EnrollmentStatus.DECLINED, EnrollmentStatus.EXPIRED,
				EnrollmentStatus.WITHDRAWN, EnrollmentStatus.COMPLETED, EnrollmentStatus.DID_NOT_COMPLETE)) {
			assertThat(allowed(end)).as("from %s", end).isEmpty();
		}
	}

	private static List<EnrollmentStatus> allowed(EnrollmentStatus from) {
		return java.util.Arrays.stream(EnrollmentStatus.values()).filter(from::mayBecome).toList();
	}

	@Test
	void attendanceIsTakenPerSessionAndRecordingItAgainReplacesIt() {
		Roster roster = roster(3, 0);
		Instant lastDay = lastSessionDay();

		Cohort first = roster.cohort().recordAttendance(1, roster.ids(), lastDay).cohort();
		Cohort corrected = first.recordAttendance(1, List.of(roster.ids().get(0)), lastDay).cohort();

		assertThat(corrected.attendanceTaken()).containsExactly(1);
		assertThat(corrected.enrollment(roster.ids().get(0)).attended()).containsExactly(1);
		assertThat(corrected.enrollment(roster.ids().get(1)).attended()).isEmpty();
	}

	@Test
	void attendanceIsNotTakenBeforeTheSessionsDay() {
		Roster roster = roster(1, 0);

		assertRefused(() -> roster.cohort().recordAttendance(2, roster.ids(), MARCH_7.atStartOfDay(ZONE).toInstant()),
				"NOT_YET_HELD");
	}

	@Test
	void attendanceNamesEveryoneListedWhoHoldsNoSeatAndASessionTheCohortDoesNotHave() {
		Roster roster = roster(1, 1);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> roster.cohort()
				.recordAttendance(1, List.of(roster.ids().get(0), roster.ids().get(1), "nobody"), lastSessionDay()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("present[1]", "present[2]"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> roster.cohort().recordAttendance(4, List.of(), lastSessionDay()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("session"));
	}

	@Test
	void aSessionTheCohortDoesNotHaveIsNamedWithEveryoneListedWhoHoldsNoSeat() {
		Roster roster = roster(1, 1);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> roster.cohort().recordAttendance(4, List.of(roster.ids().get(1), "nobody"), lastSessionDay()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("session", "present[0]", "present[1]"));
	}

	@Test
	void thosePresentAtEverySessionCompleteAndTheOthersDoNot() {
		Roster roster = roster(2, 1);
		String always = roster.ids().get(0);
		String missedOne = roster.ids().get(1);
		Cohort cohort = roster.cohort();
		for (int session = 1; session <= 3; session++) {
			cohort = cohort
				.recordAttendance(session, (session == 2) ? List.of(always) : List.of(always, missedOne),
						lastSessionDay())
				.cohort();
		}

		Cohort.Change completion = cohort.complete(null, lastSessionDay());

		Cohort completed = completion.cohort();
		assertThat(completed.isCompleted()).isTrue();
		assertThat(completed.enrollment(always).status()).isEqualTo(EnrollmentStatus.COMPLETED);
		assertThat(completed.enrollment(missedOne).status()).isEqualTo(EnrollmentStatus.DID_NOT_COMPLETE);
		assertThat(completed.enrollment(roster.ids().get(2)).status()).isEqualTo(EnrollmentStatus.WAITLISTED);
		assertThat(completion.events()).singleElement().isInstanceOfSatisfying(TraineeGraduated.class, (graduated) -> {
			assertThat(graduated.enrollmentId()).isEqualTo(always);
			assertThat(graduated.cohortId()).isEqualTo(completed.id());
		});
	}

	@Test
	void theGraduatesListedStandForTheAttendanceOfSessionsNotRecorded() {
		Roster roster = roster(3, 0);

		Cohort completed = roster.cohort().complete(List.of(roster.ids().get(2)), lastSessionDay()).cohort();

		assertThat(completed.enrollments()).extracting(Enrollment::status)
			.containsExactly(EnrollmentStatus.DID_NOT_COMPLETE, EnrollmentStatus.DID_NOT_COMPLETE,
					EnrollmentStatus.COMPLETED);
		assertThat(completed.attendanceTaken()).containsExactly(1, 2, 3);
	}

	@Test
	void aGraduateListedWhoMissedARecordedSessionIsAConflictAndNothingChanges() {
		Roster roster = roster(2, 0);
		Cohort cohort = roster.cohort().recordAttendance(1, List.of(roster.ids().get(0)), lastSessionDay()).cohort();

		assertRefused(() -> cohort.complete(roster.ids(), lastSessionDay()), "ATTENDANCE_DISAGREES");
		assertThat(cohort.isCompleted()).isFalse();
	}

	@Test
	void aCohortIsNotCompletedWithoutEverySessionsAttendanceNorBeforeItsLastDayNorTwice() {
		Roster roster = roster(1, 0);
		Cohort partly = roster.cohort().recordAttendance(1, roster.ids(), lastSessionDay()).cohort();

		assertRefused(() -> partly.complete(null, lastSessionDay()), "ATTENDANCE_MISSING");
		assertRefused(() -> roster.cohort().complete(roster.ids(), MARCH_7.atStartOfDay(ZONE).toInstant()),
				"NOT_YET_HELD");
		Cohort completed = roster.cohort().complete(roster.ids(), lastSessionDay()).cohort();
		assertRefused(() -> completed.complete(roster.ids(), lastSessionDay()), "COMPLETED");
		assertRefused(() -> completed.recordAttendance(1, roster.ids(), lastSessionDay()), "COMPLETED");
	}

	@Test
	void onceCompletedNoSeatIsOfferedAndNoOfferAccepted() {
		Roster roster = roster(1, 2);
		Cohort offered = roster.withdrawFirst();
		String offeredId = roster.ids().get(1);
		assertThat(offered.enrollment(offeredId).status()).isEqualTo(EnrollmentStatus.OFFERED);

		Cohort completed = offered.complete(List.of(), lastSessionDay()).cohort();

		assertRefused(() -> completed.acceptOffer(offeredId, lastSessionDay()), "COMPLETED");
		Cohort.Change declined = completed.declineOffer(offeredId, lastSessionDay(), LINKS);
		assertThat(declined.events()).noneMatch(SeatOffered.class::isInstance);
		assertThat(declined.cohort().enrollment(roster.ids().get(2)).status()).isEqualTo(EnrollmentStatus.WAITLISTED);
		assertRefused(() -> completed.changeCapacity(5, lastSessionDay(), LINKS), "COMPLETED");
	}

	@Test
	void erasingATraineeStillInTheRunningWithdrawsThemPassesTheirSeatOnAndLeavesNothingThatNamesThem() {
		Roster roster = roster(1, 1);
		String seated = roster.ids().get(0);

		Cohort.Change erasure = roster.cohort().erase(seated, NOW, LINKS);

		Enrollment erased = erasure.cohort().enrollment(seated);
		assertThat(erased.status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
		assertThat(erased.isErased()).isTrue();
		assertThat(erased.name()).isNull();
		assertThat(erased.email()).isNull();
		assertThat(erased.state()).isNull();
		assertThat(erased.office()).isNull();
		assertThat(erased.answers()).isEmpty();
		assertThat(erased.manageTokenHash()).isNull();
		assertThat(erasure.cohort().enrollment(roster.ids().get(1)).status()).isEqualTo(EnrollmentStatus.OFFERED);
		assertThat(erasure.events()).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("TraineeWithdrew", "SeatOffered", "TraineeErased");
		assertThat(erasure.cohort().erase(seated, NOW, LINKS).changed()).isFalse();
	}

	@Test
	void aGraduateErasedStaysAGraduateWithoutAName() {
		Roster roster = roster(1, 0);
		Cohort completed = roster.cohort().complete(roster.ids(), lastSessionDay()).cohort();

		Cohort erased = completed.erase(roster.ids().get(0), lastSessionDay(), LINKS).cohort();

		assertThat(erased.enrollment(roster.ids().get(0)).status()).isEqualTo(EnrollmentStatus.COMPLETED);
		assertThat(erased.enrollment(roster.ids().get(0)).name()).isNull();
	}

	@Test
	void anApplicantsStateIsKeptAsItsCode() {
		Cohort.Change applied = cohort(1).apply(application("s"), ANY_CHAPTER, LINKS, NOW);

		assertThat(applied.enrollment().state()).isEqualTo("MO");
	}

	@Test
	void applicationsAreTakenUntilTheDeadlineAndNotOnceTheCohortIsCompleted() {
		Roster roster = roster(1, 0);
		Cohort completed = roster.cohort().complete(roster.ids(), lastSessionDay()).cohort();

		assertThat(roster.cohort().takesApplications(LocalDate.of(2026, 2, 20))).isTrue();
		assertThat(roster.cohort().takesApplications(LocalDate.of(2026, 2, 21))).isFalse();
		assertThat(completed.takesApplications(LocalDate.of(2026, 2, 1))).isFalse();
		assertThat(roster.cohort().endsOn()).isEqualTo(SESSIONS.get(2));
	}

	@Test
	void anApplicantsLanguageIsKeptAndCarriedToEveryMessageForThemEnglishUnlessTheyChoseSpanish() {
		Cohort.Application spanish = new Cohort.Application("Person e", "e@example.org", null, null, false, null,
				List.of("answer"), "ES");
		Cohort.Change seated = cohort(1).apply(spanish, ANY_CHAPTER, LINKS, NOW);
		Cohort.Change waiting = seated.cohort().apply(application("w"), ANY_CHAPTER, LINKS, NOW);
		Cohort.Change offered = waiting.cohort().withdraw(seated.enrollment().id(), NOW, LINKS);
		Cohort.Change again = waiting.cohort()
			.apply(new Cohort.Application("Person e", "e@example.org", null, null, false, null, List.of("answer"),
					"en"), ANY_CHAPTER, LINKS, NOW);

		assertThat(seated.enrollment().language()).isEqualTo(Language.ES);
		assertThat(seated.events()).extracting((event) -> ((TraineeApplied.class.isInstance(event))
				? ((TraineeApplied) event).language() : ((TraineeEnrolled) event).language()))
			.containsExactly("es", "es");
		assertThat(waiting.enrollment().language()).isEqualTo(Language.EN);
		assertThat(offered.events()).filteredOn(SeatOffered.class::isInstance)
			.extracting((event) -> ((SeatOffered) event).language())
			.containsExactly("en");
		// A repeat changes nothing, the language neither.
		assertThat(again.events()).hasExactlyElementsOfTypes(ManageLinkIssued.class);
		assertThat(((ManageLinkIssued) again.events().get(0)).language()).isEqualTo("es");
		assertThat(again.cohort().enrollment(seated.enrollment().id()).language()).isEqualTo(Language.ES);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> cohort(1).apply(
					new Cohort.Application("P", "p@example.org", null, null, false, null, List.of("answer"), "fr"),
					ANY_CHAPTER, LINKS, NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("language"));
	}

	private static Instant lastSessionDay() {
		return SESSIONS.get(SESSIONS.size() - 1).atTime(18, 0).atZone(ZONE).toInstant();
	}

	private static void assertRefused(Runnable change, String currentState) {
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(change::run)
			.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo(currentState));
	}

	private static Cohort cohort(int capacity) {
		return Cohort
			.open(Cohort.Plan.online("Spring 2026", "CANDIDATE", SESSIONS, capacity, LocalDate.of(2026, 2, 20))
				.meeting("HYBRID", "St. Louis, MO")
				.withReflectionQuestions(List.of("Why?")), NOW)
			.cohort();
	}

	private static Cohort.Application application(String who) {
		return new Cohort.Application("Person " + who, who + "@example.org", "mo", null, true, "City Council",
				List.of("answer"));
	}

	/**
	 * A cohort of these many seats, full, with these many waiting; ids in arrival order.
	 */
	private static Roster roster(int seats, int waiting) {
		Cohort cohort = cohort(seats);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < seats + waiting; i++) {
			Cohort.Change change = cohort.apply(application("p" + i), ANY_CHAPTER, LINKS, NOW);
			cohort = change.cohort();
			ids.add(change.enrollment().id());
		}
		return new Roster(cohort, ids);
	}

	private record Roster(Cohort cohort, List<String> ids) {

		/** The cohort after the first seated withdrew (the first in line is offered). */
		Cohort withdrawFirst() {
			return this.cohort.withdraw(this.ids.get(0), NOW, LINKS).cohort();
		}

	}

}
