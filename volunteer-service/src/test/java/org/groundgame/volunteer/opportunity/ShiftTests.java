package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.groundgame.volunteer.opportunity.OpportunityTests.NOW;
import static org.groundgame.volunteer.opportunity.OpportunityTests.fields;

class ShiftTests {

	static Shift shift(int capacity) {
		return OpportunityTests.open(OpportunityTests.plan(false, OpportunityTests.shift(capacity)))
			.shifts()
			.get(0)
			.shift();
	}

	static Shift.Change rsvp(Shift shift, String volunteerId) {
		return shift.rsvp(volunteerId, "c-" + volunteerId, "hash-" + volunteerId, true, NOW);
	}

	/** A shift with these volunteers signed up in this order. */
	static Shift withRsvps(int capacity, String... volunteers) {
		Shift shift = shift(capacity);
		for (String volunteer : volunteers) {
			shift = rsvp(shift, volunteer).shift();
		}
		return shift;
	}

	static String signupOf(Shift shift, String volunteerId) {
		return shift.signupOf(volunteerId).orElseThrow().id();
	}

	@Test
	void anRsvpTakesASeatWhileOneIsLeft() {
		Shift.Change change = rsvp(shift(2), "ada");

		assertThat(change.signup().status()).isEqualTo(SignupStatus.REGISTERED);
		assertThat(change.signup().sequence()).isEqualTo(1);
		assertThat(change.signup().registeredAt()).isEqualTo(NOW);
		assertThat(change.signup().volunteerChapterId()).isEqualTo("c-ada");
		assertThat(change.signup().manageTokenHash()).isEqualTo("hash-ada");
		assertThat(change.shift().seatsLeft()).isEqualTo(1);
		assertThat(change.shift().nextSequence()).isEqualTo(2);
		assertThat(change.events()).singleElement().isInstanceOfSatisfying(ShiftSignupConfirmed.class, (event) -> {
			assertThat(event.signupId()).isEqualTo(change.signup().id());
			assertThat(event.volunteerId()).isEqualTo("ada");
			assertThat(event.shift().title()).isEqualTo("Canvass for Sarah Unsicker");
		});
	}

	@Test
	void aFullShiftPutsTheVolunteerInLineWithTheirPosition() {
		Shift full = withRsvps(1, "ada");

		Shift.Change first = rsvp(full, "grace");
		Shift.Change second = rsvp(first.shift(), "alan");

		assertThat(first.signup().status()).isEqualTo(SignupStatus.WAITLISTED);
		assertThat(first.signup().registeredAt()).isNull();
		assertThat(first.events()).singleElement()
			.isInstanceOfSatisfying(ShiftWaitlisted.class, (event) -> assertThat(event.position()).isEqualTo(1));
		assertThat(second.events()).singleElement()
			.isInstanceOfSatisfying(ShiftWaitlisted.class, (event) -> assertThat(event.position()).isEqualTo(2));
		assertThat(second.shift().waitlistLength()).isEqualTo(2);
		assertThat(second.shift().seatsLeft()).isZero();
	}

	@Test
	void repeatingAnRsvpAnswersTheSignupThereIsWithoutAnEvent() {
		Shift once = withRsvps(1, "ada", "grace");

		Shift.Change seated = rsvp(once, "ada");
		Shift.Change waiting = rsvp(once, "grace");

		assertThat(seated.changed()).isFalse();
		assertThat(seated.events()).isEmpty();
		assertThat(seated.signup().id()).isEqualTo(signupOf(once, "ada"));
		assertThat(waiting.changed()).isFalse();
		assertThat(waiting.signup().status()).isEqualTo(SignupStatus.WAITLISTED);
		assertThat(seated.shift().signups()).hasSize(2);
	}

	@Test
	void aCancelledVolunteerRsvpingAgainGetsAFreshPlaceAtTheEndUnderTheSameSignup() {
		Shift shift = withRsvps(1, "ada", "grace");
		String ada = signupOf(shift, "ada");
		shift = shift.cancel(ada, CancellationReason.VOLUNTEER, NOW).shift();

		Shift.Change again = rsvp(shift, "ada");

		assertThat(again.changed()).isTrue();
		assertThat(again.signup().id()).isEqualTo(ada);
		assertThat(again.signup().status()).isEqualTo(SignupStatus.WAITLISTED);
		assertThat(again.signup().sequence()).isEqualTo(3);
		assertThat(again.signup().cancelledAt()).isNull();
		assertThat(again.shift().signups()).hasSize(2);
	}

