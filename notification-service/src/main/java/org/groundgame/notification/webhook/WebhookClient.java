package org.groundgame.notification.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.groundgame.notification.webhook.WebhookResponse.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt at delivering a webhook, signed by the
 * <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> specification, and
 * says how it went; retrying is the caller's.
 * <p>
 * Apache HttpClient rather than the JDK's: its {@link DnsResolver} is where the host is
 * resolved, so the addresses checked against inward ones are the very addresses connected
 * to (the JDK client resolves on its own, after any check of ours, which a DNS rebinding
 * could exploit). No proxy is used, as a proxy would do the resolving. A scheduled abort
 * bounds the whole attempt, which per-read socket time-outs alone do not.
 * <p>
 * Each endpoint has its own circuit breaker, so a dead one fails fast and holds no one
 * else up.
 */
@Component
public class WebhookClient implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WebhookClient.class);

	static final String USER_AGENT = "GroundGame-Webhooks/1";

	static final ContentType CLOUDEVENTS_JSON = ContentType.create("application/cloudevents+json");

	private final Duration timeout;

	private final ResolvedAddresses addresses;

	private final Clock clock;

	private final CircuitBreakerRegistry breakers;

	private final CloseableHttpClient http;

	private final ScheduledThreadPoolExecutor deadlines;

	/**
	 * The service's client, on the system clock.
	 * @param properties time limits and breaker settings
	 * @param allowLoopback the setting the subscriptions check webhook URLs with, so that
	 * what may be stored may also be called
	 */
	@Autowired
	WebhookClient(WebhookDeliveryProperties properties,
			@Value("${groundgame.notification.webhooks.allow-loopback:false}") boolean allowLoopback) {
		this(properties, allowLoopback, Clock.systemUTC());
	}

	/**
	 * @param properties time limits and breaker settings
	 * @param allowLoopback whether endpoints on this machine may be called (trying
	 * webhooks out locally); other inward addresses never may
	 * @param clock the time of {@code Retry-After} dates and of the circuit breakers
	 */
	public WebhookClient(WebhookDeliveryProperties properties, boolean allowLoopback, Clock clock) {
		this(properties, allowLoopback, clock, HostResolver.SYSTEM);
	}

	WebhookClient(WebhookDeliveryProperties properties, boolean allowLoopback, Clock clock, HostResolver resolver) {
		this.timeout = properties.timeout();
		this.addresses = new ResolvedAddresses(allowLoopback);
		this.clock = clock;
		this.breakers = CircuitBreakerRegistry.of(breakerConfig(properties.breaker(), clock));
		this.breakers.getEventPublisher()
			.onEntryAdded((added) -> added.getAddedEntry()
				.getEventPublisher()
				.onStateTransition((event) -> logger.info("Webhook endpoint at {}: circuit breaker {}",
						hostOf(event.getCircuitBreakerName()), event.getStateTransition())));
		this.http = httpClient(properties, new CheckingDnsResolver(resolver, this.addresses));
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "webhook-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	private static CircuitBreakerConfig breakerConfig(WebhookDeliveryProperties.Breaker breaker, Clock clock) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
			.clock(clock)
			.build();
	}

	private static CloseableHttpClient httpClient(WebhookDeliveryProperties properties, DnsResolver dnsResolver) {
		Timeout connectTimeout = Timeout.of(properties.connectTimeout());
		Timeout timeout = Timeout.of(properties.timeout());
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(dnsResolver)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(connectTimeout)
					.setSocketTimeout(timeout)
					.setTimeToLive(TimeValue.ofMinutes(5))
					.build())
				.setMaxConnTotal(200)
				.setMaxConnPerRoute(20)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(connectTimeout)
				.setResponseTimeout(timeout)
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.setUserAgent(USER_AGENT)
			.evictIdleConnections(TimeValue.ofMinutes(1))
			.build();
	}

	/** Makes one attempt; never throws for anything the endpoint or the network does. */
	public WebhookResponse post(WebhookRequest request) {
		long started = System.nanoTime();
		URI uri;
		try {
			uri = endpoint(request.url());
		}
		catch (IllegalArgumentException ex) {
			return log("(invalid URL)",
					WebhookResponse.unanswered(Outcome.REFUSED_ADDRESS, ex.getMessage(), since(started)));
		}
		String host = uri.getHost();
		Optional<String> refused = ResolvedAddresses.literal(host).flatMap(this.addresses::problemWith);
		if (refused.isPresent()) {
			return log(host, WebhookResponse.unanswered(Outcome.REFUSED_ADDRESS, refused.get(), since(started)));
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker(breakerKey(uri));
		if (!breaker.tryAcquirePermission()) {
			return log(host, WebhookResponse.unanswered(Outcome.CIRCUIT_OPEN,
					"The endpoint failed too often lately: not attempted", since(started)));
		}
		WebhookResponse response = send(uri, request, started);
		long nanos = System.nanoTime() - started;
		switch (response.outcome()) {
			case DELIVERED, GONE -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
			case FAILED -> breaker.onError(nanos, TimeUnit.NANOSECONDS, new AttemptFailed(response.detail()));
			default -> breaker.releasePermission();
		}
		return log(host, response);
	}

	private WebhookResponse send(URI uri, WebhookRequest request, long started) {
		long timestamp = request.timestamp().getEpochSecond();
		HttpPost post = new HttpPost(uri);
		post.setHeader("webhook-id", request.messageId());
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature",
				StandardWebhooks.signature(request.messageId(), timestamp, request.body(), request.secrets()));
		post.setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
		post.setEntity(new ByteArrayEntity(request.body(), CLOUDEVENTS_JSON));
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
			timedOut.set(true);
			post.cancel();
		}, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		try {
			Answer answer = this.http.execute(post, (response) -> new Answer(response.getCode(),
					RetryAfter.parse(headerValue(response.getFirstHeader(HttpHeaders.RETRY_AFTER)), this.clock)));
			return answered(answer, since(started));
		}
		catch (IOException | RuntimeException ex) {
			return failed(ex, timedOut.get(), since(started));
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static WebhookResponse answered(Answer answer, Duration took) {
		int status = answer.status();
		if (status >= 200 && status < 300) {
			return new WebhookResponse(Outcome.DELIVERED, status, answer.retryAfter(), "HTTP " + status, took);
		}
		if (status == 410) {
			return new WebhookResponse(Outcome.GONE, status, null, "HTTP 410: the endpoint is gone", took);
		}
		String detail = (status >= 300 && status < 400) ? "HTTP " + status + " (redirects are not followed)"
				: "HTTP " + status;
		return new WebhookResponse(Outcome.FAILED, status, answer.retryAfter(), detail, took);
	}

	private WebhookResponse failed(Exception ex, boolean timedOut, Duration took) {
		Optional<ForbiddenAddressException> forbidden = causeOfType(ex, ForbiddenAddressException.class);
		if (forbidden.isPresent()) {
			return WebhookResponse.unanswered(Outcome.REFUSED_ADDRESS, forbidden.get().getMessage(), took);
		}
		String detail;
		if (timedOut || ex instanceof SocketTimeoutException) {
			detail = "No complete answer within " + this.timeout.toMillis() + " ms";
		}
		else if (ex instanceof ConnectTimeoutException) {
			detail = "Could not connect in time";
		}
		else if (ex instanceof UnknownHostException) {
			detail = "Unknown host";
		}
		else if (ex instanceof InterruptedIOException) {
			detail = "Interrupted";
		}
		else {
			detail = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		return WebhookResponse.unanswered(Outcome.FAILED, shorten(detail), took);
	}

	/**
	 * The endpoint's breaker key: scheme, host, port and path, so that two chapters'
	 * endpoints on one host (or one endpoint's query strings) share a breaker only when
	 * they are the same endpoint.
	 */
	static String breakerKey(URI uri) {
		int port = (uri.getPort() != -1) ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port
				+ path;
	}

	private static URI endpoint(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not a valid URL");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new IllegalArgumentException("Not an absolute http or https URL");
		}
		return uri;
	}

	private static String hostOf(String breakerKey) {
		try {
			return URI.create(breakerKey).getHost();
		}
		catch (RuntimeException ex) {
			return "?";
		}
	}

	private static WebhookResponse log(String host, WebhookResponse response) {
		// The host only: a path may carry a token (many endpoints put one there).
		if (response.outcome() == Outcome.DELIVERED || response.outcome() == Outcome.CIRCUIT_OPEN) {
			logger.debug("Webhook to {}: {} {} in {} ms", host, response.outcome(), response.statusCode(),
					response.took().toMillis());
		}
		else {
			logger.info("Webhook to {}: {} {} in {} ms ({})", host, response.outcome(), response.statusCode(),
					response.took().toMillis(), response.detail());
		}
		return response;
	}

	private static Duration since(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static String headerValue(Header header) {
		return (header != null) ? header.getValue() : null;
	}

	private static String shorten(String detail) {
		return (detail.length() <= 300) ? detail : detail.substring(0, 300) + "…";
	}

	private static <T extends Throwable> Optional<T> causeOfType(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	/** The circuit breaker of an endpoint, for tests and metrics. */
	CircuitBreaker breakerOf(String url) {
		return this.breakers.circuitBreaker(breakerKey(endpoint(url)));
	}

	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.http.close();
	}

	private record Answer(int status, Duration retryAfter) {
	}

	/** A failed attempt, as the circuit breaker counts it. */
	private static final class AttemptFailed extends RuntimeException {

		AttemptFailed(String detail) {
			super(detail, null, false, false);
		}

	}

	/** A host resolving to an address a webhook must not be sent to. */
	static final class ForbiddenAddressException extends UnknownHostException {

		ForbiddenAddressException(String message) {
			super(message);
		}

	}

	/**
	 * The one place the endpoint's host is resolved: what it resolves to is checked, and
	 * only what passed is connected to.
	 */
	private record CheckingDnsResolver(HostResolver resolver, ResolvedAddresses addresses) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
			InetAddress[] resolved = this.resolver.resolve(bare);
			Optional<String> problem = this.addresses.problemWith(resolved);
			if (problem.isPresent()) {
				throw new ForbiddenAddressException(host + " resolves to a forbidden address: " + problem.get());
			}
			return resolved;
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			return Arrays.stream(resolve(host)).map((address) -> new InetSocketAddress(address, port)).toList();
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			// Only used for Kerberos/SPNEGO, which webhooks do not use: no second lookup.
			return host;
		}

	}

}
