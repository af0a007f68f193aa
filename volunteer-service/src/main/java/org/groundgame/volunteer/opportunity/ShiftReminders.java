package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reminds the volunteers with a seat of their shift, the lead time before it starts (a
 * day by default), once each. Every instance of the service may sweep at the same time:
 * each shift's reminders are marked in the same version-checked write that puts the
 * events in its outbox, so of two sweeps of one shift only one writes, and the other
 * skips it.
 */
@Component
class ShiftReminders {

	private static final Logger log = LoggerFactory.getLogger(ShiftReminders.class);

	private final ShiftStore store;

	private final Clock clock;

	private final Duration lead;

	private final MeterRegistry meters;

	ShiftReminders(ShiftStore store, Clock clock, OpportunityConfiguration.ReminderProperties properties,
			MeterRegistry meters) {
		this.store = store;
		this.clock = clock;
		this.lead = properties.lead();
		this.meters = meters;
	}

	/**
	 * One sweep: the shifts starting within the lead time with a seated volunteer not
	 * reminded yet.
	 * @return how many reminders this sweep wrote
	 */
	int sweep() {
		Instant now = Opportunity.now(this.clock);
		List<ShiftDocument> due = this.store.remindersDue(now, this.lead);
		int reminders = 0;
		for (ShiftDocument read : due) {
			Shift.Change change = read.toShift().remindersDue(now, this.lead);
			if (!change.changed()) {
				continue;
			}
			if (this.store.update(read, change)) {
				reminders += change.events().size();
			}
			else {
				log.debug("Shift {} changed meanwhile; its reminders are left to the next sweep", read.getId());
			}
		}
		if (reminders > 0) {
			this.meters.counter("groundgame.volunteer.reminders").increment(reminders);
			log.info("{} shift reminders due", reminders);
		}
		return reminders;
	}

}
