package org.groundgame.identity.client;

import java.time.Instant;

import org.groundgame.identity.client.ClientService.Registration;

/** The answer to a registration: the only time the secret is shown. */
record RegisteredClientResponse(String clientId, String clientSecret, String name, String role, String chapterId,
		Instant createdAt) {

	static RegisteredClientResponse of(Registration registration) {
		Client client = registration.client();
		return new RegisteredClientResponse(client.clientId(), registration.secret(), client.name(),
				client.role().name(), client.chapterId(), client.createdAt());
	}

	@Override
	public String toString() {
		return "RegisteredClientResponse[clientId=" + this.clientId + "]";
	}

}
