package org.groundgame.endorsement.chapter;

import org.groundgame.support.chapter.RegisteredChapters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where the service's projection of the registered chapters is kept: service-support's
 * {@link RegisteredChapters}, the store of that read model, made here on the service's
 * template.
 */
@Configuration(proxyBeanMethods = false)
class ChapterStore {

	@Bean
	RegisteredChapters registeredChapters(MongoTemplate mongo) {
		return new RegisteredChapters(mongo);
	}

}
