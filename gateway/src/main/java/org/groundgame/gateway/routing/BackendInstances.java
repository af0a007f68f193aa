package org.groundgame.gateway.routing;

import java.net.URI;
import java.util.Arrays;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;

/**
 * Where a service's routes send their requests. A service configured with one address
 * ({@link BackendAddresses}) is proxied to that address, as it always was; a service with
 * several is balanced over those of its instances that are healthy
 * ({@link BalancedBackend}, with Spring Cloud LoadBalancer:
 * {@link BackendLoadBalancerConfiguration}).
 */
@Component
class BackendInstances {

	private final BackendAddresses addresses;

	private final LoadBalancerClient loadBalancer;

	private final LoadBalancerClientFactory loadBalancers;

	BackendInstances(BackendAddresses addresses, LoadBalancerClient loadBalancer,
			LoadBalancerClientFactory loadBalancers) {
		this.addresses = addresses;
		this.loadBalancer = loadBalancer;
		this.loadBalancers = loadBalancers;
	}

	/**
	 * The filter that picks the instance a route's request goes to; it runs inside the
	 * service's circuit breaker and time limiter, so that trying another instance is part
	 * of the same call.
	 */
	HandlerFilterFunction<ServerResponse, ServerResponse> of(Backend backend) {
		if (!this.addresses.balanced(backend)) {
			URI address = this.addresses.of(backend).getFirst();
			return HandlerFilterFunction.ofRequestProcessor(uri(address));
		}
		return new BalancedBackend(backend, this.loadBalancer, this.addresses.of(backend));
	}

	/**
	 * Starts the health checks of every balanced service once the gateway is up, rather
	 * than on its first request (each service's load balancer is made on first use).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void startHealthChecks() {
		Arrays.stream(Backend.values())
			.filter(this.addresses::balanced)
			.forEach((backend) -> this.loadBalancers.getInstance(backend.serviceName()));
	}

}
