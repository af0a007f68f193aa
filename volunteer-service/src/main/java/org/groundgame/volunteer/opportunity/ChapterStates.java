package org.groundgame.volunteer.opportunity;

import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.groundgame.support.geography.UsState;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The state a registered chapter is in, read from the chapters' own collection: a chapter
 * organizes opportunities in its own state only. (The chapter feature's
 * {@code RegisteredChapters} is to answer this; until it does, this one small adapter
 * reads the {@code state} field.)
 */
@Component
class ChapterStates {

	static final String CHAPTERS = "chapters";

	private final MongoTemplate mongo;

	ChapterStates(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The chapter's state, or empty when no such chapter is registered. */
	Optional<UsState> stateOf(String chapterId) {
		if (chapterId == null || chapterId.isBlank()) {
			return Optional.empty();
		}
		Document chapter = this.mongo.getCollection(CHAPTERS)
			.find(Filters.eq("_id", chapterId.strip()))
			.projection(Projections.include("state"))
			.first();
		return Optional.ofNullable(chapter).map((found) -> found.getString("state")).flatMap(UsState::fromCode);
	}

	boolean isRegistered(String chapterId) {
		return stateOf(chapterId).isPresent();
	}

}
