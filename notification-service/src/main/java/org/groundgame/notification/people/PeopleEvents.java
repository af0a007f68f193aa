package org.groundgame.notification.people;

import java.util.function.Consumer;

import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The Kafka side of people's contact and consent: the sign-ups and updates the projection
 * is built from, and the erasures that purge a person from the whole service: a
 * volunteer's (volunteer topic), a trainee's (training topic) and a candidate's
 * (endorsement topic). One consumer, bound to all three topics: event ids are unique
 * across them.
 */
@Component
public class PeopleEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "people";

	private final Consumer<Message<byte[]>> consumer;

	PeopleEvents(EventConsumers consumers, PeopleProjection projection, PersonErasure erasure) {
		this.consumer = consumers.named(CONSUMER)
			.on(VolunteerSignedUp.class, projection::volunteerSignedUp)
			.on(VolunteerUpdated.class, projection::volunteerUpdated)
			.on(VolunteerErased.class, erasure::volunteerErased)
			.on(TraineeErased.class, erasure::traineeErased)
			.on(CandidateErased.class, erasure::candidateErased)
			.build();
	}

	public Consumer<Message<byte[]>> consumer() {
		return this.consumer;
	}

}
