package org.groundgame.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.groundgame.infrastructure.embedded.Ports;

/**
 * Checks, before anything starts, that every port the platform needs is free, so that a
 * taken port is one clear line naming it rather than a half-started platform and a stack
 * trace.
 */
final class PortCheck {

	static final String LOOPBACK = "127.0.0.1";

	static final String MAIL_CATCHER = "the mail catcher (SMTP)";

	static final String MAILBOX = "the mailbox page";

	private PortCheck() {
	}

	/**
	 * Checks the fixed (non-zero) ports of the settings.
	 * @param settings the platform's settings
	 * @param available whether a port is free now
	 * @throws PlatformStartException naming the first port that is taken or asked for
	 * twice
	 */
	static void requireFree(Settings settings, IntPredicate available) {
		Map<Integer, String> seen = new HashMap<>();
		for (Need need : needs(settings)) {
			if (need.port() == 0) {
				continue;
			}
			String other = seen.putIfAbsent(need.port(), need.what());
			if (other != null) {
				throw new PlatformStartException("Port " + need.port() + " is asked for twice, by " + other + " and by "
						+ need.what() + ": choose another one with " + need.option());
			}
			if (!available.test(need.port())) {
				throw new PlatformStartException(message(need));
			}
		}
	}

	static String message(Need need) {
		return "Port " + need.port() + " is already in use, and " + need.what()
				+ " needs it: stop whatever uses it, or choose another port with " + need.option();
	}

	static List<Need> needs(Settings settings) {
		List<Need> needs = new ArrayList<>();
		needs.add(new Need(settings.kafkaPort(), "the Kafka broker", "--kafka-port"));
		needs.add(new Need(settings.mongoPort(), "the MongoDB-wire store", "--mongodb-port"));
		needs.add(new Need(settings.smtpPort(), MAIL_CATCHER, "--smtp-port"));
		needs.add(new Need(settings.mailboxPort(), MAILBOX, "--mailbox-port"));
		for (Service service : Service.values()) {
			needs.add(new Need(settings.port(service), service.role(), service.portOption()));
		}
		return needs;
	}

	/**
	 * Whether a server could listen on 127.0.0.1:port now. Address reuse is on, as for
	 * the servers themselves, so a port left in TIME_WAIT by our previous run counts as
	 * free.
	 */
	static boolean isAvailable(int port) {
		return Ports.available(port);
	}

	/** A port that was free a moment ago on 127.0.0.1. */
	static int freePort() {
		return Ports.free();
	}

	/**
	 * A port that was free a moment ago on 127.0.0.1 and is not among those already
	 * chosen, which it joins.
	 * @param taken the ports chosen so far
	 * @return the port
	 */
	static int freePortNotIn(java.util.Set<Integer> taken) {
		while (true) {
			int candidate = Ports.free();
			if (taken.add(candidate)) {
				return candidate;
			}
		}
	}

	/**
	 * A port and what needs it.
	 *
	 * @param port the port, 0 for any free one
	 * @param what what needs it, e.g. "the gateway"
	 * @param option the launcher's option that changes it
	 */
	record Need(int port, String what, String option) {
	}

}
