package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.events.volunteer.ShiftScheduled;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.groundgame.support.geography.UsState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpportunityTests {

	static final Instant NOW = Instant.parse("2026-10-01T15:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final Instant SATURDAY_10AM = Instant.parse("2026-10-03T15:00:00Z");

	static Shift.Plan shift(int capacity) {
		return new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM.plusSeconds(3 * 3600), capacity, null, null);
	}

	static Opportunity.Plan plan(boolean draft, Shift.Plan... shifts) {
		return new Opportunity.Plan("Canvass for Sarah Unsicker", "Doors in Ward 8", "canvass", "mo", "c-1", "e-1",
				"r-1", "Tower Grove Park, St. Louis", null, draft, new ArrayList<>(Arrays.asList(shifts)));
	}

	static Opportunity.Opened open(Opportunity.Plan plan) {
		return Opportunity.open(plan, "c-1"::equals, null, CLOCK);
	}

	@Test
	void anOpportunityOpensWithItsShiftsAndAnnouncesThem() {
		Opportunity.Opened opened = open(plan(false, shift(20), shift(5)));

		Opportunity opportunity = opened.opportunity();
		assertThat(opportunity.status()).isEqualTo(OpportunityStatus.OPEN);
		assertThat(opportunity.type()).isEqualTo(OpportunityType.CANVASS);
		assertThat(opportunity.state()).isEqualTo(UsState.MO);
		assertThat(opportunity.publishedAt()).isEqualTo(NOW);
		assertThat(opened.event()).isInstanceOfSatisfying(OpportunityOpened.class, (event) -> {
			assertThat(event.opportunityId()).isEqualTo(opportunity.id());
			assertThat(event.status()).isEqualTo("OPEN");
			assertThat(event.type()).isEqualTo("CANVASS");
			assertThat(event.state()).isEqualTo("MO");
			assertThat(event.chapterId()).isEqualTo("c-1");
			assertThat(event.endorsementId()).isEqualTo("e-1");
			assertThat(event.raceId()).isEqualTo("r-1");
		});
		assertThat(opened.shifts()).hasSize(2);
		Shift first = opened.shifts().get(0).shift();
		assertThat(first.location()).isEqualTo("Tower Grove Park, St. Louis");
		assertThat(first.title()).isEqualTo("Canvass for Sarah Unsicker");
		assertThat(first.chapterId()).isEqualTo("c-1");
		assertThat(first.capacity()).isEqualTo(20);
		assertThat(first.nextSequence()).isEqualTo(1);
		assertThat(opened.shifts().get(0).event()).isInstanceOfSatisfying(ShiftScheduled.class, (event) -> {
			assertThat(event.shiftId()).isEqualTo(first.id());
			assertThat(event.capacity()).isEqualTo(20);
			assertThat(event.shift().opportunityId()).isEqualTo(opportunity.id());
			assertThat(event.shift().startsAt()).isEqualTo(SATURDAY_10AM);
		});
	}

	@Test
	void aDraftMayHaveNoShiftYetButAnOpenOneNeedsOne() {
		assertThat(open(plan(true)).opportunity().status()).isEqualTo(OpportunityStatus.DRAFT);
		assertThat(open(plan(true)).opportunity().publishedAt()).isNull();
		assertThat(fields(() -> open(plan(false)))).containsExactly("shifts");
	}

	@Test
	void everyFieldAtFaultIsNamedAtOnce() {
		Opportunity.Plan bad = new Opportunity.Plan(" ", "x".repeat(5001), "knitting", "ZZ", "unknown-chapter", null,
				null, null, "http://insecure.example.org", false,
				List.of(new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM.minusSeconds(60), 0, null, null),
						new Shift.Plan((String) null, null, null, null, null),
						new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM.plusSeconds(25 * 3600), 10001, null, null),
						new Shift.Plan(NOW.minusSeconds(7200), NOW.minusSeconds(3600), 5, "Here", null)));

		assertThat(fields(() -> open(bad))).containsExactlyInAnyOrder("title", "description", "type", "state",
				"chapterId", "virtualLink", "shifts[0].endsAt", "shifts[0].capacity", "shifts[1].startsAt",
				"shifts[1].endsAt", "shifts[1].capacity", "shifts[2].endsAt", "shifts[2].capacity", "shifts[3].endsAt");
	}

	@Test
	void aShiftNeedsALocationOrAnHttpsLinkOfItsOwnOrOfItsOpportunity() {
		Opportunity.Plan nowhere = new Opportunity.Plan("Phone bank", null, "PHONE_BANK", "MO", null, null, null, null,
				null, false, List.of(shift(10)));
		assertThat(fields(() -> open(nowhere))).containsExactly("shifts[0].location");

		Opportunity.Plan online = new Opportunity.Plan("Phone bank", null, "PHONE_BANK", "MO", null, null, null, null,
				null, false, List.of(new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM.plusSeconds(3600), 10, null,
						"https://meet.example.org/phonebank")));
		Shift shift = open(online).shifts().get(0).shift();
		assertThat(shift.virtualLink()).isEqualTo("https://meet.example.org/phonebank");
		assertThat(shift.location()).isNull();

		Opportunity.Plan ftp = new Opportunity.Plan("Phone bank", null, "PHONE_BANK", "MO", null, null, null, null,
				null, false,
				List.of(new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM.plusSeconds(3600), 10, null, "ftp://x.org")));
		assertThat(fields(() -> open(ftp))).containsExactly("shifts[0].virtualLink");
	}

	@Test
	void aMalformedTimeIsNamedWithTheOtherFieldsAtFault() {
		Opportunity.Plan malformed = plan(false,
				new Shift.Plan("next Saturday", "2026-10-03T18:00:00Z", 0, null, null));
		assertThat(fields(() -> open(malformed))).containsExactlyInAnyOrder("shifts[0].startsAt", "shifts[0].capacity");
		Opportunity.Plan offset = plan(false,
				new Shift.Plan("2026-10-03T10:00:00-05:00", "2026-10-03T13:00:00-05:00", 5, null, null));
		assertThat(open(offset).shifts().get(0).shift().startsAt()).isEqualTo(SATURDAY_10AM);
	}

	@Test
	void aShiftOfExactly24HoursIsAllowed() {
		Opportunity.Plan day = plan(false,
				new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM.plusSeconds(24 * 3600), 1, null, null));
		assertThat(open(day).shifts()).hasSize(1);
	}

	@Test
	void aChapterOrganizesInItsOwnStateOnly() {
		assertThat(fields(() -> Opportunity.open(plan(false, shift(3)), (id) -> true, UsState.KS, CLOCK)))
			.containsExactly("state");
		assertThat(Opportunity.open(plan(false, shift(3)), (id) -> true, UsState.MO, CLOCK).opportunity().state())
			.isEqualTo(UsState.MO);
	}

	@Test
	void publishingOpensADraftWithAShift() {
		Opportunity draft = open(plan(true)).opportunity();

		Opportunity.Change published = draft.publish(1, CLOCK);

		assertThat(published.opportunity().status()).isEqualTo(OpportunityStatus.OPEN);
		assertThat(published.opportunity().publishedAt()).isEqualTo(NOW);
		assertThat(published.event()).isInstanceOfSatisfying(OpportunityPublished.class, (event) -> {
			assertThat(event.opportunityId()).isEqualTo(draft.id());
			assertThat(event.state()).isEqualTo("MO");
		});
	}

	@Test
	void aDraftWithoutShiftsOrAnOpenOpportunityCannotBePublished() {
		Opportunity draft = open(plan(true)).opportunity();
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> draft.publish(0, CLOCK));
		Opportunity open = open(plan(false, shift(3))).opportunity();
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> open.publish(1, CLOCK));
	}

	@Test
	void aShiftAddedTakesTheOpportunitysPlaceAndIsChecked() {
		Opportunity opportunity = open(plan(true)).opportunity();

		Shift.Scheduled added = opportunity.addShift(shift(8), CLOCK);

		assertThat(added.shift().location()).isEqualTo("Tower Grove Park, St. Louis");
		assertThat(added.shift().opportunityId()).isEqualTo(opportunity.id());
		assertThat(
				fields(() -> opportunity.addShift(new Shift.Plan(SATURDAY_10AM, SATURDAY_10AM, -1, null, null), CLOCK)))
			.containsExactlyInAnyOrder("endsAt", "capacity");
	}

	@Test
	void aTeamForAnEndorsementIsADraftCanvassNamedForItsRaceNotItsCandidate() {
		Opportunity.Opened team = Opportunity.team("e-9", true, "U.S. House MO-1", UsState.MO, null, "r-9", CLOCK);

		assertThat(team.opportunity().title()).isEqualTo("Volunteer team: U.S. House MO-1 (endorsed candidate)");
		assertThat(team.opportunity().description())
			.isEqualTo("Knock doors, make calls and send texts for our endorsed candidate for U.S. House MO-1.");
		assertThat(team.opportunity().status()).isEqualTo(OpportunityStatus.DRAFT);
		assertThat(team.opportunity().type()).isEqualTo(OpportunityType.CANVASS);
		assertThat(team.opportunity().endorsementId()).isEqualTo("e-9");
		assertThat(team.opportunity().raceId()).isEqualTo("r-9");
		assertThat(team.shifts()).isEmpty();
		assertThat(Opportunity.team("e-10", false, "Amendment 3", UsState.MO, null, null, CLOCK).opportunity().title())
			.isEqualTo("Volunteer team: Amendment 3");
	}

	static List<String> fields(Runnable command) {
		InvalidInputException thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
				command::run);
		assertThat(thrown).as("invalid input").isNotNull();
		return thrown.errors().stream().map(FieldError::field).toList();
	}

}
