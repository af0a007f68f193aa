package org.groundgame.notification.rule;

import java.time.LocalDate;

import org.groundgame.events.endorsement.RaceSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RacesTests {

	@Test
	void aNumberedDistrictIsCalledADistrict() {
		RaceSummary race = new RaceSummary("State Representative", "STATE", "MO", "80", null,
				LocalDate.of(2028, 11, 7));

		assertThat(Races.describe(race)).isEqualTo("State Representative (MO, District 80)");
	}

	@Test
	void aDistrictThatNamesItselfIsNamedAsGiven() {
		RaceSummary race = new RaceSummary("City Council", "LOCAL", "MO", "Ward 3", "City of Columbia",
				LocalDate.of(2027, 4, 6));

		assertThat(Races.describe(race)).isEqualTo("City Council (MO, City of Columbia, Ward 3)");
	}

}
