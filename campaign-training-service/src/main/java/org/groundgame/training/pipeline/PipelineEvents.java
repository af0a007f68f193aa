package org.groundgame.training.pipeline;

import java.util.function.Consumer;

import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.EndorsementRescinded;
import org.groundgame.events.endorsement.NominationReviewStarted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the pipeline reacts to: nominations, endorsements, outcomes and candidates'
 * erasures on the endorsement topic; graduations and erasures on the school's own topic
 * (bound in {@code EventBindings}). Each event applied once (the consumer name keys its
 * idempotency records).
 */
@Component
public class PipelineEvents {

	static final String CONSUMER = "campaign-training-pipeline";

	private final Consumer<Message<byte[]>> endorsementEvents;

	private final Consumer<Message<byte[]>> trainingEvents;

	PipelineEvents(EventConsumers consumers, PipelineService pipeline) {
		this.endorsementEvents = consumers.named(CONSUMER)
			.on(NominationSubmitted.class, pipeline::nominationSubmitted)
			.on(NominationReviewStarted.class, pipeline::reviewStarted)
			.on(EndorsementGranted.class, pipeline::endorsementGranted)
			.on(EndorsementRescinded.class, pipeline::endorsementRescinded)
			.on(ElectionOutcomeRecorded.class, pipeline::outcomeRecorded)
			.on(CandidateErased.class, pipeline::candidateErased)
			.build();
		this.trainingEvents = consumers.named(CONSUMER)
			.on(TraineeGraduated.class, pipeline::traineeGraduated)
			.on(TraineeErased.class, pipeline::traineeErased)
			.build();
	}

	/** The endorsement topic's consumer. */
	public Consumer<Message<byte[]>> endorsementEvents() {
		return this.endorsementEvents;
	}

	/** The pipeline's part of the school's own topic. */
	public Consumer<Message<byte[]>> trainingEvents() {
		return this.trainingEvents;
	}

}
