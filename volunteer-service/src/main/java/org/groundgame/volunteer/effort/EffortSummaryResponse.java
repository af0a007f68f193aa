package org.groundgame.volunteer.effort;

import java.util.List;
import java.util.Map;

import org.groundgame.volunteer.effort.EffortResponse.Totals;

/** The effort behind each endorsement, by endorsement id. */
record EffortSummaryResponse(List<EndorsementTotals> endorsements) {

	static EffortSummaryResponse of(Map<String, Effort> byEndorsement) {
		return new EffortSummaryResponse(byEndorsement.entrySet()
			.stream()
			.map((entry) -> new EndorsementTotals(entry.getKey(), Totals.of(entry.getValue())))
			.toList());
	}

	record EndorsementTotals(String endorsementId, Totals totals) {
	}

}
