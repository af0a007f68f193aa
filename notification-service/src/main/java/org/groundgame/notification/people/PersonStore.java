package org.groundgame.notification.people;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The store of the people projection ({@code people}): one document per person, keyed by
 * their id, the only class that knows the collection and its queries.
 */
@Repository
class PersonStore {

	private final MongoTemplate mongo;

	PersonStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<PersonDocument> find(String personId) {
		return Optional.ofNullable(this.mongo.findById(personId, PersonDocument.class));
	}

	/**
	 * Writes the person's document whole by their id: an upsert, the projection's write.
	 */
	void put(PersonDocument person) {
		this.mongo.replace(Query.query(Criteria.where("_id").is(person.id())), person,
				ReplaceOptions.replaceOptions().upsert());
	}

	void remove(String personId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(personId)), PersonDocument.class);
	}

}
