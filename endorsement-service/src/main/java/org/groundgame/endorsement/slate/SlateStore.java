package org.groundgame.endorsement.slate;

import java.util.List;
import java.util.Optional;

import org.groundgame.endorsement.nomination.NominationStore;
import org.groundgame.endorsement.nomination.SlateErasure;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where slates are kept. A slate is inserted once; only an erasure changes it, in place.
 */
@Component
class SlateStore implements SlateErasure {

	private final MongoTemplate mongo;

	SlateStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<SlateDocument> find(String slateId) {
		return Optional.ofNullable(this.mongo.findById(slateId, SlateDocument.class));
	}

	void insert(SlateDocument slate) {
		this.mongo.insert(slate);
	}

	@Override
	public void eraseStatementsOfSlatesWith(List<String> nominationIds) {
		if (!nominationIds.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("nominationIds").in(nominationIds)),
					new Update().unset("statement"), SlateDocument.class);
		}
	}

	@Override
	public long eraseNominator(String address) {
		return this.mongo
			.updateMulti(Query.query(NominationStore.byNominatorAddress(address)),
					new Update().unset("nominatedBy.name").unset("nominatedBy.email").unset("statement"),
					SlateDocument.class)
			.getModifiedCount();
	}

}
