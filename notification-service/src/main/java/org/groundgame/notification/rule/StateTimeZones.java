package org.groundgame.notification.rule;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone a state's shifts are told in: the zone most of the state's people live in
 * (a state spanning two zones is told in its more populous one: Florida in Eastern, Texas
 * and Tennessee in Central, Idaho in Mountain). Shift times travel as UTC instants;
 * volunteers read them on their own clocks. A state or territory not listed (or none) is
 * told in UTC, which the formatted time names, so it is never silently wrong.
 */
final class StateTimeZones {

	private static final ZoneId EASTERN = ZoneId.of("America/New_York");

	private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");

	private static final ZoneId MOUNTAIN = ZoneId.of("America/Denver");

	private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

	/** Named as a region, so that a time in it says {@code UTC} rather than {@code Z}. */
	static final ZoneId UTC = ZoneId.of("UTC");

	private static final Map<String, ZoneId> ZONES = Map.ofEntries(Map.entry("AL", CENTRAL),
			Map.entry("AK", ZoneId.of("America/Anchorage")), Map.entry("AZ", ZoneId.of("America/Phoenix")),
			Map.entry("AR", CENTRAL), Map.entry("CA", PACIFIC), Map.entry("CO", MOUNTAIN), Map.entry("CT", EASTERN),
			Map.entry("DE", EASTERN), Map.entry("DC", EASTERN), Map.entry("FL", EASTERN), Map.entry("GA", EASTERN),
			Map.entry("HI", ZoneId.of("Pacific/Honolulu")), Map.entry("ID", ZoneId.of("America/Boise")),
			Map.entry("IL", CENTRAL), Map.entry("IN", ZoneId.of("America/Indiana/Indianapolis")),
			Map.entry("IA", CENTRAL), Map.entry("KS", CENTRAL),
			Map.entry("KY", ZoneId.of("America/Kentucky/Louisville")), Map.entry("LA", CENTRAL),
			Map.entry("ME", EASTERN), Map.entry("MD", EASTERN), Map.entry("MA", EASTERN),
			Map.entry("MI", ZoneId.of("America/Detroit")), Map.entry("MN", CENTRAL), Map.entry("MS", CENTRAL),
			Map.entry("MO", CENTRAL), Map.entry("MT", MOUNTAIN), Map.entry("NE", CENTRAL), Map.entry("NV", PACIFIC),
			Map.entry("NH", EASTERN), Map.entry("NJ", EASTERN), Map.entry("NM", MOUNTAIN), Map.entry("NY", EASTERN),
			Map.entry("NC", EASTERN), Map.entry("ND", CENTRAL), Map.entry("OH", EASTERN), Map.entry("OK", CENTRAL),
			Map.entry("OR", PACIFIC), Map.entry("PA", EASTERN), Map.entry("RI", EASTERN), Map.entry("SC", EASTERN),
			Map.entry("SD", CENTRAL), Map.entry("TN", CENTRAL), Map.entry("TX", CENTRAL), Map.entry("UT", MOUNTAIN),
			Map.entry("VT", EASTERN), Map.entry("VA", EASTERN), Map.entry("WA", PACIFIC), Map.entry("WV", EASTERN),
			Map.entry("WI", CENTRAL), Map.entry("WY", MOUNTAIN), Map.entry("PR", ZoneId.of("America/Puerto_Rico")),
			Map.entry("VI", ZoneId.of("America/St_Thomas")), Map.entry("GU", ZoneId.of("Pacific/Guam")),
			Map.entry("MP", ZoneId.of("Pacific/Saipan")), Map.entry("AS", ZoneId.of("Pacific/Pago_Pago")));

	private StateTimeZones() {
	}

	/**
	 * The zone of a state.
	 * @param state a two-letter code, in any case, or {@code null}
	 * @return the state's zone, or UTC for a code not known
	 */
	static ZoneId of(String state) {
		if (state == null) {
			return UTC;
		}
		return ZONES.getOrDefault(state.strip().toUpperCase(Locale.ROOT), UTC);
	}

}
