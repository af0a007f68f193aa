package org.groundgame.gateway;

import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The services the gateway's tests stand in front of, one set per test JVM (the Spring
 * context that uses them is shared by the test classes): real HTTP servers on 127.0.0.1
 * for endorsement-, volunteer-, notification- and identity-service and the web module's
 * pages, and a campaign-training-service that accepts connections and drops them.
 */
public final class TestBackends {

	public static final StubService endorsement = StubService.start("endorsement-service");

	public static final StubService volunteer = StubService.start("volunteer-service");

	public static final StubService notification = StubService.start("notification-service");

	public static final StubService identity = StubService.start("identity-service");

	public static final StubService web = StubService.start("web-service");

	public static final ConnectionDropper campaignTraining = ConnectionDropper.start();

	private TestBackends() {
	}

	/**
	 * Forgets every request and answer of the earlier tests, and closes every circuit
	 * they opened (campaign-training-service's fails all the time).
	 * @param circuitBreakers the gateway's circuit breakers
	 */
	public static void reset(CircuitBreakerRegistry circuitBreakers) {
		Stream.of(endorsement, volunteer, notification, identity, web).forEach(StubService::reset);
		campaignTraining.forgetConnections();
		circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

}
