package org.groundgame.gateway.routing;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Puts a service's route behind its Resilience4j circuit breaker and time limiter (both
 * named after the service). What counts against the circuit is {@link BackendFailures}'
 * to say (configured as Resilience4j's own predicates): the service unreachable, too
 * slow, or answering {@code 502}/{@code 503}/{@code 504}; never an answer that one
 * request provoked. Every answer of the service, 5xx included, reaches the client as it
 * was sent. When the service cannot answer at all, the client gets a {@code 503} problem
 * naming it.
 * <p>
 * Retries happen below this filter, in the JDK HTTP client the gateway is pinned to
 * ({@code spring.http.clients.imperative.factory=jdk}), within the same breaker call and
 * time limit: a {@code GET} or {@code HEAD} whose connection closed before any answer (a
 * pooled connection the service had closed, say) is sent once more on a new connection,
 * and so is any request whose connection could not be opened at all (nothing was sent). A
 * {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that may have reached the
 * service is never sent twice; when its connection closed before any answer the client
 * gets a {@code 503} and the service is not counted as failing. Spring Cloud Gateway's
 * retry filter is not added on top: it would repeat the client's own retry (four
 * connections where two do), and its exception rule applies to every method, a
 * {@code POST} included. A service with several instances has its instance chosen below
 * this filter too ({@link BalancedBackend}), which sends the same failures once more to
 * another healthy instance: one breaker call per request, one breaker per service.
 * <p>
 * The event stream route ({@link #withoutTimeLimit}) has the service's circuit breaker
 * but no time limit: its answer is meant to last.
 * <p>
 * Spring Cloud Gateway's own {@code CircuitBreakerFilterFunctions} would answer a
 * time-out with a {@code 504} and other failures with a {@code 500}, or forward to a
 * fallback path that is then reachable by clients too; this filter answers the problem
 * itself.
 */
class BackendCircuitBreaker implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	/** The methods the JDK HTTP client sends again when a connection closed. */
	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final Logger logger = LoggerFactory.getLogger(BackendCircuitBreaker.class);

	/**
	 * The problem type of every 503, in the platform's urn:groundgame:problem: family
	 * (RFC 9457).
	 */
	static final URI SERVICE_UNAVAILABLE_TYPE = URI.create("urn:groundgame:problem:service-unavailable");

	private final Backend backend;

	private final CircuitBreaker circuit;

	private final @Nullable TimeLimiter timeLimit;

	private final @Nullable ExecutorService executor;

	private BackendCircuitBreaker(Backend backend, CircuitBreaker circuit, @Nullable TimeLimiter timeLimit,
			@Nullable ExecutorService executor) {
		this.backend = backend;
		this.circuit = circuit;
		this.timeLimit = timeLimit;
		this.executor = executor;
	}

	/**
	 * The service's circuit breaker and time limiter, from their registries (configured
	 * in {@code application.yml}, named after the service). The call to the service runs
	 * on the executor's thread so that the request's thread can stop waiting when the
	 * time is up, as Spring Cloud CircuitBreaker's Resilience4J breaker does it, minus
	 * what it added to every request: a new breaker object, three registry look-ups and
	 * an observation of its own.
	 */
	static BackendCircuitBreaker withTimeLimit(Backend backend, CircuitBreakerRegistry circuitBreakers,
			TimeLimiterRegistry timeLimiters, ExecutorService executor) {
		return new BackendCircuitBreaker(backend, circuitBreakers.circuitBreaker(backend.serviceName()),
				timeLimiters.timeLimiter(backend.serviceName()), executor);
	}

	/**
	 * The service's circuit breaker (the same one as its other routes: an open circuit
	 * refuses streams too, and a failure to connect counts against it) without the time
	 * limiter, for answers that last: a stream of events stays open for as long as the
	 * client and the service keep it.
	 */
	static BackendCircuitBreaker withoutTimeLimit(Backend backend, CircuitBreakerRegistry circuitBreakers) {
		return new BackendCircuitBreaker(backend, circuitBreakers.circuitBreaker(backend.serviceName()), null, null);
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		Callable<ServerResponse> call;
		if (this.timeLimit == null || this.executor == null) {
			call = () -> proxy(request, next);
		}
		else {
			ExecutorService executor = this.executor;
			call = TimeLimiter.decorateFutureSupplier(this.timeLimit,
					() -> executor.submit(() -> proxy(request, next)));
		}
		try {
			return this.circuit.executeCallable(call);
		}
		catch (Exception ex) {
			return fallback(request, ex);
		}
	}

	private static ServerResponse proxy(ServerRequest request, HandlerFunction<ServerResponse> next) {
		try {
			return next.handle(request);
		}
		catch (Exception ex) {
			if (BackendFailures.connectionClosedBeforeAnswer(ex)) {
				// The HTTP client has already sent a GET or HEAD again on a new
				// connection.
				throw SAFE_METHODS.contains(request.method()) ? new BackendFailures.BrokenConnection(ex)
						: new BackendFailures.StaleConnection(ex);
			}
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex);
		}
	}

	private ServerResponse fallback(ServerRequest request, Throwable failure) {
		String service = this.backend.serviceName();
		String detail;
		if (failure instanceof TimeoutException) {
			detail = service + " did not answer in time; try again shortly";
		}
		else if (failure instanceof CallNotPermittedException) {
			detail = service + " is unavailable (failing recently); try again shortly";
		}
		else {
			detail = service + " is unavailable; try again shortly";
		}
		logger.warn("{} {} answered 503: {} ({})", request.method(), request.path(), detail,
				NestedExceptionUtils.getMostSpecificCause(failure).toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setType(SERVICE_UNAVAILABLE_TYPE);
		problem.setInstance(URI.create(request.uri().getRawPath()));
		problem.setProperty("service", service);
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
