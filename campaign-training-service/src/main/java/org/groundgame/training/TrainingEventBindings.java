package org.groundgame.training;

import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The school's own topic feeds two features: the pipeline (graduations, erasures) and the
 * cohort alerts (a cohort opened). One function for the one binding
 * ({@code trainingEvents-in-0}, group {@code campaign-training-service}: two bindings of
 * one group on one topic would split its partitions between them), handing each event to
 * both; each feature's consumer ignores the types it has no use for and applies the
 * others once under its own name.
 */
@Configuration(proxyBeanMethods = false)
class TrainingEventBindings {

	@Bean
	Consumer<Message<byte[]>> trainingEvents(@Qualifier("pipelineTrainingEvents") Consumer<Message<byte[]>> pipeline,
			@Qualifier("alertTrainingEvents") Consumer<Message<byte[]>> alerts) {
		return pipeline.andThen(alerts);
	}

	/**
	 * The same for volunteer-service's topic ({@code volunteerEvents-in-0}): chapters for
	 * the chapter projection, volunteers and their hours for the leadership ladder.
	 */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(@Qualifier("chapterVolunteerEvents") Consumer<Message<byte[]>> chapters,
			@Qualifier("ladderVolunteerEvents") Consumer<Message<byte[]>> ladder) {
		return chapters.andThen(ladder);
	}

}
