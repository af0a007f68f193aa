package org.groundgame.gateway.routing;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Puts a service's route behind its Resilience4j circuit breaker and time limiter (both
 * named after the service). A connection failure, a time-out, an open circuit or an
 * answer in the 5xx range count as failures; 1xx-4xx answers count as successes and pass
 * through untouched. When the service cannot answer at all, the client gets a {@code 503}
 * problem naming it; a 5xx the service did send still reaches the client as sent.
 * <p>
 * Retries happen below this filter, in the JDK HTTP client the gateway is pinned to
 * ({@code spring.http.clients.imperative.factory=jdk}), within the same breaker call and
 * time limit: a {@code GET} or {@code HEAD} whose connection broke before any answer is
 * sent once more (repeating it changes nothing on the service), and so is any request
 * whose connection could not be opened at all (nothing was sent). A {@code POST},
 * {@code PUT}, {@code PATCH} or {@code DELETE} that may have reached the service is never
 * sent twice. A retry of our own on top would multiply the attempts.
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

	private static final Logger logger = LoggerFactory.getLogger(BackendCircuitBreaker.class);

	/**
	 * The problem type of every 503, in the platform's urn:groundgame:problem: family
	 * (RFC 9457).
	 */
	static final URI SERVICE_UNAVAILABLE_TYPE = URI.create("urn:groundgame:problem:service-unavailable");

	private final Backend backend;

	private final @Nullable CircuitBreakerFactory<?, ?> circuitBreakers;

	private final @Nullable CircuitBreakerRegistry untimedCircuitBreakers;

	BackendCircuitBreaker(Backend backend, CircuitBreakerFactory<?, ?> circuitBreakers) {
		this.backend = backend;
		this.circuitBreakers = circuitBreakers;
		this.untimedCircuitBreakers = null;
	}

	private BackendCircuitBreaker(Backend backend, CircuitBreakerRegistry circuitBreakers) {
		this.backend = backend;
		this.circuitBreakers = null;
		this.untimedCircuitBreakers = circuitBreakers;
	}

	/**
	 * The service's circuit breaker (the same one as its other routes: an open circuit
	 * refuses streams too, and a failure to connect counts against it) without the time
	 * limiter, for answers that last: a stream of events stays open for as long as the
	 * client and the service keep it.
	 */
	static BackendCircuitBreaker withoutTimeLimit(Backend backend, CircuitBreakerRegistry circuitBreakers) {
		return new BackendCircuitBreaker(backend, circuitBreakers);
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		if (this.untimedCircuitBreakers != null) {
			CircuitBreaker circuit = this.untimedCircuitBreakers.circuitBreaker(this.backend.serviceName());
			try {
				return circuit.executeCallable(() -> proxy(request, next));
			}
			catch (Exception ex) {
				return fallback(request, ex);
			}
		}
		// Created per request, as the gateway's own filter does: the factory caches the
		// breaker's state and configuration, and observation is attached after start-up.
		return this.circuitBreakers.create(this.backend.serviceName())
			.run(() -> proxy(request, next), (failure) -> fallback(request, failure));
	}

	private static ServerResponse proxy(ServerRequest request, HandlerFunction<ServerResponse> next) {
		ServerResponse answer;
		try {
			answer = next.handle(request);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		if (answer.statusCode().is5xxServerError()) {
			// Thrown so that the breaker records a failure; the fallback hands it back.
			throw new ServerErrorAnswer(answer);
		}
		return answer;
	}

	private ServerResponse fallback(ServerRequest request, Throwable failure) {
		if (failure instanceof ServerErrorAnswer serverError) {
			return serverError.answer;
		}
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

	/**
	 * A 5xx answer of the service, carried through the circuit breaker as a failure.
	 */
	private static final class ServerErrorAnswer extends RuntimeException {

		private final transient ServerResponse answer;

		ServerErrorAnswer(ServerResponse answer) {
			super("answered " + answer.statusCode(), null, false, false);
			this.answer = answer;
		}

	}

}
