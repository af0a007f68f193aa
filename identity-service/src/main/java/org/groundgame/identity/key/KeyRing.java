package org.groundgame.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The signing keys as stored, newest first, and the rules of rotation. The newest key is
 * the current one, the only one that signs. An older key was retired when its successor
 * was created; it stays published until every token it can have signed has expired (the
 * grace: access-token TTL plus a margin), and is then dropped. Keeping no "retired" flag
 * means instances never have to agree on anything but the set of keys.
 */
record KeyRing(List<SigningKey> keys) {

	KeyRing {
		keys = keys.stream().sorted(Comparator.comparingLong(SigningKey::generation).reversed()).toList();
	}

	Optional<SigningKey> current() {
		return this.keys.stream().findFirst();
	}

	long nextGeneration() {
		return current().map((key) -> key.generation() + 1).orElse(1L);
	}

	/** No key yet, or the current one is at least {@code rotationPeriod} old. */
	boolean rotationDue(Instant now, Duration rotationPeriod) {
		return current().map((key) -> !key.createdAt().plus(rotationPeriod).isAfter(now)).orElse(true);
	}

	/** The current key and every retired key still within its grace. */
	List<SigningKey> published(Instant now, Duration grace) {
		List<SigningKey> published = new ArrayList<>();
		for (int i = 0; i < this.keys.size(); i++) {
			if (i == 0 || !expired(i, now, grace)) {
				published.add(this.keys.get(i));
			}
		}
		return published;
	}

	/** Retired keys past their grace: no unexpired token can carry their signature. */
	List<SigningKey> expired(Instant now, Duration grace) {
		List<SigningKey> expired = new ArrayList<>();
		for (int i = 1; i < this.keys.size(); i++) {
			if (expired(i, now, grace)) {
				expired.add(this.keys.get(i));
			}
		}
		return expired;
	}

	Optional<SigningKey> find(String id) {
		return this.keys.stream().filter((key) -> key.id().equals(id)).findFirst();
	}

	private boolean expired(int index, Instant now, Duration grace) {
		Instant retiredAt = this.keys.get(index - 1).createdAt();
		return !retiredAt.plus(grace).isAfter(now);
	}

}
