package org.groundgame.notification.rule;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateTimeZonesTests {

	@Test
	void aStateIsToldInTheZoneMostOfItsPeopleLiveIn() {
		assertThat(StateTimeZones.of("MO")).isEqualTo(ZoneId.of("America/Chicago"));
		assertThat(StateTimeZones.of("AZ")).isEqualTo(ZoneId.of("America/Phoenix"));
		assertThat(StateTimeZones.of("HI")).isEqualTo(ZoneId.of("Pacific/Honolulu"));
		assertThat(StateTimeZones.of("FL")).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(StateTimeZones.of("TX")).isEqualTo(ZoneId.of("America/Chicago"));
		assertThat(StateTimeZones.of("CA")).isEqualTo(ZoneId.of("America/Los_Angeles"));
		assertThat(StateTimeZones.of("CO")).isEqualTo(ZoneId.of("America/Denver"));
	}

	@Test
	void everyStateTheDistrictAndTheTerritoriesHaveAZone() {
		List<String> codes = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
				"IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
				"NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
				"WV", "WI", "WY", "PR", "VI", "GU", "MP", "AS");
		assertThat(codes).allSatisfy((code) -> assertThat(StateTimeZones.of(code)).isNotEqualTo(StateTimeZones.UTC));
	}

	@Test
	void aStateCodeIsReadInAnyCase() {
		assertThat(StateTimeZones.of(" mo ")).isEqualTo(ZoneId.of("America/Chicago"));
	}

	@Test
	void anUnknownOrMissingStateIsToldInUtc() {
		assertThat(StateTimeZones.of("XX")).isEqualTo(StateTimeZones.UTC);
		assertThat(StateTimeZones.of(null)).isEqualTo(StateTimeZones.UTC);
	}

}
