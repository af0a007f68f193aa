package org.groundgame.identity.token;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where the authorizations of the authorization-code flow are kept
 * ({@code authorizations}), shared by every instance of the service: a code issued by one
 * is redeemed at another. Inserted once, then replaced only on the version it was read
 * at, so that of two instances redeeming one code at the same moment exactly one stores
 * its tokens.
 */
@Component
class AuthorizationStore {

	private final MongoTemplate mongo;

	AuthorizationStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores an authorization for the first time. */
	void insert(AuthorizationDocument authorization) {
		this.mongo.insert(authorization);
	}

	/**
	 * Replaces the authorization, only if it is still at the version before this one's
	 * (the version it was read at).
	 * @return whether it was stored; {@code false} when it changed meanwhile (another
	 * redemption of its code, say) or is gone
	 */
	boolean replaceIfUnchanged(AuthorizationDocument authorization) {
		Query query = Query.query(Criteria.where("_id")
			.is(authorization.id())
			.and(AuthorizationDocument.VERSION)
			.is(authorization.version() - 1));
		return this.mongo.replace(query, authorization, ReplaceOptions.none(), AuthorizationDocument.COLLECTION)
			.getMatchedCount() == 1;
	}

	Optional<AuthorizationDocument> byId(String id) {
		return Optional.ofNullable(this.mongo.findOne(withId(id), AuthorizationDocument.class));
	}

	/**
	 * The authorization holding the token of this hash in one of these fields (the
	 * {@code …_HASH} fields of {@link AuthorizationDocument}).
	 */
	Optional<AuthorizationDocument> byTokenHash(String hash, String... fields) {
		Criteria[] any = new Criteria[fields.length];
		for (int i = 0; i < fields.length; i++) {
			any[i] = Criteria.where(fields[i]).is(hash);
		}
		Query query = (any.length == 1) ? Query.query(any[0]) : Query.query(new Criteria().orOperator(any));
		return Optional.ofNullable(this.mongo.findOne(query, AuthorizationDocument.class));
	}

	void remove(String id) {
		this.mongo.remove(withId(id), AuthorizationDocument.COLLECTION);
	}

	/**
	 * Removes the authorizations whose every token expired before {@code now}, with one
	 * delete conditional on that: any number of instances may run it at once.
	 * @return how many were removed
	 */
	long removeExpired(Instant now) {
		return this.mongo
			.remove(Query.query(Criteria.where(AuthorizationDocument.EXPIRES_AT).lt(now)),
					AuthorizationDocument.COLLECTION)
			.getDeletedCount();
	}

	private static Query withId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
