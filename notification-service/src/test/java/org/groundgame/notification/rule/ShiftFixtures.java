package org.groundgame.notification.rule;

import java.time.Instant;

import org.groundgame.events.volunteer.ShiftSummary;

/** Shifts as volunteer-service describes them, for the rules' tests. */
final class ShiftFixtures {

	/** Saturday, November 28, 2026, 10:00 AM in St. Louis. */
	static final Instant SATURDAY_10AM_CST = Instant.parse("2026-11-28T16:00:00Z");

	static final Instant SATURDAY_1PM_CST = Instant.parse("2026-11-28T19:00:00Z");

	private ShiftFixtures() {
	}

	/** A canvass in St. Louis, Saturday 10 AM to 1 PM. */
	static ShiftSummary canvass() {
		return new ShiftSummary("opportunity-1", "Canvass for Jane Example", "CANVASS", "MO", "mobilize-missouri",
				"endorsement-1", SATURDAY_10AM_CST, SATURDAY_1PM_CST, "4140 Gravois Ave, St. Louis", null);
	}

	/** A phone bank online, Saturday 10 AM to 1 PM in St. Louis. */
	static ShiftSummary phoneBank(String virtualLink) {
		return new ShiftSummary("opportunity-2", "Phone bank for Jane Example", "PHONE_BANK", "MO", null, null,
				SATURDAY_10AM_CST, SATURDAY_1PM_CST, null, virtualLink);
	}

}
