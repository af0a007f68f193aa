package org.groundgame.notification.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("1994-11-06T08:49:00Z"));

	@Test
	void readsDeltaSeconds() {
		assertThat(RetryAfter.parse("120", this.clock)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateRelativeToNow() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", this.clock)).isEqualTo(Duration.ofSeconds(37));
	}

	@Test
	void aDateInThePastAsksForNoWait() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresWhatItCannotRead() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
		assertThat(RetryAfter.parse("-5", this.clock)).isNull();
		assertThat(RetryAfter.parse("2.5", this.clock)).isNull();
	}

	@Test
	void aNumberTooLargeForALongIsAVeryLongWait() {
		assertThat(RetryAfter.parse("99999999999999999999999", this.clock)).isGreaterThan(Duration.ofDays(365));
	}

}
