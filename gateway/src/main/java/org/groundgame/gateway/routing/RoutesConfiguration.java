package org.groundgame.gateway.routing;

import java.util.Arrays;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.preserveHostHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;
import static org.springframework.web.servlet.function.RequestPredicates.GET;

/**
 * One route per service: every method on its resources is proxied as it came (path,
 * query, headers, body) behind that service's circuit breaker and time limiter; the event
 * stream has a route of its own without the time limiter. A second route per service
 * serves its OpenAPI document ({@code /v3/api-docs/<docs name>} to the service's
 * {@code /v3/api-docs}) to Swagger UI, behind the same breaker. Every route sends its
 * requests to its service's one address, or balances them over its healthy instances when
 * it has several ({@link BackendInstances}), inside the breaker: trying another instance
 * is part of the same call.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	/** The OpenAPI document's path on every service (springdoc's default). */
	static final String SERVICE_API_DOCS = "/v3/api-docs";

	/** notification-service's inbox as Server-Sent Events: an answer that lasts. */
	static final String NOTIFICATION_STREAM = "/api/notifications/stream";

	/**
	 * The console's relay of that stream (the web module opens the service's stream with
	 * the signed-in organizer's token, which the browser never holds): as lasting.
	 */
	static final String CONSOLE_INBOX_STREAM = "/console/inbox/stream";

	/**
	 * The event stream's own route, ahead of notification-service's: proxied the same
	 * way, behind the same circuit breaker, but without the time limiter, whose limit is
	 * for answers, not for streams that stay open for many minutes. Tokens and rate
	 * limits apply as to any request, once, when the stream is opened.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> eventStreamRoute(BackendInstances instances,
			CircuitBreakerRegistry circuitBreakers) {
		return route(Backend.NOTIFICATION.serviceName() + "-stream").route(GET(NOTIFICATION_STREAM), http())
			.before(preserveHostHeader())
			.filter(BackendCircuitBreaker.withoutTimeLimit(Backend.NOTIFICATION, circuitBreakers))
			.filter(instances.of(Backend.NOTIFICATION))
			.build()
			.and(route(Backend.WEB.serviceName() + "-stream").route(GET(CONSOLE_INBOX_STREAM), http())
				.before(preserveHostHeader())
				.filter(BackendCircuitBreaker.withoutTimeLimit(Backend.WEB, circuitBreakers))
				.filter(instances.of(Backend.WEB))
				.build());
	}

	@Bean
	RouterFunction<ServerResponse> backendRoutes(BackendInstances instances, CircuitBreakerRegistry circuitBreakers,
			TimeLimiterRegistry timeLimiters, CircuitBreakerExecutorConfiguration.BackendCallThreads backendCalls) {
		return Arrays.stream(Backend.values())
			.map((backend) -> route(backend.serviceName()).route(path(backend.pathPatterns()), http())
				// The service builds its Location headers, and identity-service its token
				// issuer, from the Host the client used.
				.before(preserveHostHeader())
				.filter(BackendCircuitBreaker.withTimeLimit(backend, circuitBreakers, timeLimiters,
						backendCalls.executor()))
				.filter(instances.of(backend))
				.build())
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

	@Bean
	RouterFunction<ServerResponse> apiDocsRoutes(BackendInstances instances, CircuitBreakerRegistry circuitBreakers,
			TimeLimiterRegistry timeLimiters, CircuitBreakerExecutorConfiguration.BackendCallThreads backendCalls) {
		return Arrays.stream(Backend.values())
			.filter(Backend::hasApiDocs)
			.map((backend) -> route(backend.serviceName() + "-api-docs").route(path(backend.apiDocsPath()), http())
				.before(setPath(SERVICE_API_DOCS))
				// The document's server URL is then the gateway's.
				.before(preserveHostHeader())
				.filter(BackendCircuitBreaker.withTimeLimit(backend, circuitBreakers, timeLimiters,
						backendCalls.executor()))
				.filter(instances.of(backend))
				.build())
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

}
