package org.groundgame.benchmarks.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.groundgame.benchmarks.Completions;
import org.groundgame.benchmarks.EventPath;

/**
 * One {@code GET} through the gateway as a path of the fixed-rate harness: each "event"
 * is a request sent without waiting for the previous answers (open loop, so a slow answer
 * never delays the next request), and it completes when its whole body has been read.
 * Every answer completes, a failed one too (a non-2xx status, a refused connection, a
 * time-out), and is counted in its {@link Answers}.
 */
public final class GatewayGetPath implements EventPath {

	/** As a browser asks for a page in English. */
	public static final String ACCEPT = "text/html";

	public static final String ACCEPT_LANGUAGE = "en";

	/**
	 * Longer than the gateway's own time limit on a route (10 s), so that a slow page is
	 * the gateway's {@code 504}, not a client's time-out.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final HttpClient client;

	private final HttpRequest request;

	private final Completions completions;

	private final Answers answers;

	/**
	 * @param client the client, shared by the paths of a run
	 * @param uri what to get
	 * @param completions where to report each answer
	 * @param answers where to count the answers' statuses and sizes
	 */
	public GatewayGetPath(HttpClient client, URI uri, Completions completions, Answers answers) {
		this(client,
				HttpRequest.newBuilder(uri)
					.GET()
					.header("Accept", ACCEPT)
					.header("Accept-Language", ACCEPT_LANGUAGE)
					.timeout(TIMEOUT)
					.build(),
				completions, answers);
	}

	/**
	 * @param client the client, shared by the paths of a run
	 * @param request the request to send each time, its headers included
	 * @param completions where to report each answer
	 * @param answers where to count the answers' statuses and sizes
	 */
	public GatewayGetPath(HttpClient client, HttpRequest request, Completions completions, Answers answers) {
		this.client = client;
		this.request = request;
		this.completions = completions;
		this.answers = answers;
	}

	@Override
	public void send(String eventId) {
		this.client.sendAsync(this.request, HttpResponse.BodyHandlers.ofByteArray())
			.whenComplete((response, failure) -> {
				long now = System.nanoTime();
				if (failure != null) {
					this.answers.failed(failure);
				}
				else {
					this.answers.answered(response.statusCode(), response.body().length);
				}
				this.completions.completed(eventId, now);
			});
	}

	@Override
	public List<String> notes() {
		return List.of();
	}

	@Override
	public void close() {
		// The client is the run's.
	}

	/**
	 * The answers to one path's requests, warm-up included: how many had a 2xx status,
	 * which other statuses came and how often, the requests that got no answer, and the
	 * size of the bodies.
	 */
	public static final class Answers {

		private final AtomicLong successful = new AtomicLong();

		private final AtomicLong bodyBytes = new AtomicLong();

		private final Map<String, Long> errors = new TreeMap<>();

		public void answered(int status, int bytes) {
			if (status >= 200 && status < 300) {
				this.successful.incrementAndGet();
				this.bodyBytes.addAndGet(bytes);
			}
			else {
				error(Integer.toString(status));
			}
		}

		public void failed(Throwable failure) {
			Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
			error(cause.getClass().getSimpleName());
		}

		private synchronized void error(String kind) {
			this.errors.merge(kind, 1L, Long::sum);
		}

		/** Answers with a 2xx status. */
		public long successful() {
			return this.successful.get();
		}

		/** Answers with another status, and requests without an answer. */
		public synchronized long errors() {
			return this.errors.values().stream().mapToLong(Long::longValue).sum();
		}

		/** The mean size of a 2xx answer's body, in bytes. */
		public long meanBodyBytes() {
			long successful = successful();
			return (successful > 0) ? this.bodyBytes.get() / successful : 0;
		}

		/**
		 * The errors by status or exception, e.g.
		 * {@code 429 x 12, HttpTimeoutException x 1}.
		 */
		public synchronized String describeErrors() {
			return this.errors.entrySet()
				.stream()
				.map((error) -> String.format(Locale.ROOT, "%s x %d", error.getKey(), error.getValue()))
				.collect(Collectors.joining(", "));
		}

	}

}
