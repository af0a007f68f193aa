package org.groundgame.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.Binary;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sealed sessions in the real store: what one instance sealed, another with the same key
 * opens; the stored bytes give nothing away; after a rotation the previous key still
 * opens what it sealed; a session sealed with a key no longer configured, or tampered
 * with, is gone rather than an error.
 */
class SessionStoreTests {

	private static final String KEY = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

	private static final String NEXT_KEY = "bmV4dC10ZXN0LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

	private static final String COLLECTION = "sessions";

	private final MongoTemplate store = new MongoTemplate(
			MongoClients.create(TestInfrastructure.get().mongoConnectionString()), "groundgame-session-store-tests");

	@BeforeEach
	void emptyStore() {
		this.store.dropCollection(COLLECTION);
	}

	@Test
	void aSessionSealedByOneInstanceIsOpenedByAnotherWithTheSameKeyAndReadableByNoOneElse() {
		SessionStore<SharedSession> one = sessions(SessionSealing.withKeys(KEY, List.of(), "key"));
		SharedSession session = one.createSession();
		session.setAttribute("token", "access-token-of-olive");
		one.save(session);

		SharedSession found = sessions(SessionSealing.withKeys(KEY, List.of(), "key")).findById(session.getId());

		assertThat(found.<String>getAttribute("token")).isEqualTo("access-token-of-olive");
		assertThat(storedAttributes(session.getId())).doesNotContain("access-token-of-olive");
	}

	@Test
	void afterARotationThePreviousKeyStillOpensWhatItSealedAndTheNextSaveSealsWithTheNewOne() {
		SessionStore<SharedSession> before = sessions(SessionSealing.withKeys(KEY, List.of(), "key"));
		SharedSession session = before.createSession();
		session.setAttribute("token", "access-token-of-olive");
		before.save(session);

		SessionStore<SharedSession> after = sessions(SessionSealing.withKeys(NEXT_KEY, List.of(KEY), "key"));
		SharedSession found = after.findById(session.getId());
		found.setAttribute("token", "refreshed");
		after.save(found);

		assertThat(sessions(SessionSealing.withKeys(NEXT_KEY, List.of(), "key")).findById(session.getId())
			.<String>getAttribute("token")).isEqualTo("refreshed");
	}

	@Test
	void aSessionSealedWithAKeyNoLongerConfiguredOrTamperedWithIsGone() {
		SessionStore<SharedSession> sealed = sessions(SessionSealing.withKeys(KEY, List.of(), "key"));
		SharedSession session = sealed.createSession();
		session.setAttribute("token", "access-token-of-olive");
		sealed.save(session);
		SharedSession other = sealed.createSession();
		other.setAttribute("token", "another");
		sealed.save(other);
		byte[] bytes = this.store.getCollection(COLLECTION)
			.find(new Document("_id", other.getId()))
			.first()
			.get("attributes", Binary.class)
			.getData();
		bytes[bytes.length - 1] ^= 1;
		this.store.getCollection(COLLECTION)
			.updateOne(new Document("_id", other.getId()),
					new Document("$set", new Document("attributes", new Binary(bytes))));

		assertThat(sessions(SessionSealing.withKeys(NEXT_KEY, List.of(), "key")).findById(session.getId())).isNull();
		assertThat(sealed.findById(other.getId())).isNull();
		assertThat(sealed.findById(session.getId())).isNotNull();
	}

	@Test
	void aKeyThatIsMissingOrNotThirtyTwoBytesIsRefusedSayingHowToMakeOne() {
		assertThatIllegalStateException().isThrownBy(() -> SessionSealing.withKeys(" ", List.of(), "the.key"))
			.withMessageContaining("the.key")
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> SessionSealing.withKeys("c2hvcnQ=", List.of(), "the.key"))
			.withMessageContaining("32 bytes");
	}

	private SessionStore<SharedSession> sessions(SessionSealing sealing) {
		return SessionStore.of(this.store, COLLECTION, Duration.ofHours(8), Clock.systemUTC(), sealing);
	}

	private String storedAttributes(String id) {
		return new String(this.store.getCollection(COLLECTION)
			.find(new Document("_id", id))
			.first()
			.get("attributes", Binary.class)
			.getData(), StandardCharsets.ISO_8859_1);
	}

}
