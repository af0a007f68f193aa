package org.groundgame.gateway.routing;

import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time limiter runs each proxied call on another thread. Those threads are virtual,
 * like the request threads, and carry the request's observation so that the call to the
 * service continues the caller's trace ({@code traceparent}).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerExecutorConfiguration {

	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> virtualThreadsWithTraceContext() {
		return (factory) -> factory.configureExecutorService(ContextExecutorService
			.wrap(Executors.newVirtualThreadPerTaskExecutor(), ContextSnapshotFactory.builder().build()));
	}

}
