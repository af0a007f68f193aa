package org.groundgame.volunteer.opportunity;

import java.util.function.Consumer;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What opportunities react to on endorsement-service's topic: an endorsement granted
 * opens the race's volunteer team. The {@code endorsementEvents} binding (see
 * {@code EventBindings}); each event applied once (the consumer name keys its idempotency
 * records).
 */
@Component
public class OpportunityEvents {

	static final String CONSUMER = "volunteer-service-teams";

	private final Consumer<Message<byte[]>> endorsementEvents;

	OpportunityEvents(EventConsumers consumers, OpportunityService opportunities) {
		this.endorsementEvents = consumers.named(CONSUMER)
			.on(EndorsementGranted.class, opportunities::openTeam)
			.build();
	}

	/** The opportunities' part of the {@code endorsementEvents} binding. */
	public Consumer<Message<byte[]>> endorsementEvents() {
		return this.endorsementEvents;
	}

}
