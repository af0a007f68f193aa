package org.groundgame.volunteer.opportunity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The sweep that reminds volunteers of their shifts, and its settings. What opportunities
 * and shifts react to is {@link OpportunityEvents} and {@link ShiftEvents}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpportunityConfiguration.ReminderProperties.class)
@EnableScheduling
class OpportunityConfiguration {

	@Bean
	ReminderSweep reminderSweep(ShiftReminders reminders) {
		return new ReminderSweep(reminders);
	}

	/** Sweeps for reminders due at the configured interval. */
	static class ReminderSweep {

		private final ShiftReminders reminders;

		ReminderSweep(ShiftReminders reminders) {
			this.reminders = reminders;
		}

		@Scheduled(fixedDelayString = "${groundgame.volunteer.reminders.interval:1m}",
				initialDelayString = "${groundgame.volunteer.reminders.interval:1m}")
		void sweep() {
			this.reminders.sweep();
		}

	}

	/**
	 * When volunteers are reminded of their shifts.
	 *
	 * @param interval the delay between two sweeps
	 * @param lead how long before a shift starts its volunteers are reminded
	 */
	@ConfigurationProperties("groundgame.volunteer.reminders")
	record ReminderProperties(@DefaultValue("1m") Duration interval, @DefaultValue("24h") Duration lead) {
	}

}
