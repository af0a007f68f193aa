package org.groundgame.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;

/**
 * Asks an instance of a service whether it is ready ({@code GET} of its readiness probe,
 * {@code 200} or not), for Spring Cloud LoadBalancer's
 * {@code HealthCheckServiceInstanceListSupplier}. The library's own checks use a
 * {@code WebClient} (which needs WebFlux and a reactive client) or a blocking
 * {@code RestTemplate}/{@code RestClient}, called on Reactor's few parallel threads, one
 * instance after the other, so that one hung instance would hold up the checks of every
 * service; these go out with the JDK HTTP client's asynchronous API instead, never
 * blocking a thread, and are not observed (no {@code http_client_requests} or traces for
 * a probe every second). Each change of an instance's state is logged once.
 */
final class BackendHealthChecks implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BackendHealthChecks.class);

	private final HttpClient client;

	/** Whether each instance was ready at its last check. */
	private final Map<URI, Boolean> lastKnown = new ConcurrentHashMap<>();

	BackendHealthChecks(HttpClient client) {
		this.client = client;
	}

	/**
	 * Whether the instance answers {@code 200} at {@code path} within {@code timeout};
	 * never an error.
	 */
	Mono<Boolean> ready(ServiceInstance instance, String path, Duration timeout) {
		URI probe = instance.getUri().resolve(path.startsWith("/") ? path : "/" + path);
		// A little less than the library waits, so that a hung instance is seen, and
		// logged,
		// here.
		HttpRequest request = HttpRequest.newBuilder(probe)
			.timeout(timeout.multipliedBy(9).dividedBy(10))
			.GET()
			.build();
		return Mono.fromFuture(() -> this.client.sendAsync(request, BodyHandlers.discarding())).map((answer) -> {
			boolean ready = answer.statusCode() == 200;
			changed(instance, ready, "answered " + answer.statusCode());
			return ready;
		}).onErrorResume((failure) -> {
			changed(instance, false, failure.toString());
			return Mono.just(false);
		});
	}

	private void changed(ServiceInstance instance, boolean ready, String how) {
		Boolean before = this.lastKnown.put(instance.getUri(), ready);
		if (before == null && ready) {
			return;
		}
		if (before == null || before != ready) {
			if (ready) {
				logger.info("{} at {} is ready again", instance.getServiceId(), instance.getUri());
			}
			else {
				logger.warn("{} at {} is left out: its readiness probe {}", instance.getServiceId(), instance.getUri(),
						how);
			}
		}
	}

	@Override
	public void close() {
		this.client.shutdownNow();
	}

}
