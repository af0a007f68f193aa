package org.groundgame.identity;

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
 * port, against this JVM's real MongoDB-wire store (and Kafka broker, which it does not
 * use), with a clock the tests can move, a seeded staff and chapter client and three
 * people (a chapter organizer, a STAFF person with an authenticator, training staff), a
 * GreenMail SMTP server, and a key-encryption key. Every integration test class uses this
 * annotation and nothing else, so the context is started once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"groundgame.identity.clients[0].client-id=" + IdentityHttp.STAFF_CLIENT,
		"groundgame.identity.clients[0].secret=" + IdentityHttp.STAFF_SECRET,
		"groundgame.identity.clients[0].name=Staff tools", "groundgame.identity.clients[0].role=STAFF",
		"groundgame.identity.clients[1].client-id=" + IdentityHttp.CHAPTER_CLIENT,
		"groundgame.identity.clients[1].secret=" + IdentityHttp.CHAPTER_SECRET,
		"groundgame.identity.clients[1].name=Mobilize Missouri's CRM", "groundgame.identity.clients[1].role=CHAPTER",
		"groundgame.identity.clients[1].chapter-id=" + IdentityHttp.CHAPTER_ID,
		"groundgame.identity.users[0].username=organizer", "groundgame.identity.users[0].password=organizer-pw",
		"groundgame.identity.users[0].role=CHAPTER", "groundgame.identity.users[0].chapter-id=chapter-stl",
		"groundgame.identity.users[1].username=director", "groundgame.identity.users[1].password=director-pw",
		"groundgame.identity.users[1].role=STAFF",
		"groundgame.identity.users[1].totp-secret=" + IdentityServiceIntegrationTest.DIRECTOR_TOTP_SECRET,
		"groundgame.identity.users[1].display-name=Dana Director", "groundgame.identity.users[2].username=trainer",
		"groundgame.identity.users[2].password=trainer-pw", "groundgame.identity.users[2].role=TRAINING_STAFF",
		"groundgame.identity.sign-in.allowed-failures=5", "groundgame.identity.sign-in.allowed-failures-per-address=30",
		"groundgame.secrets.kek=" + IdentityServiceIntegrationTest.KEK })
@Import({ InfrastructureTestConfiguration.class, SettableClock.Configuration.class, MailTestConfiguration.class })
public @interface IdentityServiceIntegrationTest {

	/**
	 * The tests' key-encryption key (32 random bytes, Base64), which seals signing keys.
	 */
	String KEK = "4uwmZF/WX4pQd98G7ys6VbvIb7ebipIRPRPtlNUNCJE=";

	/** The seeded STAFF person's authenticator secret (Base32). */
	String DIRECTOR_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

}
