package org.groundgame.support.app;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Input that reaches a store as a real service's does: a body echoed back, a query
 * parameter in a case-insensitive regular expression (as the public endorsement search
 * had it), a path variable as an id.
 */
@RestController
class StrictInputController {

	static final String PEOPLE = "strict_people";

	enum Level {

		FEDERAL, STATE, LOCAL

	}

	record Shift(int capacity, double hours) {
	}

	record Person(String name, Integer age, Boolean active, Level level, List<String> tags, List<Shift> shifts) {
	}

	private final MongoTemplate mongo;

	StrictInputController(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostMapping("/strict/people")
	Person echo(@RequestBody Person person) {
		return person;
	}

	@GetMapping("/strict/people")
	List<Document> search(@RequestParam String office) {
		return this.mongo.find(Query.query(Criteria.where("office").regex(Pattern.quote(office), "i")), Document.class,
				PEOPLE);
	}

	@GetMapping("/strict/people/{id}")
	List<Document> byId(@PathVariable String id) {
		return this.mongo.find(Query.query(Criteria.where("_id").is(id)), Document.class, PEOPLE);
	}

}
