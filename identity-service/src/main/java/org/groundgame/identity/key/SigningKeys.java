package org.groundgame.identity.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.secrets.KeyEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The service's signing keys, kept in the store so that every instance signs with the
 * same current key and publishes the same set. A key is created at the first start; each
 * instance checks at start-up and every {@code groundgame.identity.keys.check-interval}
 * whether the current key has reached the rotation period, and whether a retired key has
 * outlived every token it signed.
 * <p>
 * What an instance signs with and checks its own API's tokens against is read again at
 * most every {@code cache-duration}: an instance that has not seen a rotation yet keeps
 * signing with the previous key, which stays published for far longer than that. The
 * published JWK Set is read from the store on every request, so it never lags behind a
 * token another instance has just signed with a new key.
 */
@Service
public class SigningKeys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final Duration MIN_READ_INTERVAL = Duration.ofSeconds(1);

	private final SigningKeyStore keys;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final Duration rotationPeriod;

	private final Duration grace;

	private final Duration cacheDuration;

	private volatile Snapshot snapshot;

	SigningKeys(SigningKeyStore keys, KeyEncryption encryption, Clock clock, IdentityProperties properties) {
		this.keys = keys;
		this.encryption = encryption;
		this.clock = clock;
		this.rotationPeriod = properties.keys().rotationPeriod();
		this.grace = properties.retiredKeyGrace();
		this.cacheDuration = properties.keys().cacheDuration();
	}

	/** At start-up: the re-encryption run, then the rotation check. */
	@Override
	public void run(ApplicationArguments args) {
		reencrypt();
		check();
	}

	/**
	 * Seals every private key that is not sealed with the current key-encryption key yet:
	 * stored in plain text before encryption, or sealed with a previous key before a
	 * rotation of {@code groundgame.secrets.kek}. Each is replaced only if it is still
	 * what was read, so instances starting together do the work once and never undo each
	 * other's.
	 * @return how many keys were sealed again
	 * @throws IllegalStateException when a key is sealed with a key-encryption key that
	 * is not configured (the service cannot sign with it)
	 */
	public int reencrypt() {
		int sealed = 0;
		for (SigningKeyDocument document : this.keys.all()) {
			String stored = document.getPrivateKey();
			if (this.encryption.isCurrent(stored)) {
				continue;
			}
			String resealed = this.encryption.seal(this.encryption.open(stored));
			if (this.keys.reseal(document.getId(), stored, resealed)) {
				sealed++;
			}
		}
		if (sealed > 0) {
			log.info("{} signing key(s) sealed with key-encryption key {}", sealed, this.encryption.currentKeyId());
		}
		return sealed;
	}

	/**
	 * Makes a new current key when the current one is due, and drops retired keys past
	 * their grace. Safe to run on every instance at once.
	 */
	@Scheduled(fixedDelayString = "${groundgame.identity.keys.check-interval:1h}",
			initialDelayString = "${groundgame.identity.keys.check-interval:1h}")
	public void check() {
		Instant now = this.clock.instant();
		KeyRing ring = read();
		if (ring.rotationDue(now, this.rotationPeriod)) {
			ring = rotate(ring, now);
		}
		dropExpired(ring, now);
	}

	/**
	 * Makes a new current key now, whatever the age of the current one.
	 * @return the new current key
	 */
	public SigningKeyInfo rotate() {
		SigningKey current = rotate(read(), this.clock.instant()).current().orElseThrow();
		return new SigningKeyInfo(current.id(), current.createdAt());
	}

	/**
	 * Revokes a key at once, for a key that leaked: it is deleted, so the JWK Set stops
	 * publishing it and no token it signed verifies any more here (other instances drop
	 * it within {@code cache-duration}, other services when their copy of the JWK Set is
	 * read again). If it was the current key, a new current key is made first.
	 * @return the key that signs now
	 * @throws NotFoundException when no key has that id
	 */
	public SigningKeyInfo revoke(String keyId) {
		Instant now = this.clock.instant();
		KeyRing ring = read();
		SigningKey revoked = ring.find(keyId).orElseThrow(() -> new NotFoundException("signing key", keyId));
		if (ring.current().map((current) -> current.id().equals(keyId)).orElse(false)) {
			ring = rotate(ring, now);
		}
		this.keys.delete(revoked.id());
		log.warn("Signing key {} (generation {}) revoked: no longer published, its tokens no longer verify",
				revoked.id(), revoked.generation());
		KeyRing after = read();
		this.snapshot = new Snapshot(after, now);
		SigningKey current = after.current().orElseThrow();
		return new SigningKeyInfo(current.id(), current.createdAt());
	}

	/** The key that signs, as this instance last read it. */
	SigningKey current() {
		return snapshot(false).ring()
			.current()
			.orElseGet(() -> rotate(read(), this.clock.instant()).current().orElseThrow());
	}

	/** The keys the JWK Set publishes, read from the store now. */
	List<SigningKey> published() {
		Instant now = this.clock.instant();
		KeyRing ring = read();
		this.snapshot = new Snapshot(ring, now);
		return ring.published(now, this.grace);
	}

	/**
	 * The published keys as this instance last read them; read again when a token names a
	 * key this instance has not seen yet.
	 */
	List<SigningKey> publishedFor(Optional<String> keyId) {
		KeyRing ring = snapshot(false).ring();
		if (keyId.isPresent() && ring.find(keyId.get()).isEmpty()) {
			// At most one read a second, however many tokens name unknown keys.
			ring = snapshot(true).ring();
		}
		return ring.published(this.clock.instant(), this.grace);
	}

	private KeyRing rotate(KeyRing ring, Instant now) {
		SigningKey key = SigningKey.generate(ring.nextGeneration(), now);
		try {
			this.keys.insert(SigningKeyDocument.of(key, this.encryption));
			log.info("Signing key {} (generation {}) is now current", key.id(), key.generation());
		}
		catch (DuplicateKeyException ex) {
			log.info("Another instance made signing key generation {} at the same time; using it", key.generation());
		}
		KeyRing rotated = read();
		this.snapshot = new Snapshot(rotated, now);
		return rotated;
	}

	private void dropExpired(KeyRing ring, Instant now) {
		for (SigningKey expired : ring.expired(now, this.grace)) {
			this.keys.delete(expired.id());
			log.info("Signing key {} retired more than {} ago; no longer published", expired.id(), this.grace);
		}
	}

	private KeyRing read() {
		return new KeyRing(this.keys.all().stream().map((document) -> document.toSigningKey(this.encryption)).toList());
	}

	private Snapshot snapshot(boolean fresh) {
		Instant now = this.clock.instant();
		Snapshot snapshot = this.snapshot;
		if (snapshot == null || snapshot.readAt().isAfter(now)
				|| !snapshot.readAt().plus(this.cacheDuration).isAfter(now)
				|| (fresh && !snapshot.readAt().plus(MIN_READ_INTERVAL).isAfter(now))) {
			snapshot = new Snapshot(read(), now);
			this.snapshot = snapshot;
		}
		return snapshot;
	}

	private record Snapshot(KeyRing ring, Instant readAt) {
	}

	/** What may be said of a signing key outside this package. */
	public record SigningKeyInfo(String keyId, Instant createdAt) {
	}

}
