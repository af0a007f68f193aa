package org.groundgame.notification.preference;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.groundgame.notification.preference.domain.EmailPreferences;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.secrets.KeyEncryption;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code email_preferences} collection: one document per address, each write one
 * atomic update of one document (no read-then-write), so that concurrent e-mails,
 * one-click unsubscribes and page changes never undo each other.
 */
@Component
class PreferenceStore {

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private final MongoTemplate mongo;

	private final KeyEncryption kek;

	private final Clock clock;

	PreferenceStore(MongoTemplate mongo, KeyEncryption kek, Clock clock) {
		this.mongo = mongo;
		this.kek = kek;
		this.clock = clock;
		createIndexes(mongo.indexOps(PreferenceDocument.class));
	}

	/**
	 * The indexes of the collection, as its document declared them before (same names,
	 * keys and options, so that a deployment's existing indexes are the same ones): one
	 * document per address and per token, whatever races.
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new Index().on("addressKey", Sort.Direction.ASC).named("addressKey").unique());
		indexes.createIndex(new Index().on("tokenHash", Sort.Direction.ASC).named("tokenHash").unique());
		indexes.createIndex(new Index().on("records", Sort.Direction.ASC).named("records"));
	}

	/**
	 * The preferences of an address, created with the defaults and a new token if it has
	 * none yet, with the personal records it is e-mailed for added: one upsert, so that
	 * two first e-mails to one address at once make one document (the unique key decides;
	 * the loser finds the winner's).
	 * @param addressKey the address's key
	 * @param records the personal records the e-mail is for
	 * @return the preferences and their token
	 */
	Enrolled enrol(String addressKey, Set<String> records) {
		if (records.isEmpty()) {
			throw new IllegalArgumentException("An e-mail to a person is for at least one personal record");
		}
		try {
			return upsert(addressKey, records);
		}
		catch (DuplicateKeyException ex) {
			// Another e-mail to the same new address inserted it first: now it is there.
			return upsert(addressKey, records);
		}
	}

	private Enrolled upsert(String addressKey, Set<String> records) {
		String token = CapabilityTokens.newToken();
		Update update = new Update().setOnInsert("_id", newId())
			.setOnInsert("tokenHash", CapabilityTokens.hash(token))
			.setOnInsert("sealedToken", this.kek.seal(token))
			.setOnInsert("email", true)
			.setOnInsert("topics", Map.of())
			.setOnInsert("createdAt", this.clock.instant());
		update.addToSet("records").each(records.toArray());
		PreferenceDocument stored = this.mongo.findAndModify(Query.query(Criteria.where("addressKey").is(addressKey)),
				update, FindAndModifyOptions.options().upsert(true).returnNew(true), PreferenceDocument.class);
		if (stored == null) {
			throw new IllegalStateException("An upsert that returns the new document returned none");
		}
		String storedToken = CapabilityTokens.matches(token, stored.tokenHash()) ? token
				: this.kek.open(stored.sealedToken());
		return new Enrolled(stored.id(), storedToken, stored.preferences());
	}

	/** The preferences of an address, if it was ever e-mailed. */
	Optional<EmailPreferences> byAddressKey(String addressKey) {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("addressKey").is(addressKey)),
					PreferenceDocument.class))
			.map(PreferenceDocument::preferences);
	}

	/** The preferences a token opens, if any. */
	Optional<PreferenceDocument> byToken(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(CapabilityTokens.hash(token.strip()))),
						PreferenceDocument.class));
	}

	Optional<PreferenceDocument> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, PreferenceDocument.class));
	}

	/** The token of stored preferences, unsealed. */
	String tokenOf(PreferenceDocument stored) {
		return this.kek.open(stored.sealedToken());
	}

	/**
	 * The person's new choices, each named one set on its own (e-mail unchanged when
	 * {@code null}, a topic not named unchanged); the preferences as they now are, or
	 * empty if they are gone (the person was erased meanwhile).
	 */
	Optional<EmailPreferences> choose(String id, Boolean email, Map<EmailTopic, Boolean> topics) {
		Update update = new Update().set("changedAt", this.clock.instant());
		if (email != null) {
			update.set("email", email);
		}
		topics.forEach((topic, subscribed) -> update.set("topics." + topic.name(), subscribed));
		return Optional
			.ofNullable(this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
					FindAndModifyOptions.options().returnNew(true), PreferenceDocument.class))
			.map(PreferenceDocument::preferences);
	}

	/**
	 * One topic left (or e-mail stopped, for {@code null}), beside whatever else was
	 * chosen meanwhile.
	 * @return whether the preferences were still there
	 */
	boolean unsubscribe(String id, EmailTopic topic) {
		Update update = (topic != null) ? new Update().set("topics." + topic.name(), false)
				: new Update().set("email", false);
		update.set("changedAt", this.clock.instant());
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, PreferenceDocument.class)
			.getMatchedCount() > 0;
	}

	/**
	 * A personal record erased: the preferences of an address e-mailed for it alone go;
	 * those of an address e-mailed for other records too (the same person as a volunteer
	 * and a trainee) stay for them, without it.
	 * @return how many preferences went
	 */
	long forget(String record) {
		long removed = this.mongo
			.remove(Query.query(new Criteria().andOperator(Criteria.where("records").is(record),
					Criteria.where("records").size(1))), PreferenceDocument.class)
			.getDeletedCount();
		// Preferences the address keeps for another record of the same address stay.
		this.mongo.updateMulti(Query.query(Criteria.where("records").is(record)), new Update().pull("records", record),
				PreferenceDocument.class);
		return removed;
	}

	private static String newId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * An address's preferences with their token, to put in an e-mail.
	 *
	 * @param id the preferences' id
	 * @param token the preferences token
	 * @param preferences the choices
	 */
	record Enrolled(String id, String token, EmailPreferences preferences) {

		@Override
		public String toString() {
			return "Enrolled[id=" + this.id + ", preferences=" + this.preferences + "]";
		}

	}

	/** The documents whose token is not sealed with the current key-encryption key. */
	List<PreferenceDocument> tokensNotSealedWith(String currentKeyId) {
		Query notCurrent = Query
			.query(Criteria.where("sealedToken").not().regex("^" + Pattern.quote("{kek:" + currentKeyId + "}")));
		return this.mongo.find(notCurrent, PreferenceDocument.class);
	}

	/**
	 * Replaces the sealed token of a document with the same token sealed again, unless it
	 * changed since it was read.
	 * @return whether it was replaced
	 */
	boolean resealToken(PreferenceDocument read, String sealedToken) {
		Query unchanged = Query.query(Criteria.where("_id").is(read.id()).and("sealedToken").is(read.sealedToken()));
		return this.mongo.updateFirst(unchanged, Update.update("sealedToken", sealedToken), PreferenceDocument.class)
			.getModifiedCount() == 1;
	}

}
