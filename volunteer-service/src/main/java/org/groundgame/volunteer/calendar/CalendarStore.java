package org.groundgame.volunteer.calendar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the calendar feeds read: the {@code opportunities} and {@code shifts} collections
 * as stored (their schema is the opportunity feature's, see docs/calendars-and-hours.md),
 * never changing them.
 */
@Component
class CalendarStore {

	static final String OPPORTUNITIES = "opportunities";

	static final String SHIFTS = "shifts";

	private final MongoTemplate mongo;

	CalendarStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<Document> opportunity(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, OPPORTUNITIES));
	}

	/** The opportunities with these ids, by id. */
	Map<String, Document> opportunities(Collection<String> ids) {
		Map<String, Document> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, OPPORTUNITIES)
				.forEach((opportunity) -> found.put(String.valueOf(opportunity.get("_id")), opportunity));
		}
		return found;
	}

	/** An opportunity's shifts that are not cancelled, soonest first. */
	List<Document> shiftsNotCancelled(String opportunityId) {
		Query shifts = Query.query(Criteria.where("opportunityId").is(opportunityId).and("status").ne("CANCELLED"))
			.with(Sort.by("startsAt", "_id"));
		return this.mongo.find(shifts, Document.class, SHIFTS);
	}

	/**
	 * The shifts a volunteer has a signup of one of these statuses on, soonest first: one
	 * document per shift, with that signup alone in {@code signups}.
	 */
	List<Document> signupsOf(String volunteerId, List<String> statuses) {
		List<Document> pipeline = List.of(new Document("$match", new Document("signups.volunteerId", volunteerId)),
				new Document("$unwind", "$signups"),
				new Document("$match",
						new Document("signups.volunteerId", volunteerId).append("signups.status",
								new Document("$in", statuses))),
				new Document("$sort", new Document("startsAt", 1).append("_id", 1)));
		return this.mongo.getCollection(SHIFTS).aggregate(pipeline).into(new ArrayList<>());
	}

}
