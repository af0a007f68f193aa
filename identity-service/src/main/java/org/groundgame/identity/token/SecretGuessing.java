package org.groundgame.identity.token;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.identity.IdentityConfiguration;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.guard.FailureWindowStore;
import org.groundgame.identity.guard.FailureWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Counts failed client authentications at the token endpoint, per client id and per
 * address, and says when a further failure is to be refused. Only failures are counted
 * and only failures are refused: a request is checked against the client's secret first,
 * and a client that presents its right secret gets its token however many wrong ones were
 * sent from its address or for its id. A limit that counted requests before knowing their
 * outcome would let anyone who shares an address (or knows a client id) lock the client
 * out with a wrong secret now and then.
 * <p>
 * Each key's failures are counted in a window of {@code period} from its first failure;
 * past {@code allowed-failures} in it, each further wrong secret is answered {@code 429}
 * with the time left in the window, rather than {@code 401}. Client secrets are 32 random
 * bytes, which no rate of guessing finds; what the guard buys is that guessing is visible
 * ({@code groundgame.identity.client-authentication.refused} by reason, a warning per
 * key), and that a weak configured secret cannot be tried at length.
 * <p>
 * Shared by every instance of the service ({@link FailureWindows}, on the store): guesses
 * spread over two instances count once in total. While the store cannot be reached, each
 * instance counts in its memory, bounded ({@code max-tracked-keys} per kind of key).
 */
@Component
class SecretGuessing {

	private static final Logger log = LoggerFactory.getLogger(SecretGuessing.class);

	private final int allowedFailures;

	private final long periodSeconds;

	private final FailureWindows byClient;

	private final FailureWindows byAddress;

	private final MeterRegistry meters;

	SecretGuessing(IdentityProperties properties, MeterRegistry meters, FailureWindowStore windows) {
		IdentityConfiguration.SecretGuessing settings = properties.secretGuessing();
		this.allowedFailures = settings.allowedFailures();
		this.periodSeconds = settings.period().toSeconds();
		this.meters = meters;
		this.byClient = new FailureWindows(windows, "secret-guessing-client", settings.period(),
				settings.maxTrackedKeys());
		this.byAddress = new FailureWindows(windows, "secret-guessing-address", settings.period(),
				settings.maxTrackedKeys());
	}

	/**
	 * Counts a failed client authentication.
	 * @param clientId the client id the request named, or {@code null} when it named none
	 * @param address the client's address
	 * @return {@link Duration#ZERO} when the failure is answered as usual ({@code 401}),
	 * else how long until the client id or the address may fail again
	 */
	Duration failed(String clientId, String address) {
		Duration wait = count(this.byAddress, "address", address);
		// A failure already refused for its address is not counted against the client id
		// too. Counted in both, concurrent failures near both allowances (their counts
		// taken in different orders, on one instance or two) could each be refused by the
		// other's count, and fewer than the allowance be answered as usual.
		if (clientId != null && wait.isZero()) {
			wait = count(this.byClient, "client id " + clientId, clientId);
		}
		this.meters
			.counter("groundgame.identity.client-authentication.refused", "reason",
					wait.isZero() ? "wrong-credentials" : "too-many-failures")
			.increment();
		return wait;
	}

	private Duration count(FailureWindows windows, String what, String key) {
		FailureWindows.Count count = windows.add(key);
		if (count.count() <= this.allowedFailures) {
			return Duration.ZERO;
		}
		if (count.count() == this.allowedFailures + 1) {
			// Never the address itself: it is the client's, and may be a person's.
			log.warn(
					"More than {} failed client authentications from one {} within {} s; further wrong secrets "
							+ "are refused with 429 until the window ends",
					this.allowedFailures, what.startsWith("client id") ? what : "address", this.periodSeconds);
		}
		return count.timeLeft();
	}

}
