package org.groundgame.notification;

import org.groundgame.test.InfrastructureTestConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Starts notification-service alone with its own infrastructure (a Kafka broker and a
 * MongoDB-wire store, in-process or in Docker), for a developer. Pass the key-encryption
 * key that seals webhook secrets,
 * {@code --groundgame.secrets.kek=$(openssl rand -base64 32)}.
 */
public class TestNotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(NotificationServiceApplication::main)
			.with(InfrastructureTestConfiguration.class)
			.run(args);
	}

}
