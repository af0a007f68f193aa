package org.groundgame.identity.key;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the signing keys are kept ({@code signingKeys}). A key is inserted once, under a
 * unique generation, so that instances rotating at the same time make one key, not two;
 * after that only its sealed private key changes, by an update conditioned on the value
 * read; a key is deleted when revoked or past its grace.
 */
@Component
class SigningKeyStore {

	private final SigningKeyRepository keys;

	private final MongoTemplate mongo;

	SigningKeyStore(SigningKeyRepository keys, MongoTemplate mongo) {
		this.keys = keys;
		this.mongo = mongo;
		mongo.indexOps(SigningKeyDocument.class)
			.createIndex(
					new Index(SigningKeyDocument.GENERATION, Sort.Direction.ASC).named("generation_unique").unique());
	}

	List<SigningKeyDocument> all() {
		return this.keys.findAll();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when a key of that generation
	 * exists already
	 */
	void insert(SigningKeyDocument key) {
		this.keys.insert(key);
	}

	void delete(String keyId) {
		this.keys.deleteById(keyId);
	}

	/**
	 * Replaces the stored private key, if it is still the one read.
	 * @return whether it was replaced
	 */
	boolean reseal(String keyId, String stored, String resealed) {
		Query unchanged = Query.query(Criteria.where("_id").is(keyId).and(SigningKeyDocument.PRIVATE_KEY).is(stored));
		return this.mongo
			.updateFirst(unchanged, Update.update(SigningKeyDocument.PRIVATE_KEY, resealed), SigningKeyDocument.class)
			.getModifiedCount() == 1;
	}

}
