package org.groundgame.training;

import java.util.function.Consumer;

import org.groundgame.training.alert.CohortAlertEvents;
import org.groundgame.training.chapter.ChapterEvents;
import org.groundgame.training.ladder.LadderEvents;
import org.groundgame.training.pipeline.PipelineEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The service's bound functions, one per binding of {@code application.yaml} (group
 * {@code campaign-training-service}), each composing the consumers of the features that
 * react to that topic, in the order they see an event. A topic has one binding: two
 * bindings of one group on one topic would split its partitions between them. Each
 * feature's consumer ignores the types it has no use for and applies the others once
 * under its own name.
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

	/** Nominations, endorsements, outcomes and candidates' erasures: the pipeline. */
	@Bean
	Consumer<Message<byte[]>> endorsementEvents(PipelineEvents pipeline) {
		return pipeline.endorsementEvents();
	}

	/**
	 * The school's own topic: graduations and erasures for the pipeline, cohorts opened
	 * for the cohort alerts.
	 */
	@Bean
	Consumer<Message<byte[]>> trainingEvents(PipelineEvents pipeline, CohortAlertEvents alerts) {
		return pipeline.trainingEvents().andThen(alerts.trainingEvents());
	}

	/**
	 * volunteer-service's topic: chapters for the chapter projection, volunteers and
	 * their hours for the leadership ladder.
	 */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(ChapterEvents chapters, LadderEvents ladder) {
		return chapters.volunteerEvents().andThen(ladder.volunteerEvents());
	}

}
