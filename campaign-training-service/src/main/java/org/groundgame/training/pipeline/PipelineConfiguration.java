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

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What the pipeline reacts to: nominations, endorsements, outcomes and candidates'
 * erasures on the endorsement topic; graduations and erasures on the school's own topic.
 * One function per topic, bound in {@code application.yaml} with the group
 * {@code campaign-training-service}; each applies an event once (the consumer name keys
 * its idempotency records).
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	static final String CONSUMER = "campaign-training-pipeline";

	@Bean
	Consumer<Message<byte[]>> endorsementEvents(EventConsumers consumers, PipelineService pipeline) {
		return consumers.named(CONSUMER)
			.on(NominationSubmitted.class, pipeline::nominationSubmitted)
			.on(NominationReviewStarted.class, pipeline::reviewStarted)
			.on(EndorsementGranted.class, pipeline::endorsementGranted)
			.on(EndorsementRescinded.class, pipeline::endorsementRescinded)
			.on(ElectionOutcomeRecorded.class, pipeline::outcomeRecorded)
			.on(CandidateErased.class, pipeline::candidateErased)
			.build();
	}

	/**
	 * The pipeline's part of the {@code trainingEvents} binding (see
	 * {@code TrainingEventBindings}).
	 */
	@Bean
	Consumer<Message<byte[]>> pipelineTrainingEvents(EventConsumers consumers, PipelineService pipeline) {
		return consumers.named(CONSUMER)
			.on(TraineeGraduated.class, pipeline::traineeGraduated)
			.on(TraineeErased.class, pipeline::traineeErased)
			.build();
	}

}