	@Test
	void anRsvpIsRefusedWhenTheOpportunityIsNotOpenOrTheShiftIsOver() {
		Shift shift = shift(3);
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.rsvp("ada", null, "h", false, NOW));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.rsvp("ada", null, "h", true, shift.endsAt()));
		// Once started, but not over, volunteers may still come.
		assertThat(shift.rsvp("ada", null, "h", true, shift.startsAt().plusSeconds(60)).signup().status())
			.isEqualTo(SignupStatus.REGISTERED);
	}

	@Test
	void cancellingASeatPromotesTheFirstInLine() {
		Shift shift = withRsvps(2, "ada", "grace", "alan", "katherine");

		Shift.Change change = shift.cancel(signupOf(shift, "grace"), CancellationReason.ORGANIZER, NOW);

		assertThat(change.signup().status()).isEqualTo(SignupStatus.CANCELLED);
		assertThat(change.signup().cancelledAt()).isEqualTo(NOW);
		assertThat(change.events()).hasSize(2);
		assertThat(change.events().get(0)).isInstanceOfSatisfying(ShiftSignupCancelled.class, (event) -> {
			assertThat(event.volunteerId()).isEqualTo("grace");
			assertThat(event.wasWaitlisted()).isFalse();
			assertThat(event.reason()).isEqualTo("ORGANIZER");
		});
		assertThat(change.events().get(1)).isInstanceOfSatisfying(ShiftSignupPromoted.class,
				(event) -> assertThat(event.volunteerId()).isEqualTo("alan"));
		Shift after = change.shift();
		assertThat(after.signupOf("alan").orElseThrow().status()).isEqualTo(SignupStatus.REGISTERED);
		assertThat(after.signupOf("alan").orElseThrow().registeredAt()).isEqualTo(NOW);
		assertThat(after.waitlistPosition(signupOf(after, "katherine"))).isEqualTo(1);
	}

	@Test
	void cancellingAPlaceInLineFreesNoSeatAndMovesTheLineUp() {
		Shift shift = withRsvps(1, "ada", "grace", "alan");

		Shift.Change change = shift.cancel(signupOf(shift, "grace"), CancellationReason.VOLUNTEER, NOW);

		assertThat(change.events()).singleElement()
			.isInstanceOfSatisfying(ShiftSignupCancelled.class, (event) -> assertThat(event.wasWaitlisted()).isTrue());
		assertThat(change.shift().waitlistPosition(signupOf(shift, "alan"))).isEqualTo(1);
	}

	@Test
	void onlyASignupWithASeatOrInLineCanBeCancelledAndNotOnceTheShiftIsOver() {
		Shift shift = withRsvps(1, "ada");
		String ada = signupOf(shift, "ada");
		Shift cancelled = shift.cancel(ada, CancellationReason.VOLUNTEER, NOW).shift();

		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> cancelled.cancel(ada, CancellationReason.VOLUNTEER, NOW));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.cancel(ada, CancellationReason.VOLUNTEER, shift.endsAt()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> shift.cancel("no-such-signup", CancellationReason.VOLUNTEER, NOW));
	}

	@Test
	void aRegisteredVolunteerConfirmsOnceAndAgainChangesNothing() {
		Shift shift = withRsvps(1, "ada", "grace");

		Shift.Change confirmed = shift.confirm(signupOf(shift, "ada"), NOW);
		Shift.Change again = confirmed.shift().confirm(signupOf(shift, "ada"), NOW);

		assertThat(confirmed.signup().status()).isEqualTo(SignupStatus.CONFIRMED);
		assertThat(confirmed.events()).isEmpty();
		assertThat(again.changed()).isFalse();
		assertThat(confirmed.shift().seatsLeft()).isZero();
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.confirm(signupOf(shift, "grace"), NOW));
	}

	@Test
	void moreCapacityPromotesAsManyAsTheNewSeats() {
		Shift shift = withRsvps(1, "ada", "grace", "alan", "katherine");

		Shift.Change change = shift.changeCapacity(3, NOW);

		assertThat(change.events()).extracting((event) -> ((ShiftSignupPromoted) event).volunteerId())
			.containsExactly("grace", "alan");
		assertThat(change.shift().capacity()).isEqualTo(3);
		assertThat(change.shift().waitlistPosition(signupOf(shift, "katherine"))).isEqualTo(1);
	}

	@Test
	void capacityCannotDropBelowTheSeatsTakenNorLeaveOneTo10000() {
		Shift shift = withRsvps(3, "ada", "grace");

		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> shift.changeCapacity(1, NOW));
		assertThat(shift.changeCapacity(2, NOW).shift().seatsLeft()).isZero();
		assertThat(fields(() -> shift.changeCapacity(0, NOW))).containsExactly("capacity");
		assertThat(fields(() -> shift.changeCapacity(10_001, NOW))).containsExactly("capacity");
		assertThat(fields(() -> shift.changeCapacity(null, NOW))).containsExactly("capacity");
	}

	@Test
	void attendanceIsRecordedOnceTheShiftStartedWithTheShiftsLengthByDefault() {
		Shift shift = withRsvps(1, "ada");
		String ada = signupOf(shift, "ada");
		Instant started = shift.startsAt().plusSeconds(600);

		Shift.Change attended = shift.recordAttendance(ada, true, null, "c-moved", started);

		assertThat(attended.signup().status()).isEqualTo(SignupStatus.ATTENDED);
		assertThat(attended.signup().hours()).isEqualTo(3.0);
		assertThat(attended.signup().attendanceRecordedAt()).isEqualTo(started);
		assertThat(attended.signup().volunteerChapterId()).isEqualTo("c-moved");
		assertThat(attended.events()).singleElement().isInstanceOfSatisfying(AttendanceRecorded.class, (event) -> {
			assertThat(event.attended()).isTrue();
			assertThat(event.hours()).isEqualTo(3.0);
			assertThat(event.volunteerChapterId()).isEqualTo("c-moved");
		});
	}

	@Test
	void attendanceCanBeCorrectedToANoShowWithNoHours() {
		Shift shift = withRsvps(1, "ada");
		String ada = signupOf(shift, "ada");
		Instant started = shift.startsAt().plusSeconds(600);
		Shift attended = shift.recordAttendance(ada, true, 2.5, null, started).shift();

		Shift.Change noShow = attended.recordAttendance(ada, false, null, null, started.plusSeconds(60));

		assertThat(noShow.signup().status()).isEqualTo(SignupStatus.NO_SHOW);
		assertThat(noShow.signup().hours()).isNull();
		assertThat(noShow.signup().volunteerChapterId()).isEqualTo("c-ada");
		assertThat(((AttendanceRecorded) noShow.events().get(0)).hours()).isZero();
		// A no-show keeps their seat: nobody is promoted into a shift that happened.
		assertThat(noShow.shift().seatsLeft()).isZero();
	}

	@Test
	void attendanceIsRefusedBeforeTheStartForSignupsWithoutASeatAndForBadHours() {
		Shift shift = withRsvps(1, "ada", "grace");
		String ada = signupOf(shift, "ada");
		Instant started = shift.startsAt().plusSeconds(600);

		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.recordAttendance(ada, true, null, null, NOW));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.recordAttendance(signupOf(shift, "grace"), true, null, null, started));
		assertThat(fields(() -> shift.recordAttendance(ada, true, 0.0, null, started))).containsExactly("hours");
		assertThat(fields(() -> shift.recordAttendance(ada, true, 24.5, null, started))).containsExactly("hours");
		assertThat(fields(() -> shift.recordAttendance(ada, false, 2.0, null, started))).containsExactly("hours");
		assertThat(fields(() -> shift.recordAttendance(ada, null, null, null, started))).containsExactly("attended");
		assertThat(shift.recordAttendance(ada, true, 24.0, null, started).signup().hours()).isEqualTo(24.0);
	}

	@Test
	void remindersAreDueOncePerSeatedVolunteerWithinTheLeadTime() {
		Shift shift = withRsvps(2, "ada", "grace", "alan");
		shift = shift.confirm(signupOf(shift, "grace"), NOW).shift();
		Instant dayBefore = shift.startsAt().minus(Duration.ofHours(23));

		Shift.Change due = shift.remindersDue(dayBefore, Duration.ofHours(24));

		assertThat(due.events()).extracting((event) -> ((ShiftReminderDue) event).volunteerId())
			.containsExactly("ada", "grace");
		assertThat(due.shift().signupOf("ada").orElseThrow().remindedAt()).isEqualTo(dayBefore);
		assertThat(due.shift().signupOf("alan").orElseThrow().remindedAt()).isNull();
		assertThat(due.shift().remindersDue(dayBefore.plusSeconds(60), Duration.ofHours(24)).changed()).isFalse();
	}

	@Test
	void noReminderBeforeTheLeadTimeNorOnceTheShiftStarted() {
		Shift shift = withRsvps(2, "ada");

		assertThat(shift.remindersDue(shift.startsAt().minus(Duration.ofHours(25)), Duration.ofHours(24)).events())
			.isEmpty();
		assertThat(shift.remindersDue(shift.startsAt(), Duration.ofHours(24)).events()).isEmpty();
		assertThat(shift.remindersDue(shift.startsAt().minus(Duration.ofHours(24)), Duration.ofHours(24)).events())
			.hasSize(1);
	}

	@Test
	void aVolunteerPromotedAfterTheRemindersIsRemindedInTheNextSweep() {
		Shift shift = withRsvps(1, "ada", "grace");
		Instant dayBefore = shift.startsAt().minus(Duration.ofHours(20));
		shift = shift.remindersDue(dayBefore, Duration.ofHours(24)).shift();
		shift = shift.cancel(signupOf(shift, "ada"), CancellationReason.VOLUNTEER, dayBefore).shift();

		List<DomainEvent> next = shift.remindersDue(dayBefore.plusSeconds(60), Duration.ofHours(24)).events();

		assertThat(next).extracting((event) -> ((ShiftReminderDue) event).volunteerId()).containsExactly("grace");
	}

	@Test
	void anErasedVolunteerGivesUpTheirSeatToTheFirstInLine() {
		Shift shift = withRsvps(1, "ada", "grace");

		Shift.Change change = shift.eraseVolunteer("ada", NOW);

		assertThat(change.events()).hasSize(2);
		assertThat(((ShiftSignupCancelled) change.events().get(0)).reason()).isEqualTo("ERASURE");
		assertThat(((ShiftSignupPromoted) change.events().get(1)).volunteerId()).isEqualTo("grace");
	}

	@Test
	void anErasedVolunteersAttendanceStaysUnderTheirIdOnly() {
		Shift shift = withRsvps(1, "ada");
		Instant started = shift.startsAt().plusSeconds(60);
		shift = shift.recordAttendance(signupOf(shift, "ada"), true, null, null, started).shift();

		Shift.Change change = shift.eraseVolunteer("ada", started);

		assertThat(change.changed()).isFalse();
		assertThat(change.shift().signupOf("ada").orElseThrow().status()).isEqualTo(SignupStatus.ATTENDED);
		assertThat(shift.eraseVolunteer("nobody", NOW).changed()).isFalse();
	}

	@Test
	void manageTokensAreRandomAndOnlyTheirHashMatches() {
		String token = CapabilityTokens.newToken();

		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(CapabilityTokens.newToken()).isNotEqualTo(token);
		assertThat(CapabilityTokens.matches(token, CapabilityTokens.hash(token))).isTrue();
		assertThat(CapabilityTokens.matches(CapabilityTokens.newToken(), CapabilityTokens.hash(token))).isFalse();
		assertThat(CapabilityTokens.matches(null, CapabilityTokens.hash(token))).isFalse();
		assertThat(CapabilityTokens.hash(token)).hasSize(64).doesNotContain(token);
	}

}
