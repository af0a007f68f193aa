package org.groundgame.identity.client;

import java.time.Instant;

import org.groundgame.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client as stored: its secret only as a hash ({@code {bcrypt}…}). Inserted once, then
 * changed only by targeted updates on its version ({@link ClientStore}); a client stored
 * before the version field existed reads with none, and its first change gives it one.
 */
@Document(ClientDocument.COLLECTION)
class ClientDocument {

	static final String COLLECTION = "clients";

	static final String NAME = "name";

	static final String ROLE = "role";

	static final String CHAPTER_ID = "chapterId";

	static final String SECRET_HASH = "secretHash";

	static final String DISABLED = "disabled";

	static final String VERSION = "version";

	@Id
	private final String clientId;

	private final String secretHash;

	private final String name;

	private final String role;

	private final String chapterId;

	private final Instant createdAt;

	private final boolean disabled;

	@Version
	private final Long version;

	@PersistenceCreator
	ClientDocument(String clientId, String secretHash, String name, String role, String chapterId, Instant createdAt,
			boolean disabled, Long version) {
		this.clientId = clientId;
		this.secretHash = secretHash;
		this.name = name;
		this.role = role;
		this.chapterId = chapterId;
		this.createdAt = createdAt;
		this.disabled = disabled;
		this.version = version;
	}

	/** A new client, to insert. */
	static ClientDocument of(Client client, String secretHash) {
		return new ClientDocument(client.clientId(), secretHash, client.name(), client.role().name(),
				client.chapterId(), client.createdAt(), client.disabled(), null);
	}

	Client toClient() {
		return new Client(this.clientId, this.name, Role.valueOf(this.role), this.chapterId, this.createdAt,
				this.disabled);
	}

	String getClientId() {
		return this.clientId;
	}

	String getSecretHash() {
		return this.secretHash;
	}

	/** The version it was read at: {@code null} for a client stored before versions. */
	Long getVersion() {
		return this.version;
	}

}
