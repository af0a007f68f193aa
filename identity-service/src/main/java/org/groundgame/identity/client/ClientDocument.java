package org.groundgame.identity.client;

import java.time.Instant;

import org.groundgame.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A client as stored: its secret only as a hash ({@code {bcrypt}…}). */
@Document(ClientDocument.COLLECTION)
class ClientDocument {

	static final String COLLECTION = "clients";

	@Id
	private final String clientId;

	private final String secretHash;

	private final String name;

	private final String role;

	private final String chapterId;

	private final Instant createdAt;

	private final boolean disabled;

	@PersistenceCreator
	ClientDocument(String clientId, String secretHash, String name, String role, String chapterId, Instant createdAt,
			boolean disabled) {
		this.clientId = clientId;
		this.secretHash = secretHash;
		this.name = name;
		this.role = role;
		this.chapterId = chapterId;
		this.createdAt = createdAt;
		this.disabled = disabled;
	}

	static ClientDocument of(Client client, String secretHash) {
		return new ClientDocument(client.clientId(), secretHash, client.name(), client.role().name(),
				client.chapterId(), client.createdAt(), client.disabled());
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

	ClientDocument withSecretHash(String secretHash) {
		return new ClientDocument(this.clientId, secretHash, this.name, this.role, this.chapterId, this.createdAt,
				this.disabled);
	}

}
