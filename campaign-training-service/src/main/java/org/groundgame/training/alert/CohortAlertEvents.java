package org.groundgame.training.alert;

import java.util.function.Consumer;

import org.groundgame.events.training.CohortOpened;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the cohort alerts react to on the school's own topic: a cohort opened. Their part
 * of the {@code trainingEvents} binding (see {@code EventBindings}); each event applied
 * once (the consumer name keys its idempotency records).
 */
@Component
public class CohortAlertEvents {

	static final String CONSUMER = "campaign-training-alerts";

	private final Consumer<Message<byte[]>> trainingEvents;

	CohortAlertEvents(EventConsumers consumers, CohortAlertService alerts) {
		this.trainingEvents = consumers.named(CONSUMER).on(CohortOpened.class, alerts::cohortOpened).build();
	}

	/** The alerts' part of the {@code trainingEvents} binding. */
	public Consumer<Message<byte[]>> trainingEvents() {
		return this.trainingEvents;
	}

}
