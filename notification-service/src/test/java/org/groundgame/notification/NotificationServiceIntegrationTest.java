package org.groundgame.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.groundgame.test.InfrastructureTestConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of the module's integration tests: the whole service on a random
 * port, against this JVM's real Kafka broker and MongoDB-wire store. Every integration
 * test class uses this annotation and nothing else, so the context is started once.
 * E-mail goes to a real SMTP server in this JVM ({@link MailTestConfiguration}). Webhooks
 * may point at this machine (the tests' receivers listen on 127.0.0.1) and retries come
 * within a second instead of hours. Webhook secrets are sealed with a key-encryption key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "groundgame.notification.webhooks.allow-loopback=true",
				"groundgame.notification.delivery.retry-schedule=0s,300ms,300ms",
				"groundgame.notification.delivery.jitter=0", "groundgame.notification.delivery.poll-interval=100ms",
				"groundgame.notification.webhooks.encryption.password="
						+ NotificationServiceIntegrationTest.LEGACY_PASSWORD,
				"groundgame.notification.webhooks.encryption.salt=" + NotificationServiceIntegrationTest.LEGACY_SALT,
				"groundgame.secrets.kek=" + NotificationServiceIntegrationTest.KEK })
@Import({ InfrastructureTestConfiguration.class, MailTestConfiguration.class })
public @interface NotificationServiceIntegrationTest {

	/**
	 * The tests' key-encryption key (32 random bytes, Base64), which seals webhook
	 * secrets.
	 */
	String KEK = "y13KMQrjFfe7yVTJQi1Zhpd8LCLdodGdcrbqWqWsYok=";

	/**
	 * The earlier scheme's password and salt, to read secrets it sealed before the KEK.
	 */
	String LEGACY_PASSWORD = "integration tests' password";

	String LEGACY_SALT = "8a2f0c41d9e6b357";

}
