package org.groundgame.endorsement.nomination.domain;

import org.groundgame.support.geography.UsState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.groundgame.events.endorsement.RaceSummary;

/**
 * The race a candidate runs in. Its cycle is the year of the election.
 *
 * @param office e.g. "State Representative" or "Mayor"
 * @param district optional, e.g. "79"
 * @param jurisdiction optional, e.g. "City of St. Louis"
 */
public record Race(String office, RaceLevel level, UsState state, String district, String jurisdiction,
		LocalDate electionDate) {

	/**
	 * The last time zone where a day begins ("anywhere on Earth", UTC-12): an election
	 * day has passed only once it has passed everywhere, so a nomination sent on the
	 * evening of election day from Hawaii or Guam is not refused.
	 */
	static final ZoneOffset ANYWHERE_ON_EARTH = ZoneOffset.ofHours(-12);

	public Race {
		office = Text.required(office, "race.office");
		Text.required(level, "race.level");
		Text.required(state, "race.state");
		district = Text.optional(district);
		jurisdiction = Text.optional(jurisdiction);
		Text.required(electionDate, "race.electionDate");
	}

	/** The election cycle: the year the election is held. */
	public int cycle() {
		return this.electionDate.getYear();
	}

	/** Whether the other race is for the same office in the same state. */
	public boolean isSameOfficeAs(String otherOffice, UsState otherState) {
		return this.state == otherState && Text.comparable(this.office).equals(Text.comparable(otherOffice));
	}

	/** What other services learn of the race. */
	public RaceSummary summary() {
		return new RaceSummary(this.office, this.level.name(), this.state.code(), this.district, this.jurisdiction,
				this.electionDate);
	}

	/** Whether an election on that date is over everywhere in the country. */
	public static boolean hasPassed(LocalDate electionDate, Clock clock) {
		return electionDate.isBefore(LocalDate.ofInstant(clock.instant(), ANYWHERE_ON_EARTH));
	}

}
