package org.groundgame.volunteer;

import java.util.function.Consumer;

import org.groundgame.volunteer.opportunity.OpportunityEvents;
import org.groundgame.volunteer.opportunity.ShiftEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The service's bound functions, one per binding of {@code application.yaml} (group
 * {@code volunteer-service}), each composing the consumers of the features that react to
 * that topic, in the order they see an event.
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

	/** endorsement-service's topic: an endorsement granted opens a volunteer team. */
	@Bean
	Consumer<Message<byte[]>> endorsementEvents(OpportunityEvents opportunities) {
		return opportunities.endorsementEvents();
	}

	/** The service's own topic: a volunteer erased gives up their places on shifts. */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(ShiftEvents shifts) {
		return shifts.volunteerEvents();
	}

}
