package org.groundgame.identity.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.groundgame.security.Role;
import org.groundgame.support.outbox.OutboxUpdates;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
 * Where people are kept ({@code people}). A person is inserted once (a unique index on
 * the username: of two invitations of one address at once, one is stored); after that a
 * person changes only by targeted updates: what staff and the configuration change, on
 * the version it was read at ({@link OutboxUpdates}; a person causes no event, so the
 * outbox stays empty), and what a person's own links and codes change, conditioned on the
 * token or time step they use up, which makes each single use.
 */
@Component
class PersonStore {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"));

	private final PersonRepository people;

	private final MongoTemplate mongo;

	private final OutboxUpdates updates;

	PersonStore(PersonRepository people, MongoTemplate mongo, OutboxUpdates updates) {
		this.people = people;
		this.mongo = mongo;
		this.updates = updates;
		IndexOperations indexes = mongo.indexOps(PersonDocument.class);
		indexes.createIndex(new Index(PersonDocument.USERNAME, Sort.Direction.ASC).named("username_unique").unique());
		indexes.createIndex(
				new Index(PersonDocument.INVITATION_HASH, Sort.Direction.ASC).named("invitation_hash").sparse());
		indexes.createIndex(new Index(PersonDocument.RESET_HASH, Sort.Direction.ASC).named("reset_hash").sparse());
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when a person has that
	 * username already
	 */
	void insert(PersonDocument person) {
		this.people.insert(person);
	}

	/**
	 * @param username normalized ({@link Person#normalise})
	 */
	Optional<PersonDocument> byUsername(String username) {
		return this.people.findByUsername(username);
	}

	Optional<PersonDocument> byId(String id) {
		return this.people.findById(id);
	}

	/** A page of people, the newest first. */
	Page<PersonDocument> page(int page, int size) {
		return this.people.findAll(PageRequest.of(page, size, NEWEST_FIRST));
	}

	/**
	 * Changes a person's role and chapter.
	 * @return whether it was written; {@code false} when the person changed meanwhile
	 */
	boolean changeRole(PersonDocument read, Role role, String chapterId) {
		return updateIfUnchanged(read,
				new Update().set(PersonDocument.ROLE, role.name()).set(PersonDocument.CHAPTER_ID, chapterId));
	}

	/**
	 * Disables a person; a pending password-reset link stops working.
	 * @return whether it was written; {@code false} when the person changed meanwhile
	 */
	boolean disable(PersonDocument read) {
		return updateIfUnchanged(read,
				new Update().set(PersonDocument.DISABLED, true)
					.unset(PersonDocument.RESET_HASH)
					.unset(PersonDocument.RESET_EXPIRES_AT));
	}

	/**
	 * @return whether it was written; {@code false} when the person changed meanwhile
	 */
	boolean enable(PersonDocument read) {
		return updateIfUnchanged(read, new Update().set(PersonDocument.DISABLED, false));
	}

	/**
	 * A new invitation link for the person; the earlier one stops working.
	 * @return whether it was written; {@code false} when the person changed meanwhile
	 */
	boolean inviteAgain(PersonDocument read, String tokenHash, Instant expiresAt) {
		return updateIfUnchanged(read, new Update().set(PersonDocument.INVITATION_HASH, tokenHash)
			.set(PersonDocument.INVITATION_EXPIRES_AT, expiresAt));
	}

	/**
	 * Brings a seeded person in line with the configuration; a pending invitation is
	 * dropped (the configuration gives the password), and whether the person is disabled
	 * stays as it is.
	 * @param passwordHash a new password's hash, or {@code null} to keep the stored one
	 * @param sealedTotpSecret a new authenticator secret, sealed, or {@code null} to keep
	 * the stored one
	 * @return whether it was written; {@code false} when the person changed meanwhile
	 */
	boolean reseed(PersonDocument read, Role role, String chapterId, String displayName, String passwordHash,
			String sealedTotpSecret) {
		Update update = new Update().set(PersonDocument.ROLE, role.name())
			.set(PersonDocument.CHAPTER_ID, chapterId)
			.set(PersonDocument.DISPLAY_NAME, displayName)
			.unset(PersonDocument.INVITATION_HASH)
			.unset(PersonDocument.INVITATION_EXPIRES_AT);
		if (passwordHash != null) {
			update.set(PersonDocument.PASSWORD_HASH, passwordHash);
		}
		if (sealedTotpSecret != null) {
			update.set(PersonDocument.TOTP_SECRET, sealedTotpSecret).unset(PersonDocument.TOTP_LAST_STEP);
		}
		return updateIfUnchanged(read, update);
	}

	/** The enabled person a link's token is for, while it works. */
	Optional<PersonDocument> byLink(Link link, String tokenHash, Instant now) {
		return Optional.ofNullable(this.mongo.findOne(working(link, tokenHash, now), PersonDocument.class));
	}

	/**
	 * Sets the password of the enabled person whose link this is, if it still works, and
	 * drops both links: two uses of one link at once set one password.
	 * @return the person as changed, or empty when the link no longer works
	 */
	Optional<PersonDocument> setPasswordByLink(Link link, String tokenHash, Instant now, String passwordHash) {
		Update update = new Update().set(PersonDocument.PASSWORD_HASH, passwordHash)
			.unset(PersonDocument.INVITATION_HASH)
			.unset(PersonDocument.INVITATION_EXPIRES_AT)
			.unset(PersonDocument.RESET_HASH)
			.unset(PersonDocument.RESET_EXPIRES_AT)
			.inc(PersonDocument.VERSION, 1);
		return Optional.ofNullable(this.mongo.findAndModify(working(link, tokenHash, now), update,
				FindAndModifyOptions.options().returnNew(true), PersonDocument.class));
	}

	/**
	 * A new password-reset link for the person, if not disabled; an earlier one stops
	 * working.
	 * @return whether it was stored
	 */
	boolean startPasswordReset(String id, String tokenHash, Instant expiresAt) {
		Query query = Query.query(Criteria.where("_id").is(id).and(PersonDocument.DISABLED).is(false));
		Update update = new Update().set(PersonDocument.RESET_HASH, tokenHash)
			.set(PersonDocument.RESET_EXPIRES_AT, expiresAt)
			.inc(PersonDocument.VERSION, 1);
		return this.mongo.updateFirst(query, update, PersonDocument.class).getMatchedCount() == 1;
	}

	/**
	 * Records that a one-time code of this time step was used, if no code of it or a
	 * later step was.
	 * @return whether it was recorded (the code is used up now)
	 */
	boolean useTotpStep(String id, long step) {
		Query unused = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where(PersonDocument.TOTP_LAST_STEP).exists(false),
					Criteria.where(PersonDocument.TOTP_LAST_STEP).is(null),
					Criteria.where(PersonDocument.TOTP_LAST_STEP).lt(step)));
		return this.mongo
			.updateFirst(unused, new Update().set(PersonDocument.TOTP_LAST_STEP, step), PersonDocument.class)
			.getMatchedCount() == 1;
	}

	/**
	 * Gives the person an authenticator, if they have none, with the time step of the
	 * code they showed used up.
	 * @return the person as changed, or empty when they have one already (or are unknown)
	 */
	Optional<PersonDocument> enrolAuthenticator(String username, String sealedSecret, long step) {
		Query query = Query
			.query(Criteria.where(PersonDocument.USERNAME).is(username).and(PersonDocument.TOTP_SECRET).exists(false));
		Update update = new Update().set(PersonDocument.TOTP_SECRET, sealedSecret)
			.set(PersonDocument.TOTP_LAST_STEP, step)
			.inc(PersonDocument.VERSION, 1);
		return Optional.ofNullable(this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().returnNew(true), PersonDocument.class));
	}

	private static Query working(Link link, String tokenHash, Instant now) {
		return Query.query(Criteria.where(link.hashField)
			.is(tokenHash)
			.and(link.expiryField)
			.gt(now)
			.and(PersonDocument.DISABLED)
			.is(false));
	}

	private boolean updateIfUnchanged(PersonDocument read, Update update) {
		return this.updates.updateIfUnchanged(PersonDocument.class, read.getId(), read.getVersion(), update, List.of());
	}

	/** The links e-mailed to a person, each kept as its token's hash and expiry. */
	enum Link {

		INVITATION(PersonDocument.INVITATION_HASH, PersonDocument.INVITATION_EXPIRES_AT),

		PASSWORD_RESET(PersonDocument.RESET_HASH, PersonDocument.RESET_EXPIRES_AT);

		private final String hashField;

		private final String expiryField;

		Link(String hashField, String expiryField) {
			this.hashField = hashField;
			this.expiryField = expiryField;
		}

	}

}
