package org.groundgame.endorsement.race.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.endorsement.common.domain.Text;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.geography.UsState;

/**
 * A race: one election for one office (or one ballot measure) in one Open Civic Data
 * division. Every nomination for the same race shares it, found by its
 * {@link #naturalKey() natural key}. Its cycle is the year of the election.
 *
 * @param office e.g. "State Representative" or "Mayor"; for a ballot measure its title
 * @param district optional, e.g. "79"
 * @param jurisdiction optional, e.g. "City of St. Louis"
 * @param ocdDivisionId the OCD division, e.g.
 * {@code ocd-division/country:us/state:mo/sldl:79}; the state's division when not given
 * @param stage {@link RaceStage#GENERAL} when not given
 * @param ballotMeasure whether the race is a ballot measure rather than a candidate race
 * @param id the stored race's id; {@code null} until the race is stored
 */
public record Race(String office, RaceLevel level, UsState state, String district, String jurisdiction,
		LocalDate electionDate, String ocdDivisionId, RaceStage stage, boolean ballotMeasure, String id) {

	/**
	 * The last time zone where a day begins ("anywhere on Earth", UTC-12): an election
	 * day has passed only once it has passed everywhere, so a nomination sent on the
	 * evening of election day from Hawaii or Guam is not refused.
	 */
	static final ZoneOffset ANYWHERE_ON_EARTH = ZoneOffset.ofHours(-12);

	/**
	 * An OCD division id in the United States: the country, a state (or DC, or a
	 * territory), and any number of finer {@code type:id} parts.
	 */
	public static final String OCD_DIVISION = "ocd-division/country:us/(state|district|territory):([a-z]{2})(/[a-z_]+:[a-z0-9_.~\\-]+)*";

	private static final Pattern OCD_DIVISION_PATTERN = Pattern.compile(OCD_DIVISION);

	public Race {
		office = Text.required(office, "race.office");
		Text.required(level, "race.level");
		Text.required(state, "race.state");
		district = Text.optional(district);
		jurisdiction = Text.optional(jurisdiction);
		Text.required(electionDate, "race.electionDate");
		ocdDivisionId = Text.optional(ocdDivisionId);
		ocdDivisionId = (ocdDivisionId != null) ? ocdDivisionId.toLowerCase(Locale.ROOT) : divisionOf(state);
		requireDivisionIn(ocdDivisionId, state);
		stage = (stage != null) ? stage : RaceStage.GENERAL;
		id = Text.optional(id);
	}

	/** A candidate race in the general election, in its state's division. */
	public Race(String office, RaceLevel level, UsState state, String district, String jurisdiction,
			LocalDate electionDate) {
		this(office, level, state, district, jurisdiction, electionDate, null, null, false, null);
	}

	/** The state's own OCD division (DC's and the territories' have their own types). */
	static String divisionOf(UsState state) {
		String type = switch (state) {
			case DC -> "district";
			case AS, GU, MP, PR, VI -> "territory";
			default -> "state";
		};
		return "ocd-division/country:us/" + type + ":" + state.code().toLowerCase(Locale.ROOT);
	}

	private static void requireDivisionIn(String ocdDivisionId, UsState state) {
		Matcher matcher = OCD_DIVISION_PATTERN.matcher(ocdDivisionId);
		if (!matcher.matches()) {
			throw new InvalidInputException("race.ocdDivisionId",
					"must be an OCD division id in the US, e.g. ocd-division/country:us/state:mo/sldl:79");
		}
		if (!divisionOf(state).equals("ocd-division/country:us/" + matcher.group(1) + ":" + matcher.group(2))) {
			throw new InvalidInputException("race.ocdDivisionId", "must be a division of " + state.code());
		}
	}

	/** The same race, stored under that id. */
	public Race withId(String id) {
		return new Race(this.office, this.level, this.state, this.district, this.jurisdiction, this.electionDate,
				this.ocdDivisionId, this.stage, this.ballotMeasure, id);
	}

	/** The same race as a ballot measure: its office is the measure's title. */
	public Race asBallotMeasure(String title) {
		return new Race(title, this.level, this.state, this.district, this.jurisdiction, this.electionDate,
				this.ocdDivisionId, this.stage, true, this.id);
	}

	/**
	 * What makes two races the same race, whatever their ids: division, office (or
	 * measure), district, jurisdiction, stage and election day; case, accents and blanks
	 * do not count.
	 */
	public String naturalKey() {
		return String.join("|", this.ocdDivisionId, this.ballotMeasure ? "measure" : "office",
				Text.comparable(this.office), String.valueOf(Text.comparable(this.district)),
				String.valueOf(Text.comparable(this.jurisdiction)), this.stage.name(), this.electionDate.toString());
	}

	/** The election cycle: the year the election is held. */
	public int cycle() {
		return this.electionDate.getYear();
	}

	/** Whether the other race is for the same office in the same state. */
	public boolean isSameOfficeAs(String otherOffice, UsState otherState) {
		return this.state == otherState && Text.comparable(this.office).equals(Text.comparable(otherOffice));
	}

	/** Whether the election is over everywhere in the country. */
	public boolean hasPassed(Clock clock) {
		return hasPassed(this.electionDate, clock);
	}

	/** What other services learn of the race. */
	public RaceSummary summary() {
		return new RaceSummary(this.office, this.level.name(), this.state.code(), this.district, this.jurisdiction,
				this.electionDate, this.id, this.ocdDivisionId, this.stage.name(), cycle(), this.ballotMeasure);
	}

	/** The latest election day that is over everywhere in the country. */
	public static LocalDate lastPassedDay(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ANYWHERE_ON_EARTH).minusDays(1);
	}

	/** Whether an election on that date is over everywhere in the country. */
	public static boolean hasPassed(LocalDate electionDate, Clock clock) {
		return electionDate.isBefore(LocalDate.ofInstant(clock.instant(), ANYWHERE_ON_EARTH));
	}

}
