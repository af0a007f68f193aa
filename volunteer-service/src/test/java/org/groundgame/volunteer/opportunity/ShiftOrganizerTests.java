package org.groundgame.volunteer.opportunity;

import java.time.Instant;

import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.groundgame.volunteer.opportunity.OpportunityTests.NOW;
import static org.groundgame.volunteer.opportunity.OpportunityTests.SATURDAY_10AM;
import static org.groundgame.volunteer.opportunity.OpportunityTests.fields;
import static org.groundgame.volunteer.opportunity.ShiftTests.signupOf;
import static org.groundgame.volunteer.opportunity.ShiftTests.withRsvps;

/**
 * What organizers do to a shift beyond its roster: cancel it, move it, check people in on
 * the day, and follow an edit of its opportunity.
 */
class ShiftOrganizerTests {

	private static final Instant STARTED = SATURDAY_10AM.plusSeconds(600);

	@Test
	void aCancelledShiftNamesThoseWithASeatOrInLineAndTakesNoRsvp() {
		Shift shift = withRsvps(1, "ada", "grace");
		shift = shift.cancel(signupOf(shift, "ada"), CancellationReason.VOLUNTEER, NOW).shift();
		shift = ShiftTests.rsvp(shift, "alan").shift();

		Shift.Change cancelled = shift.cancelShift("  Thunderstorm warning ", false, NOW);

		assertThat(cancelled.shift().status()).isEqualTo(ShiftStatus.CANCELLED);
		assertThat(cancelled.shift().signups()).extracting(Shift.Signup::status)
			.containsExactly(SignupStatus.CANCELLED, SignupStatus.REGISTERED, SignupStatus.WAITLISTED);
		assertThat(cancelled.events()).singleElement().isInstanceOfSatisfying(ShiftCancelled.class, (event) -> {
			assertThat(event.reason()).isEqualTo("Thunderstorm warning");
			assertThat(event.volunteerIds()).containsExactly("grace", "alan");
			assertThat(event.withOpportunity()).isFalse();
			assertThat(event.shift().startsAt()).isEqualTo(SATURDAY_10AM);
		});
		Shift off = cancelled.shift();
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> ShiftTests.rsvp(off, "mary"));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> off.cancelShift("again", false, NOW));
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> off.reschedule(
				new Shift.Plan(SATURDAY_10AM.plusSeconds(86400), SATURDAY_10AM.plusSeconds(90000), null, null, null),
				NOW));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> off.walkIn("mary", "c-1", null, STARTED));
	}

	@Test
	void aCancellationNeedsAReasonAndAShiftNotOver() {
		Shift shift = withRsvps(2, "ada");

		assertThat(fields(() -> shift.cancelShift(" ", false, NOW))).containsExactly("reason");
		assertThat(fields(() -> shift.cancelShift("x".repeat(1001), false, NOW))).containsExactly("reason");
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.cancelShift("late", false, shift.endsAt()));
	}

	@Test
	void aRescheduledShiftKeepsEveryPlaceRemindsAgainAndNamesThoseToTell() {
		Shift shift = withRsvps(1, "ada", "grace");
		shift = shift.remindersDue(SATURDAY_10AM.minusSeconds(3600), java.time.Duration.ofDays(1)).shift();
		Instant sunday = SATURDAY_10AM.plusSeconds(86400);

		Shift.Change moved = shift
			.reschedule(new Shift.Plan(sunday, sunday.plusSeconds(7200), null, "Forest Park, St. Louis", null), NOW);

		assertThat(moved.shift().startsAt()).isEqualTo(sunday);
		assertThat(moved.shift().endsAt()).isEqualTo(sunday.plusSeconds(7200));
		assertThat(moved.shift().location()).isEqualTo("Forest Park, St. Louis");
		assertThat(moved.shift().signups()).extracting(Shift.Signup::status)
			.containsExactly(SignupStatus.REGISTERED, SignupStatus.WAITLISTED);
		assertThat(moved.shift().signups()).extracting(Shift.Signup::remindedAt).containsOnlyNulls();
		assertThat(moved.events()).singleElement().isInstanceOfSatisfying(ShiftRescheduled.class, (event) -> {
			assertThat(event.previousStartsAt()).isEqualTo(SATURDAY_10AM);
			assertThat(event.previousLocation()).isEqualTo("Tower Grove Park, St. Louis");
			assertThat(event.volunteerIds()).containsExactly("ada", "grace");
			assertThat(event.shift().startsAt()).isEqualTo(sunday);
			assertThat(event.shift().location()).isEqualTo("Forest Park, St. Louis");
		});
		Shift.Change again = moved.shift()
			.reschedule(new Shift.Plan(sunday, sunday.plusSeconds(7200), null, null, null), NOW);
		assertThat(again.changed()).isFalse();
		assertThat(again.events()).isEmpty();
	}

	@Test
	void aRescheduleIsCheckedLikeANewShiftAndRefusedOnceStarted() {
		Shift shift = withRsvps(1, "ada");

		assertThat(fields(() -> shift.reschedule(new Shift.Plan("tomorrow", null, null, null, "http://x"), NOW)))
			.containsExactlyInAnyOrder("startsAt", "endsAt", "virtualLink");
		assertThat(fields(() -> shift
			.reschedule(new Shift.Plan(NOW.minusSeconds(7200), NOW.minusSeconds(3600), null, null, null), NOW)))
			.containsExactly("endsAt");
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> shift.reschedule(
				new Shift.Plan(SATURDAY_10AM.plusSeconds(86400), SATURDAY_10AM.plusSeconds(90000), null, null, null),
				STARTED));
	}

	@Test
	void aWalkInTakesASeatAndIsCheckedInAtOnceGrowingAFullShift() {
		Shift full = withRsvps(1, "ada", "grace");

		Shift.Change walkIn = full.walkIn("mary", "c-mary", null, STARTED);
		Shift.Change waiting = walkIn.shift().walkIn("grace", "c-grace", 2.0, STARTED);

		assertThat(walkIn.signup().status()).isEqualTo(SignupStatus.ATTENDED);
		assertThat(walkIn.signup().hours()).isEqualTo(3.0);
		assertThat(walkIn.shift().capacity()).isEqualTo(2);
		assertThat(walkIn.events()).singleElement()
			.isInstanceOfSatisfying(AttendanceRecorded.class,
					(event) -> assertThat(event.volunteerId()).isEqualTo("mary"));
		assertThat(waiting.signup().id()).isEqualTo(signupOf(full, "grace"));
		assertThat(waiting.signup().status()).isEqualTo(SignupStatus.ATTENDED);
		assertThat(waiting.shift().capacity()).isEqualTo(3);
		assertThat(waiting.shift().waitlistLength()).isZero();
	}

	@Test
	void checkingInTheSamePersonTwiceIsOneResult() {
		Shift shift = withRsvps(2, "ada");
		Shift attended = shift.recordAttendance(signupOf(shift, "ada"), true, null, null, STARTED).shift();

		assertThat(attended.recordAttendance(signupOf(shift, "ada"), true, null, null, STARTED).changed()).isFalse();
		assertThat(attended.recordAttendance(signupOf(shift, "ada"), true, 3.0, null, STARTED).changed()).isFalse();
		assertThat(attended.walkIn("ada", "c-ada", null, STARTED).changed()).isFalse();
		Shift.Change corrected = attended.recordAttendance(signupOf(shift, "ada"), true, 2.0, null, STARTED);
		assertThat(corrected.changed()).isTrue();
		assertThat(corrected.events()).hasSize(1);
	}

	@Test
	void aWalkInWaitsForTheShiftToStartAndNeedsSaneHours() {
		Shift shift = withRsvps(2);

		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> shift.walkIn("mary", "c-1", null, NOW));
		assertThat(fields(() -> shift.walkIn("mary", "c-1", 25.0, STARTED))).containsExactly("hours");
	}

	@Test
	void anEditedTitleAndTypeReachTheShiftsCopies() {
		Shift shift = withRsvps(2, "ada");

		Shift.Change retitled = shift.retitle("Phone bank for Sarah", OpportunityType.PHONE_BANK);

		assertThat(retitled.changed()).isTrue();
		assertThat(retitled.events()).isEmpty();
		assertThat(retitled.shift().summary().title()).isEqualTo("Phone bank for Sarah");
		assertThat(retitled.shift().type()).isEqualTo(OpportunityType.PHONE_BANK);
		assertThat(retitled.shift().signups()).isEqualTo(shift.signups());
		assertThat(retitled.shift().retitle("Phone bank for Sarah", OpportunityType.PHONE_BANK).changed()).isFalse();
	}

}
