package org.groundgame.platform;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The first request of every service, sent through the gateway before the launcher says
 * the platform is ready, so that no person pays for it. A service that answers its
 * readiness probe has started, but the first request through the gateway to it still
 * costs several times a normal one: the gateway's first connection to the service, the
 * first token the gateway checks, and, in both processes, the first use of the route's
 * code and of its JSON. One read per service, as the site and the console make them,
 * takes that cost; each is best effort, its answer ignored (a request that fails here
 * fails the same way for the first person, with its problem document).
 */
final class FirstRequests {

	/**
	 * One read per service through the gateway: volunteer-, endorsement-, training- and
	 * notification-service (the last as staff), and the web site's home page;
	 * identity-service answers the token request before them.
	 */
	static final List<String> PATHS = List.of("/api/chapters?state=" + DemoData.STATE,
			"/api/endorsements?state=" + DemoData.STATE, "/api/training/cohorts",
			"/api/notifications/deliveries?size=1", "/");

	private FirstRequests() {
	}

	/**
	 * Sends the token request, then every read of {@link #PATHS} at once, and waits for
	 * their answers, at most {@code timeout} in all.
	 * @param gateway the gateway's address
	 * @param staff the staff client, whose token the reads carry
	 * @param timeout the longest wait for each answer and for all of them
	 * @return each request with the status it was answered with, or why it was not
	 */
	static List<String> send(URI gateway, PlatformCredentials.Client staff, Duration timeout) {
		JsonHttp anonymous = new JsonHttp(gateway, timeout);
		List<String> outcomes = new ArrayList<>();
		JsonHttp caller = anonymous;
		try {
			caller = anonymous.as(anonymous.clientCredentialsToken(staff.clientId(), staff.secret()));
			outcomes.add("POST /oauth2/token 200");
		}
		catch (JsonHttp.GatewayException ex) {
			// The reads still go, without a token: the public ones are answered.
			outcomes.add("POST /oauth2/token failed");
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			JsonHttp reader = caller;
			List<Future<String>> answers = PATHS.stream()
				.map((path) -> threads.submit(() -> "GET " + path + " " + reader.get(path).status()))
				.toList();
			for (int i = 0; i < answers.size(); i++) {
				outcomes.add(outcome(PATHS.get(i), answers.get(i), deadline));
			}
			threads.shutdownNow();
		}
		return outcomes;
	}

	private static String outcome(String path, Future<String> answer, long deadline) {
		try {
			return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			answer.cancel(true);
			return "GET " + path + " failed";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "GET " + path + " interrupted";
		}
	}

}
