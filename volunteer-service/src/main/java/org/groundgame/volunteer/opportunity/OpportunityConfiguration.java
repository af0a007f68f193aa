package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.util.function.Consumer;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What opportunities and shifts react to: an endorsement granted opens the race's
 * volunteer team; a volunteer erased gives up their places. One function per topic, bound
 * in {@code application.yaml} with the group {@code volunteer-service}; each applies an
 * event once. And the sweep that reminds volunteers of their shifts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpportunityConfiguration.ReminderProperties.class)
@EnableScheduling
class OpportunityConfiguration {

	@Bean
	Consumer<Message<byte[]>> endorsementEvents(EventConsumers consumers, OpportunityService opportunities) {
		return consumers.named("volunteer-service-teams").on(EndorsementGranted.class, opportunities::openTeam).build();
	}

	@Bean
	Consumer<Message<byte[]>> volunteerEvents(EventConsumers consumers, ShiftService shifts) {
		return consumers.named("volunteer-service-shifts").on(VolunteerErased.class, shifts::volunteerErased).build();
	}

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
