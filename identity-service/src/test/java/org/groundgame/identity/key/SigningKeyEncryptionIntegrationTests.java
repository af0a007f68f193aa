package org.groundgame.identity.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.support.secrets.KeyEncryption;
import org.groundgame.support.secrets.KeyEncryptionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The private signing keys are sealed at rest with the key-encryption key (KEK): a copy
 * of the store alone does not give them away. Keys stored in plain text before encryption
 * are sealed by the re-encryption run (which runs at every start), and a rotation of the
 * KEK (new key current, old one previous) moves every key to the new one.
 */
@IdentityServiceIntegrationTest
class SigningKeyEncryptionIntegrationTests {

	private final IdentityHttp http;

	@Autowired
	private SigningKeys keys;

	@Autowired
	private KeyEncryption encryption;

	@Autowired
	private SigningKeyRepository repository;

	@Autowired
	private SigningKeyStore store;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private Clock clock;

	@Autowired
	private IdentityProperties properties;

	@Autowired
	SigningKeyEncryptionIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void privateKeysAreStoredSealedWithTheKeyEncryptionKey() {
		this.http.staffToken();

		List<Document> stored = storedKeys();

		assertThat(stored).isNotEmpty().allSatisfy((key) -> {
			String privateKey = key.getString("privateKey");
			assertThat(privateKey).startsWith("{kek:" + this.encryption.currentKeyId() + "}");
			// What it seals is a PKCS#8 RSA key in Base64 (it starts "MII"), and nothing
			// of
			// it is in the store. (Not "no MII in the store": random ciphertext holds
			// those
			// three letters now and then.)
			String opened = this.encryption.open(privateKey);
			assertThat(opened).startsWith("MII");
			assertThat(privateKey).doesNotContain(opened.substring(0, 40));
		});
	}

	@Test
	void aKeyStoredInPlainTextBeforeEncryptionIsSealedByTheReencryptionRunAndStillSigns() throws Exception {
		KeyPair pair = rsa();
		String id = UUID.randomUUID().toString();
		String plain = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
		this.mongo.getCollection(SigningKeyDocument.COLLECTION)
			.insertOne(new Document("_id", id).append("generation", -System.nanoTime())
				.append("createdAt", java.util.Date.from(Instant.parse("2025-01-01T00:00:00Z")))
				.append("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
				.append("privateKey", plain));
		try {
			assertThat(this.keys.reencrypt()).isEqualTo(1);

			String sealed = storedKey(id).getString("privateKey");
			assertThat(sealed).startsWith("{kek:" + this.encryption.currentKeyId() + "}").doesNotContain(plain);
			SigningKey opened = this.repository.findById(id).orElseThrow().toSigningKey(this.encryption);
			assertThat(opened.privateKey()).isEqualTo((RSAPrivateKey) pair.getPrivate());
			// Run again: nothing left to do.
			assertThat(this.keys.reencrypt()).isZero();
		}
		finally {
			this.repository.deleteById(id);
		}
	}

	@Test
	void aRotationOfTheKeyEncryptionKeyMovesEveryKeyToTheNewOne() {
		this.http.staffToken();
		String newKek = Base64.getEncoder().encodeToString(randomBytes());
		KeyEncryption rotated = KeyEncryption
			.of(new KeyEncryptionProperties(newKek, List.of(IdentityServiceIntegrationTest.KEK)));
		SigningKeys afterRotation = new SigningKeys(this.store, rotated, this.clock, this.properties);
		int stored = storedKeys().size();
		try {
			assertThat(afterRotation.reencrypt()).isEqualTo(stored);

			assertThat(storedKeys()).allSatisfy((key) -> assertThat(key.getString("privateKey"))
				.startsWith("{kek:" + rotated.currentKeyId() + "}"));
			// Signing goes on with the new KEK, and the old one alone opens nothing now.
			assertThat(afterRotation.current()).isNotNull();
			assertThat(storedKeys())
				.noneSatisfy((key) -> assertThat(this.encryption.isCurrent(key.getString("privateKey"))).isTrue());
		}
		finally {
			// Back to the context's KEK, for the other tests.
			KeyEncryption back = KeyEncryption
				.of(new KeyEncryptionProperties(IdentityServiceIntegrationTest.KEK, List.of(newKek)));
			new SigningKeys(this.store, back, this.clock, this.properties).reencrypt();
		}
		assertThat(this.http.get("/api/clients", this.http.staffToken()).statusCode()).isEqualTo(200);
	}

	private List<Document> storedKeys() {
		return this.mongo.getCollection(SigningKeyDocument.COLLECTION).find().into(new java.util.ArrayList<>());
	}

	private Document storedKey(String id) {
		return this.mongo.getCollection(SigningKeyDocument.COLLECTION).find(new Document("_id", id)).first();
	}

	private static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new java.security.SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
