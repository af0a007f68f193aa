package org.groundgame.identity.account;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.identity.IdentityConfiguration;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.guard.FailureWindowStore;
import org.groundgame.identity.guard.FailureWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Throttles sign-in attempts (passwords and one-time codes) per username and per address,
 * with the token endpoint's failure windows ({@link FailureWindows}, shared by every
 * instance of the service, so attempts spread over two count once). Unlike client secrets
 * (32 random bytes, where only failures are refused), a password can be guessed: past the
 * allowance, every attempt for the username or from the address is refused until the
 * window ends, right or wrong, so that a guesser learns nothing more. Each attempt takes
 * its place in the count before it is checked, atomically, so concurrent attempts cannot
 * overrun the allowance; a successful attempt gives its place back.
 * <p>
 * The price is that anyone can keep a person out for a window by failing on purpose (they
 * can always reset their password's link, which the throttle does not cover, and the
 * window is short); a per-address allowance higher than the per-username one lets people
 * who share an address sign in.
 */
@Component
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final IdentityConfiguration.SignIn settings;

	private final FailureWindows byUsername;

	private final FailureWindows byAddress;

	private final MeterRegistry meters;

	SignInThrottle(IdentityProperties properties, MeterRegistry meters, FailureWindowStore windows) {
		this.settings = properties.signIn();
		this.meters = meters;
		this.byUsername = new FailureWindows(windows, "sign-in-username", this.settings.period(),
				this.settings.maxTrackedKeys());
		this.byAddress = new FailureWindows(windows, "sign-in-address", this.settings.period(),
				this.settings.maxTrackedKeys());
	}

	/**
	 * Takes a place for an attempt.
	 * @return empty when the attempt may be checked, else how long until the username or
	 * the address may try again
	 */
	Optional<Duration> attempt(String username, String address) {
		FailureWindows.Count forAddress = this.byAddress.add(address);
		FailureWindows.Count forUsername = this.byUsername.add(username);
		Duration wait = Duration.ZERO;
		if (forUsername.count() > this.settings.allowedFailures()) {
			wait = forUsername.timeLeft();
		}
		if (forAddress.count() > this.settings.allowedFailuresPerAddress()
				&& forAddress.timeLeft().compareTo(wait) > 0) {
			wait = forAddress.timeLeft();
		}
		if (wait.isZero()) {
			return Optional.empty();
		}
		if (forUsername.count() == this.settings.allowedFailures() + 1
				|| forAddress.count() == this.settings.allowedFailuresPerAddress() + 1) {
			// Neither the username nor the address: both are personal data.
			log.warn("Too many failed sign-ins for one username or from one address; refused until the window ends");
		}
		this.meters.counter("groundgame.identity.sign-in.refused", "reason", "throttled").increment();
		return Optional.of(wait);
	}

	/** The attempt succeeded: it gives its place back. */
	void succeeded(String username, String address) {
		this.byUsername.subtract(username);
		this.byAddress.subtract(address);
	}

	/** The attempt failed: it keeps its place. */
	void failed() {
		this.meters.counter("groundgame.identity.sign-in.refused", "reason", "wrong-credentials").increment();
	}

}
