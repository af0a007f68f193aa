package org.groundgame.identity;

import org.groundgame.test.InfrastructureTestConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Starts identity-service alone with its own infrastructure (a MongoDB-wire store and a
 * Kafka broker, in-process or in Docker), for a developer. Pass a client to seed, e.g.
 * {@code --groundgame.identity.clients[0].client-id=staff-dev
 * --groundgame.identity.clients[0].secret=… --groundgame.identity.clients[0].role=STAFF},
 * and the key-encryption key that seals the signing keys,
 * {@code --groundgame.secrets.kek=$(openssl rand -base64 32)}.
 */
public class TestIdentityServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(IdentityServiceApplication::main).with(InfrastructureTestConfiguration.class).run(args);
	}

}
