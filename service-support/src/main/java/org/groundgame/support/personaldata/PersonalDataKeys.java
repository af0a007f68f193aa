package org.groundgame.support.personaldata;

import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.groundgame.support.secrets.KeyEncryption;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * The data keys of the personal records a service owns: one AES-256 key per record (a
 * volunteer, an enrollment, a nomination), made on the first event that carries the
 * record's personal data, kept sealed with the key-encryption key, and shared with the
 * other services on the record's keys topic before any event that needs it. Erasing the
 * record destroys its key here at once and puts a tombstone on the keys topic, so that
 * every copy of its personal data in events, on every topic and dead-letter topic, can no
 * longer be read (crypto-shredding).
 * <p>
 * A key document is {@code NEW} (made, not yet shared), {@code SHARED}, or {@code ERASED}
 * (destroyed; its tombstone not yet on the topic). The last two steps are idempotent, so
 * that the relay may repeat them after a crash.
 */
public class PersonalDataKeys {

	static final String COLLECTION = "personal_data_keys";

	static final String NEW = "NEW";

	static final String SHARED = "SHARED";

	static final String ERASED = "ERASED";

	private static final int KEY_BYTES = 32;

	private static final int UPSERT_ATTEMPTS = 3;

	private static final int DUPLICATE_KEY_CODE = 11000;

	private final MongoTemplate mongo;

	private final KeyEncryption kek;

	private final KeySharing sharing;

	private final Clock clock;

	public PersonalDataKeys(MongoTemplate mongo, KeyEncryption kek, KeySharing sharing, Clock clock) {
		this.mongo = mongo;
		this.kek = kek;
		this.sharing = sharing;
		this.clock = clock;
	}

	/**
	 * The record's key, made now if it has none.
	 * @return the key, or {@code null} while the record's erasure is still being shared
	 * (nothing of an erased record is sealed with a new key before its tombstone is out)
	 */
	byte[] keyFor(String keysTopic, String subject) {
		String id = id(keysTopic, subject);
		Document existing = keys().find(Filters.eq("_id", id)).first();
		if (existing == null) {
			byte[] key = KeyGenerators.secureRandom(KEY_BYTES).generateKey();
			Bson made = Updates.combine(Updates.setOnInsert("topic", keysTopic),
					Updates.setOnInsert("subject", subject),
					Updates.setOnInsert("key", this.kek.seal(Base64.getEncoder().encodeToString(key))),
					Updates.setOnInsert("state", NEW),
					Updates.setOnInsert("createdAt", Date.from(this.clock.instant())));
			existing = upsert(id, made);
		}
		return open(existing);
	}

	/**
	 * Makes the document unless it exists, and answers the one stored: whoever made it,
	 * every request of the same moment uses the same key. Two upserts of one new id at
	 * once may fail on the unique {@code _id} (MongoDB's documented behaviour); the one
	 * that failed finds the other's document when it tries again.
	 */
	private Document upsert(String id, Bson made) {
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true)
			.returnDocument(ReturnDocument.AFTER);
		DuplicateKeyException last = null;
		for (int attempt = 0; attempt < UPSERT_ATTEMPTS; attempt++) {
			try {
				return keys().findOneAndUpdate(Filters.eq("_id", id), made, options);
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				last = new DuplicateKeyException(ex.getMessage(), ex);
			}
			catch (MongoCommandException ex) {
				if (ex.getErrorCode() != DUPLICATE_KEY_CODE) {
					throw ex;
				}
				last = new DuplicateKeyException(ex.getMessage(), ex);
			}
		}
		throw last;
	}

	/**
	 * Shares the record's key on its keys topic if it is not shared yet: the relay calls
	 * this before it publishes an event sealed with the key.
	 */
	void ensureShared(String keysTopic, String subject) {
		String id = id(keysTopic, subject);
		Document document = keys().find(Filters.eq("_id", id)).first();
		if (document == null || !NEW.equals(document.getString("state"))) {
			return;
		}
		this.sharing.share(keysTopic, subject, document.getString("key"));
		long marked = keys()
			.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", NEW)), Updates.set("state", SHARED))
			.getModifiedCount();
		if (marked == 0) {
			Document now = keys().find(Filters.eq("_id", id)).first();
			if (now == null || ERASED.equals(now.getString("state"))) {
				// Erased while its key was on the way: the tombstone must come after it.
				this.sharing.share(keysTopic, subject, null);
			}
			// Otherwise another relay shared it at the same moment: the same key, twice.
		}
	}

	/**
	 * Destroys the keys of these records and shares their tombstones. Records that never
	 * had a key get a tombstone too, which every reader ignores.
	 */
	void erase(String keysTopic, Collection<String> subjects) {
		for (String subject : subjects) {
			String id = id(keysTopic, subject);
			keys().updateOne(Filters.eq("_id", id),
					Updates.combine(Updates.unset("key"), Updates.set("state", ERASED),
							Updates.setOnInsert("topic", keysTopic), Updates.setOnInsert("subject", subject),
							Updates.setOnInsert("createdAt", Date.from(this.clock.instant()))),
					new UpdateOptions().upsert(true));
			this.sharing.share(keysTopic, subject, null);
			keys().deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", ERASED)));
		}
	}

	private byte[] open(Document document) {
		String sealed = (document != null) ? document.getString("key") : null;
		return (sealed != null) ? Base64.getDecoder().decode(this.kek.open(sealed)) : null;
	}

	private MongoCollection<Document> keys() {
		return this.mongo.getCollection(COLLECTION);
	}

	static String id(String keysTopic, String subject) {
		return keysTopic + ":" + subject;
	}

	/**
	 * Puts a sealed key, or a tombstone ({@code null}), on a keys topic, synchronously.
	 */
	@FunctionalInterface
	public interface KeySharing {

		void share(String keysTopic, String subject, String sealedKey);

	}

}
