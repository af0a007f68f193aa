package org.groundgame.web.console.shifts;

import java.time.Instant;

/** A shift as volunteer-service gives it to its organizers. */
public record Shift(String id, String opportunityId, String title, String type, String chapterId, Instant startsAt,
		Instant endsAt, String location, String virtualLink, int capacity, String status, int seatsLeft,
		int waitlistLength) {

	public boolean isScheduled() {
		return "SCHEDULED".equals(this.status);
	}

	public boolean isCancelled() {
		return "CANCELLED".equals(this.status);
	}

	public int seatsTaken() {
		return Math.max(this.capacity - this.seatsLeft, 0);
	}

	public boolean hasStarted() {
		return this.startsAt != null && !Instant.now().isBefore(this.startsAt);
	}

	public boolean isOver() {
		return this.endsAt != null && !Instant.now().isBefore(this.endsAt);
	}

	/** Whether it may still be moved or cancelled. */
	public boolean isChangeable() {
		return isScheduled() && !hasStarted();
	}

	public boolean isCancellable() {
		return isScheduled() && !isOver();
	}

	/** Hours of the shift, the default of a check-in. */
	public String lengthInHours() {
		if (this.startsAt == null || this.endsAt == null) {
			return "";
		}
		double hours = (this.endsAt.getEpochSecond() - this.startsAt.getEpochSecond()) / 3600.0;
		return (hours == Math.rint(hours)) ? String.valueOf((long) hours)
				: String.format(java.util.Locale.ROOT, "%.2f", hours);
	}

}
