package org.groundgame.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRingTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final Duration PERIOD = Duration.ofDays(30);

	private static final Duration GRACE = Duration.ofMinutes(20);

	private final SigningKey first = SigningKey.generate(1, T0);

	private final SigningKey second = SigningKey.generate(2, T0.plus(PERIOD));

	@Test
	void anEmptyRingNeedsAKey() {
		KeyRing ring = new KeyRing(List.of());

		assertThat(ring.rotationDue(T0, PERIOD)).isTrue();
		assertThat(ring.nextGeneration()).isEqualTo(1);
		assertThat(ring.current()).isEmpty();
	}

	@Test
	void theCurrentKeyIsTheNewestAndIsDueAtTheEndOfThePeriod() {
		KeyRing ring = new KeyRing(List.of(this.first, this.second));

		assertThat(ring.current()).contains(this.second);
		assertThat(ring.nextGeneration()).isEqualTo(3);
		assertThat(ring.rotationDue(this.second.createdAt().plus(PERIOD).minusSeconds(1), PERIOD)).isFalse();
		assertThat(ring.rotationDue(this.second.createdAt().plus(PERIOD), PERIOD)).isTrue();
	}

	@Test
	void aRetiredKeyIsPublishedForItsGraceAfterItsSuccessorWasMade() {
		KeyRing ring = new KeyRing(List.of(this.second, this.first));
		Instant retiredAt = this.second.createdAt();

		assertThat(ring.published(retiredAt.plus(GRACE).minusSeconds(1), GRACE)).containsExactly(this.second,
				this.first);
		assertThat(ring.expired(retiredAt.plus(GRACE).minusSeconds(1), GRACE)).isEmpty();
		assertThat(ring.published(retiredAt.plus(GRACE), GRACE)).containsExactly(this.second);
		assertThat(ring.expired(retiredAt.plus(GRACE), GRACE)).containsExactly(this.first);
	}

	@Test
	void theCurrentKeyIsAlwaysPublishedHoweverOld() {
		KeyRing ring = new KeyRing(List.of(this.first));

		assertThat(ring.published(T0.plus(Duration.ofDays(365)), GRACE)).containsExactly(this.first);
		assertThat(ring.expired(T0.plus(Duration.ofDays(365)), GRACE)).isEmpty();
	}

}
