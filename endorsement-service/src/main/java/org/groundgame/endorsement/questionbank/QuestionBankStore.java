package org.groundgame.endorsement.questionbank;

import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the question banks are kept, one document per cycle. A cycle's first bank is
 * inserted (two first revisions collide on the id); after that a revision is written in
 * place on the version it was read at, so that the later of two revisions from the same
 * reading fails instead of overwriting the earlier.
 */
@Component
class QuestionBankStore {

	private final MongoTemplate mongo;

	QuestionBankStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<QuestionBankDocument> find(int cycle) {
		return Optional.ofNullable(this.mongo.findById(cycle, QuestionBankDocument.class));
	}

	/**
	 * Writes a revised bank: inserted when the cycle had none, else its questions and who
	 * revised it when, on the version read.
	 * @param read the bank as read ({@code version} {@code null} when the cycle had none)
	 * @throws org.springframework.dao.DuplicateKeyException when another first revision
	 * of the cycle came first
	 * @throws OptimisticLockingFailureException when another revision came first
	 */
	void write(QuestionBankDocument read, QuestionBankDocument revised) {
		if (read.getVersion() == null) {
			this.mongo.insert(revised);
			return;
		}
		Document written = new Document();
		this.mongo.getConverter().write(revised, written);
		Update update = new Update().set("questions", written.get("questions"))
			.set("revisedAt", written.get("revisedAt"))
			.set("revisedBy", written.get("revisedBy"))
			.inc("version", 1);
		long matched = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(read.getCycle()).and("version").is(read.getVersion())),
					update, QuestionBankDocument.class)
			.getMatchedCount();
		if (matched == 0) {
			throw new OptimisticLockingFailureException(
					"The " + read.getCycle() + " question bank was revised meanwhile; read it again");
		}
	}

}
