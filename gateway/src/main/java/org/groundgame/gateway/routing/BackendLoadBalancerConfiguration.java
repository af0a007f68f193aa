package org.groundgame.gateway.routing;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud LoadBalancer for the services that run as several instances
 * ({@link BackendAddresses}): each has a load balancer of its own (Spring Cloud makes a
 * small context per service, named after it), round robin (its default) over the
 * instances that answer their readiness probe.
 * <ul>
 * <li>The instances are the configured addresses (a static list: nothing to discover).
 * <li>Spring Cloud LoadBalancer's {@link HealthCheckServiceInstanceListSupplier} asks
 * each instance for {@code spring.cloud.loadbalancer.health-check.path}
 * ({@code /actuator/health/readiness}) every {@code …health-check.interval} (1 s), and
 * keeps those that answer {@code 200} within that interval: a killed instance stops
 * getting requests within about an interval, a restarted one gets them again once it is
 * ready, and one that is shutting down (its readiness says it refuses traffic) is left
 * out before it stops. Its checks go out with {@link BackendHealthChecks}.
 * <li>The instances and their checks: {@link ServiceLoadBalancerConfiguration}.
 * <li>Retry awareness (the {@code RetryAwareServiceInstanceListSupplier}): a choice made
 * with a previous instance ({@link BalancedBackend}'s second attempt) leaves that
 * instance out, when there is another.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceLoadBalancerConfiguration.class)
class BackendLoadBalancerConfiguration {

	@Bean(destroyMethod = "close")
	BackendHealthChecks backendHealthChecks() {
		// HTTP/1.1 as the proxy speaks (no h2c upgrade), completions on virtual threads.
		return new BackendHealthChecks(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build());
	}

}
