package org.groundgame.endorsement.candidate;

import java.util.List;
import java.util.Optional;

import org.groundgame.endorsement.candidate.domain.CandidateErasure;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.support.outbox.OutboxUpdates;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the candidates' records are kept, once per person under their unique match key. A
 * record is inserted once; its erasure is a version-checked update through
 * {@link OutboxUpdates}, written with its event.
 */
@Component
public class CandidateStore {

	private final MongoTemplate mongo;

	private final OutboxUpdates updates;

	CandidateStore(MongoTemplate mongo, OutboxUpdates updates) {
		this.mongo = mongo;
		this.updates = updates;
		mongo.indexOps(CandidateDocument.class)
			.createIndex(new Index().on("matchKey", Sort.Direction.ASC).named("matchKey").unique());
	}

	public Optional<CandidateDocument> find(String candidateId) {
		return Optional.ofNullable(this.mongo.findById(candidateId, CandidateDocument.class));
	}

	public Optional<CandidateDocument> findByMatchKey(String matchKey) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("matchKey").is(matchKey)), CandidateDocument.class));
	}

	/**
	 * Inserts a new record.
	 * @throws org.springframework.dao.DuplicateKeyException when one with the same match
	 * key is there
	 */
	public CandidateDocument insert(CandidateDocument candidate) {
		return this.mongo.insert(candidate);
	}

	/**
	 * Records the erasure if the record is still at the version read: its name goes, its
	 * match key becomes nobody's, with the nominations announced and the event.
	 * @return whether it was written
	 */
	public boolean updateErased(CandidateDocument read, CandidateErasure erasure, CandidateErased event) {
		Update update = new Update().set("matchKey", CandidateDocument.ERASED_KEY_PREFIX + read.getId())
			.unset("name")
			.set("erasedAt", erasure.erasedAt())
			.set("erasedNominationIds", erasure.announced());
		return this.updates.updateIfUnchanged(CandidateDocument.class, read.getId(), read.getVersion(), update,
				List.of(event));
	}

}
