package org.groundgame.training.ladder;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the leadership ladder reacts to on volunteer-service's topic: volunteers'
 * sign-ups, changes and erasures, and their attendance. The ladder's part of the
 * {@code volunteerEvents} binding (see {@code EventBindings}); each event applied once
 * (the consumer name keys its idempotency records).
 */
@Component
public class LadderEvents {

	static final String CONSUMER = "campaign-training-ladder";

	private final Consumer<Message<byte[]>> volunteerEvents;

	LadderEvents(EventConsumers consumers, LadderService ladder) {
		this.volunteerEvents = consumers.named(CONSUMER)
			.on(VolunteerSignedUp.class, ladder::signedUp)
			.on(VolunteerUpdated.class, ladder::updated)
			.on(AttendanceRecorded.class, ladder::attendanceRecorded)
			.on(VolunteerErased.class, ladder::erased)
			.build();
	}

	/** The ladder's part of the {@code volunteerEvents} binding. */
	public Consumer<Message<byte[]>> volunteerEvents() {
		return this.volunteerEvents;
	}

}
