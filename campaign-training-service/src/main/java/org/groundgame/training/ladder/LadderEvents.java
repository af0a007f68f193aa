package org.groundgame.training.ladder;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What the leadership ladder reacts to on volunteer-service's topic: volunteers'
 * sign-ups, changes and erasures, and their attendance. The ladder's part of the
 * {@code volunteerEvents} binding (see {@code TrainingEventBindings}); each event applied
 * once (the consumer name keys its idempotency records).
 */
@Configuration(proxyBeanMethods = false)
class LadderEvents {

	static final String CONSUMER = "campaign-training-ladder";

	@Bean
	Consumer<Message<byte[]>> ladderVolunteerEvents(EventConsumers consumers, LadderService ladder) {
		return consumers.named(CONSUMER)
			.on(VolunteerSignedUp.class, ladder::signedUp)
			.on(VolunteerUpdated.class, ladder::updated)
			.on(AttendanceRecorded.class, ladder::attendanceRecorded)
			.on(VolunteerErased.class, ladder::erased)
			.build();
	}

}
