package org.groundgame.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.RetryableRequestContext;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends a request to one of a service's healthy instances, chosen round robin by the
 * service's Spring Cloud LoadBalancer ({@link BackendLoadBalancerConfiguration}), and,
 * when that instance could not take it, once more to another healthy instance:
 * <ul>
 * <li>any request for which no connection could be opened (nothing was sent: refused, not
 * connected in time, no route), after the JDK HTTP client's own second attempt at the
 * same instance;
 * <li>a {@code GET} or {@code HEAD} whose connection closed before any answer, even on
 * the new connection the HTTP client had opened to send it again.
 * </ul>
 * A {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that may have reached an
 * instance is never sent to another one ({@link BackendCircuitBreaker} answers it with a
 * {@code 503}). The second choice avoids the first instance (Spring Cloud LoadBalancer's
 * {@code RetryAwareServiceInstanceListSupplier}, given the first as the previous
 * instance); when the first is the only healthy one there is no other to try, and the
 * failure stands. Both attempts are one call of the service's circuit breaker and time
 * limiter, which sit around this filter: a service that still answers from one instance
 * is not failing. When no instance passed its last health check, the request goes to the
 * configured instances in turn all the same, as with a single address: a probe that timed
 * out on a busy machine is no proof that the service is down, and leaving every instance
 * out would make a {@code 503} of every request (and open the circuit) while they answer.
 * An instance that is really gone refuses the connection, and that is a {@code 503} as
 * before.
 * <p>
 * Spring Cloud Gateway's own {@code LoadBalancerFilterFunctions.lb(serviceId)} chooses
 * once, with a request that carries no previous instance, so it cannot send the second
 * attempt elsewhere on purpose; this filter asks the same {@link LoadBalancerClient}.
 */
final class BalancedBackend implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	/** The methods sent again when their connection closed before any answer. */
	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final Logger logger = LoggerFactory.getLogger(BalancedBackend.class);

	private final Backend backend;

	private final LoadBalancerClient loadBalancer;

	/** Every configured instance, for when none passed its health check. */
	private final List<ServiceInstance> configured;

	private final AtomicInteger nextConfigured = new AtomicInteger();

	BalancedBackend(Backend backend, LoadBalancerClient loadBalancer, List<URI> addresses) {
		this.backend = backend;
		this.loadBalancer = loadBalancer;
		this.configured = IntStream.range(0, addresses.size())
			.mapToObj((i) -> (ServiceInstance) new DefaultServiceInstance(backend.serviceName() + "-" + (i + 1),
					backend.serviceName(), addresses.get(i).getHost(), port(addresses.get(i)),
					"https".equals(addresses.get(i).getScheme())))
			.toList();
	}

	private static int port(URI address) {
		return (address.getPort() != -1) ? address.getPort() : ("https".equals(address.getScheme()) ? 443 : 80);
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		ServiceInstance first = choose(null);
		try {
			return send(request, next, first);
		}
		catch (Exception ex) {
			if (!worthAnotherInstance(request, ex) || Thread.currentThread().isInterrupted()) {
				throw ex;
			}
			ServiceInstance second = choose(first);
			if (second.getUri().equals(first.getUri())) {
				throw ex;
			}
			logger.info("{} {} sent to {} instead of {} ({})", request.method(), request.path(), second.getUri(),
					first.getUri(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return send(request, next, second);
		}
	}

	private ServiceInstance choose(@Nullable ServiceInstance previous) {
		ServiceInstance instance = this.loadBalancer.choose(this.backend.serviceName(),
				new DefaultRequest<>(new RetryableRequestContext(previous)));
		if (instance != null) {
			return instance;
		}
		// No instance passed its last check: each in turn, the one just tried last.
		for (int i = 0; i < this.configured.size(); i++) {
			ServiceInstance candidate = this.configured
				.get(Math.floorMod(this.nextConfigured.getAndIncrement(), this.configured.size()));
			if (previous == null || !candidate.getUri().equals(previous.getUri())) {
				logger.debug("No instance of {} passed its health check: sending to {}", this.backend.serviceName(),
						candidate.getUri());
				return candidate;
			}
		}
		return previous;
	}

	private static ServerResponse send(ServerRequest request, HandlerFunction<ServerResponse> next,
			ServiceInstance instance) throws Exception {
		MvcUtils.setRequestUrl(request, instance.getUri());
		return next.handle(request);
	}

	private static boolean worthAnotherInstance(ServerRequest request, Exception failure) {
		return BackendFailures.notConnected(failure)
				|| (SAFE_METHODS.contains(request.method()) && BackendFailures.connectionClosedBeforeAnswer(failure));
	}

}
