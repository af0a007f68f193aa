package org.groundgame.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.groundgame.support.secrets.KeyEncryption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation as resource servers live through it: tokens signed before a rotation keep
 * verifying against the JWK Set while they can still be valid, new tokens carry the new
 * key, and a retired key leaves the set once its grace is over. Two instances checking at
 * the same moment make one new key.
 */
@IdentityServiceIntegrationTest
class KeyRotationIntegrationTests {

	/** Access-token TTL (15 min) plus the retirement margin (5 min). */
	private static final Duration GRACE = Duration.ofMinutes(20);

	private final IdentityHttp http;

	@Autowired
	private SigningKeys keys;

	@Autowired
	private SettableClock clock;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private SigningKeyStore store;

	@Autowired
	private KeyEncryption encryption;

	@Autowired
	private IdentityProperties properties;

	@Autowired
	KeyRotationIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	@Test
	void aRotatedKeyKeepsVerifyingItsTokensUntilTheyHaveAllExpired() throws Exception {
		String before = this.http.staffToken();
		String oldKey = keyId(before);
		assertThat(publishedKeyIds()).contains(oldKey);

		String newKey = this.keys.rotate().keyId();

		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(publishedKeyIds()).contains(oldKey, newKey);
		String after = this.http.staffToken();
		assertThat(keyId(after)).isEqualTo(newKey);
		// Another service, knowing only the JWK Set, accepts both; so does this one's
		// API.
		assertThat(this.http.decoderFromJwks().decode(before).getSubject()).isEqualTo(IdentityHttp.STAFF_CLIENT);
		assertThat(this.http.decoderFromJwks().decode(after).getSubject()).isEqualTo(IdentityHttp.STAFF_CLIENT);
		assertThat(this.http.get("/api/clients", before).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/api/clients", after).statusCode()).isEqualTo(200);

		this.clock.advance(GRACE.minusMinutes(1));
		this.keys.check();
		assertThat(publishedKeyIds()).contains(oldKey, newKey);

		this.clock.advance(Duration.ofMinutes(2));
		this.keys.check();
		assertThat(publishedKeyIds()).containsExactly(newKey);
		assertThat(this.mongo.find(new Query(), SigningKeyDocument.class)).extracting(SigningKeyDocument::getId)
			.doesNotContain(oldKey)
			.contains(newKey);
	}

	@Test
	void staffCanRotateThroughTheApiAndChaptersCannot() throws Exception {
		String staff = this.http.staffToken();
		var chapter = this.http.accessToken(IdentityHttp.CHAPTER_CLIENT, IdentityHttp.CHAPTER_SECRET);

		assertThat(this.http.post("/api/signing-keys/rotation", "", chapter).statusCode()).isEqualTo(403);

		var response = this.http.post("/api/signing-keys/rotation", "", staff);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String rotated = IdentityHttp.json(response).get("keyId").asString();
		assertThat(keyId(this.http.staffToken())).isEqualTo(rotated);
		assertThat(publishedKeyIds()).contains(rotated, keyId(staff));
	}

	@Test
	void theCurrentKeyIsReplacedOnceItReachesTheRotationPeriod() throws Exception {
		String current = keyId(this.http.staffToken());

		this.clock.advance(Duration.ofDays(30));
		this.keys.check();
		this.clock.reset();

		String next = keyId(this.http.staffToken());
		assertThat(next).isNotEqualTo(current);
		assertThat(publishedKeyIds()).contains(current, next);
	}

	@Test
	void twoInstancesCheckingAtTheSameMomentWhenTheKeyIsDueMakeOneNewKey() throws Exception {
		String current = keyId(this.http.staffToken());
		List<String> before = storedKeyIds();
		// A second instance of the service: its own signing keys over the same store.
		SigningKeys second = new SigningKeys(this.store, this.encryption, this.clock, this.properties);
		// Just past the current key's rotation period (another test may have left a key
		// made ahead of now).
		Instant due = second.current().createdAt().plus(this.properties.keys().rotationPeriod());
		this.clock.advance(Duration.between(this.clock.instant(), due).plusMinutes(1));

		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			List<Future<?>> checks = new ArrayList<>();
			for (SigningKeys instance : List.of(this.keys, second)) {
				checks.add(instances.submit(() -> {
					start.await();
					instance.check();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> check : checks) {
				check.get();
			}
		}
		this.clock.reset();

		List<String> after = storedKeyIds();
		// One key made (keys retired long before may have been dropped meanwhile).
		List<String> madeNow = after.stream().filter((id) -> !before.contains(id)).toList();
		assertThat(madeNow).hasSize(1);
		String made = madeNow.get(0);
		assertThat(after).contains(current);
		// The new key is the current one for whoever reads the keys now.
		assertThat(new SigningKeys(this.store, this.encryption, this.clock, this.properties).current().id())
			.isEqualTo(made);
		assertThat(publishedKeyIds()).contains(current, made);
		// A key made now on top, so that other tests' rotation periods count from now.
		this.keys.rotate();
	}

	private List<String> storedKeyIds() {
		return this.mongo.find(new Query(), SigningKeyDocument.class).stream().map(SigningKeyDocument::getId).toList();
	}

	private List<String> publishedKeyIds() throws Exception {
		JWKSet set = JWKSet.parse(this.http.get("/oauth2/jwks", null).body());
		List<String> ids = new ArrayList<>();
		set.getKeys().forEach((key) -> {
			assertThat(key.isPrivate()).isFalse();
			ids.add(key.getKeyID());
		});
		return ids;
	}

	private static String keyId(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}
