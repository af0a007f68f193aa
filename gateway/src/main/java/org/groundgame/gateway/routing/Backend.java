package org.groundgame.gateway.routing;

import java.util.List;

/**
 * The services behind the gateway and the public resources each one answers (API.md).
 * Each service's name is also its route id and its circuit breaker's (and time limiter's)
 * name.
 */
enum Backend {

	ENDORSEMENT("endorsement-service", "nominations", "slates", "endorsements", "races"),

	VOLUNTEER("volunteer-service", "chapters", "volunteers", "opportunities", "shifts"),

	CAMPAIGN_TRAINING("campaign-training-service", "training"),

	NOTIFICATION("notification-service", "notifications");

	private final String serviceName;

	private final List<String> resources;

	Backend(String serviceName, String... resources) {
		this.serviceName = serviceName;
		this.resources = List.of(resources);
	}

	String serviceName() {
		return this.serviceName;
	}

	/**
	 * {@code /api/chapters/**} matches {@code /api/chapters} itself as well as everything
	 * below it.
	 */
	String[] pathPatterns() {
		return this.resources.stream().map(resource -> "/api/" + resource + "/**").toArray(String[]::new);
	}

}
