package org.groundgame.volunteer.opportunity;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What shifts react to on the service's own topic: a volunteer erased gives up their
 * places. The {@code volunteerEvents} binding (see {@code EventBindings}); each event
 * applied once (the consumer name keys its idempotency records).
 */
@Component
public class ShiftEvents {

	static final String CONSUMER = "volunteer-service-shifts";

	private final Consumer<Message<byte[]>> volunteerEvents;

	ShiftEvents(EventConsumers consumers, ShiftService shifts) {
		this.volunteerEvents = consumers.named(CONSUMER).on(VolunteerErased.class, shifts::volunteerErased).build();
	}

	/** The shifts' part of the {@code volunteerEvents} binding. */
	public Consumer<Message<byte[]>> volunteerEvents() {
		return this.volunteerEvents;
	}

}
