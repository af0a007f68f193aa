package org.groundgame.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The load balancer of one service that runs as several instances
 * ({@link BackendLoadBalancerConfiguration}): its instances are the configured addresses,
 * kept while they answer their health check, and a second choice avoids the first. Made
 * in the service's own load balancer context (whose name is the service's), not in the
 * gateway's: deliberately not a {@code @Configuration}, which component scanning would
 * find.
 */
class ServiceLoadBalancerConfiguration {

	@Bean
	ServiceInstanceListSupplier healthyInstances(ConfigurableApplicationContext context, BackendAddresses addresses,
			BackendHealthChecks healthChecks) {
		String serviceId = LoadBalancerClientFactory.getName(context.getEnvironment());
		List<URI> uris = addresses.of(Backend.named(serviceId));
		ServiceInstance[] instances = IntStream.range(0, uris.size())
			.mapToObj((i) -> instance(serviceId, i + 1, uris.get(i)))
			.toArray(ServiceInstance[]::new);
		LoadBalancerClientFactory loadBalancers = context.getBean(LoadBalancerClientFactory.class);
		// The library gives each check as long as the interval; so does the request.
		Duration timeout = loadBalancers.getProperties(serviceId).getHealthCheck().getInterval();
		return ServiceInstanceListSupplier.builder()
			.withBase(ServiceInstanceListSuppliers.from(serviceId, instances))
			.with((ignored, delegate) -> new HealthCheckServiceInstanceListSupplier(delegate, loadBalancers,
					(instance, path) -> healthChecks.ready(instance, path, timeout)))
			.withRetryAwareness()
			.build(context);
	}

	private static ServiceInstance instance(String serviceId, int number, URI address) {
		if (address.getHost() == null || !("http".equals(address.getScheme()) || "https".equals(address.getScheme()))) {
			throw new IllegalStateException("An address of " + serviceId
					+ " (groundgame.gateway.services.*) is not http(s)://host:port: " + address);
		}
		boolean secure = "https".equals(address.getScheme());
		int port = (address.getPort() != -1) ? address.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(serviceId + "-" + number, serviceId, address.getHost(), port, secure);
	}

}
