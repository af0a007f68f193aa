package org.groundgame.web.console.staff;

import org.groundgame.web.console.staff.StaffNominations.HistoryEntry;
import org.groundgame.web.console.staff.StaffNominations.QueueFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffNominationsTests {

	@Test
	void anEventIsNamedByItsTypeAndARequestByWhatItDid() {
		HistoryEntry event = new HistoryEntry(1, null, "org.groundgame.endorsement.NominationReviewStarted.v1", null);
		HistoryEntry request = new HistoryEntry(2, null, "POST /api/nominations/{id}/hold", null);

		assertThat(event.what()).isEqualTo("NominationReviewStarted");
		assertThat(event.isRequest()).isFalse();
		assertThat(request.what()).isEqualTo("hold");
		assertThat(request.isRequest()).isTrue();
		assertThat(request.who()).isEmpty();
	}

	@Test
	void theQueuesLinksKeepItsFiltersAndChangeOnlyTheStatus() {
		QueueFilter filter = new QueueFilter("SUBMITTED", "KS", 2028, " ");

		assertThat(filter.link("ON_HOLD")).isEqualTo("/console/nominations?state=KS&cycle=2028&status=ON_HOLD");
		assertThat(filter.link(null)).isEqualTo("/console/nominations?state=KS&cycle=2028");
		assertThat(filter.base()).isEqualTo("/console/nominations?state=KS&cycle=2028&status=SUBMITTED");
	}

}
