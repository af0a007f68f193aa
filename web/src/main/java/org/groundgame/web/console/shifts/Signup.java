package org.groundgame.web.console.shifts;

import java.time.Instant;

/** One person on a shift's roster, as its organizers see them. */
public record Signup(String id, String volunteerId, String name, String status, Integer waitlistPosition, Long sequence,
		Instant signedUpAt, Double hours, Instant attendanceRecordedAt) {

	/**
	 * With a seat not yet used, or in line: told when the shift is cancelled or moved.
	 */
	public boolean isToBeTold() {
		return "REGISTERED".equals(this.status) || "CONFIRMED".equals(this.status) || "WAITLISTED".equals(this.status);
	}

	public boolean isWaiting() {
		return "WAITLISTED".equals(this.status);
	}

	/** Holding a seat: checked in, or to be. */
	public boolean isSeated() {
		return "REGISTERED".equals(this.status) || "CONFIRMED".equals(this.status) || "ATTENDED".equals(this.status)
				|| "NO_SHOW".equals(this.status);
	}

	public boolean isAttended() {
		return "ATTENDED".equals(this.status);
	}

	public boolean isNoShow() {
		return "NO_SHOW".equals(this.status);
	}

	public String displayName() {
		return (this.name != null) ? this.name : "—";
	}

	public String hoursShown() {
		if (this.hours == null) {
			return "";
		}
		return (this.hours == Math.rint(this.hours)) ? String.valueOf(this.hours.longValue())
				: String.valueOf(this.hours);
	}

}
