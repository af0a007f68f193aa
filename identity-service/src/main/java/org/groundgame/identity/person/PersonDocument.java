package org.groundgame.identity.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.security.Role;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person as stored in {@code people}: the password only as a hash, the invitation and
 * password-reset tokens only as their SHA-256, the authenticator's secret sealed with the
 * key-encryption key. Changes after the insert are targeted updates
 * ({@link PersonStore}): version-checked through {@code OutboxUpdates} (a person causes
 * no event, so its outbox stays empty), or conditioned on the token they consume, which
 * makes each token single use.
 */
@Document(PersonDocument.COLLECTION)
class PersonDocument implements HasOutbox {

	static final String COLLECTION = "people";

	static final String USERNAME = "username";

	static final String DISPLAY_NAME = "displayName";

	static final String ROLE = "role";

	static final String CHAPTER_ID = "chapterId";

	static final String DISABLED = "disabled";

	static final String PASSWORD_HASH = "passwordHash";

	static final String INVITATION_HASH = "invitationHash";

	static final String INVITATION_EXPIRES_AT = "invitationExpiresAt";

	static final String RESET_HASH = "resetHash";

	static final String RESET_EXPIRES_AT = "resetExpiresAt";

	static final String TOTP_SECRET = "totpSecret";

	static final String TOTP_LAST_STEP = "totpLastStep";

	static final String VERSION = "version";

	@Id
	private final String id;

	/** Unique ({@link PersonStore} keeps the indexes). */
	private final String username;

	private final String displayName;

	private final String role;

	private final String chapterId;

	private final boolean disabled;

	private final Instant createdAt;

	private final String passwordHash;

	private final String invitationHash;

	private final Instant invitationExpiresAt;

	private final String resetHash;

	private final Instant resetExpiresAt;

	private final String totpSecret;

	private final Long totpLastStep;

	@Version
	private final Long version;

	private final List<OutboxEvent> outbox;

	@PersistenceCreator
	PersonDocument(String id, String username, String displayName, String role, String chapterId, boolean disabled,
			Instant createdAt, String passwordHash, String invitationHash, Instant invitationExpiresAt,
			String resetHash, Instant resetExpiresAt, String totpSecret, Long totpLastStep, Long version,
			List<OutboxEvent> outbox) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.chapterId = chapterId;
		this.disabled = disabled;
		this.createdAt = createdAt;
		this.passwordHash = passwordHash;
		this.invitationHash = invitationHash;
		this.invitationExpiresAt = invitationExpiresAt;
		this.resetHash = resetHash;
		this.resetExpiresAt = resetExpiresAt;
		this.totpSecret = totpSecret;
		this.totpLastStep = totpLastStep;
		this.version = version;
		this.outbox = (outbox != null) ? outbox : new ArrayList<>();
	}

	/** A new person, to insert. */
	static PersonDocument of(Person person, String passwordHash, String invitationHash, Instant invitationExpiresAt,
			String sealedTotpSecret) {
		return new PersonDocument(person.id(), person.username(), person.displayName(), person.role().name(),
				person.chapterId(), person.disabled(), person.createdAt(), passwordHash, invitationHash,
				invitationExpiresAt, null, null, sealedTotpSecret, null, null, null);
	}

	Person toPerson() {
		return new Person(this.id, this.username, this.displayName, Role.valueOf(this.role), this.chapterId,
				this.disabled, this.passwordHash != null, this.totpSecret != null, this.createdAt);
	}

	String getId() {
		return this.id;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Instant getInvitationExpiresAt() {
		return this.invitationExpiresAt;
	}

	String getTotpSecret() {
		return this.totpSecret;
	}

	Long getVersion() {
		return this.version;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

}
