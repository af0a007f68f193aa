package org.groundgame.training.chapter;

import org.groundgame.support.chapter.RegisteredChapters;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the service's projection of the registered chapters is kept: service-support's
 * {@link RegisteredChapters} over this service's own database (collection
 * {@code chapters}), fed by {@link ChapterEvents}.
 */
@Component
class ChapterStore extends RegisteredChapters {

	ChapterStore(MongoTemplate mongo) {
		super(mongo);
	}

}
