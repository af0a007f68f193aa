package org.groundgame.identity.client;

import java.time.Instant;

/** A client as the API lists it: never its secret. */
record ClientResponse(String clientId, String name, String role, String chapterId, Instant createdAt,
		boolean disabled) {

	static ClientResponse of(Client client) {
		return new ClientResponse(client.clientId(), client.name(), client.role().name(), client.chapterId(),
				client.createdAt(), client.disabled());
	}

}
