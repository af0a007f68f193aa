package org.groundgame.gateway.routing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time limiter runs each proxied call on another thread
 * ({@link BackendCircuitBreaker}). Those threads are virtual, like the request threads,
 * and carry the request's observation so that the call to the service continues the
 * caller's trace ({@code traceparent}).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerExecutorConfiguration {

	@Bean(destroyMethod = "close")
	BackendCallThreads backendCallThreads() {
		return new BackendCallThreads(ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
				ContextSnapshotFactory.builder().build()));
	}

	/**
	 * The executor of the calls to the services, not a bean of its own: an
	 * {@code Executor} bean would stand in for Spring Boot's application task executor.
	 *
	 * @param executor a virtual thread per call, with the caller's context
	 */
	record BackendCallThreads(ExecutorService executor) implements AutoCloseable {

		@Override
		public void close() {
			this.executor.shutdownNow();
		}

	}

}
