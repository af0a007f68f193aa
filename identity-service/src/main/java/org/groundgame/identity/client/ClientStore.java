package org.groundgame.identity.client;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where clients are kept ({@code clients}). A client is inserted once; after that it
 * changes only by a targeted update on the version it was read at, which {@code $set}s
 * what changed: a whole document saved from an earlier read would undo a change made
 * meanwhile (a disabling, a new secret's hash).
 */
@Component
class ClientStore {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"));

	private final ClientRepository clients;

	private final MongoTemplate mongo;

	ClientStore(ClientRepository clients, MongoTemplate mongo) {
		this.clients = clients;
		this.mongo = mongo;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when a client has that id
	 * already
	 */
	void insert(ClientDocument client) {
		this.clients.insert(client);
	}

	Optional<ClientDocument> client(String clientId) {
		return this.clients.findById(clientId);
	}

	/** A page of clients, the newest first. */
	Page<ClientDocument> page(int page, int size) {
		return this.clients.findAll(PageRequest.of(page, size, NEWEST_FIRST));
	}

	/**
	 * Disables the client as read.
	 * @return whether it was written; {@code false} when it changed meanwhile
	 */
	boolean disable(ClientDocument read) {
		return updateIfUnchanged(read, new Update().set(ClientDocument.DISABLED, true));
	}

	/**
	 * Stores the hash of the client's secret, re-encoded or new.
	 * @return whether it was written; {@code false} when the client changed meanwhile
	 */
	boolean changeSecretHash(ClientDocument read, String secretHash) {
		return updateIfUnchanged(read, new Update().set(ClientDocument.SECRET_HASH, secretHash));
	}

	/**
	 * Brings a client in line with the configuration (whether it is disabled stays as it
	 * is).
	 * @param secretHash the new hash, or {@code null} to keep the stored one
	 * @return whether it was written; {@code false} when the client changed meanwhile
	 */
	boolean reconfigure(ClientDocument read, Client configured, String secretHash) {
		Update update = new Update().set(ClientDocument.NAME, configured.name())
			.set(ClientDocument.ROLE, configured.role().name())
			.set(ClientDocument.CHAPTER_ID, configured.chapterId());
		if (secretHash != null) {
			update.set(ClientDocument.SECRET_HASH, secretHash);
		}
		return updateIfUnchanged(read, update);
	}

	private boolean updateIfUnchanged(ClientDocument read, Update update) {
		// A version of null matches a client stored before versions (no such field).
		Query unchanged = Query
			.query(Criteria.where("_id").is(read.getClientId()).and(ClientDocument.VERSION).is(read.getVersion()));
		return this.mongo.updateFirst(unchanged, update.inc(ClientDocument.VERSION, 1), ClientDocument.class)
			.getMatchedCount() == 1;
	}

}
