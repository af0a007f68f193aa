package org.groundgame.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the chart must deploy, written out independently of it: each application, its port
 * (docker-compose.yml, DESIGN.md) and who may call it over HTTP (the gateway routes to
 * everything; web calls the services' APIs and identity-service; every service and the
 * gateway fetch identity-service's keys, /oauth2/jwks).
 */
final class Applications {

	static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "web", 8086, "identity-service", 8085,
			"endorsement-service", 8081, "volunteer-service", 8082, "campaign-training-service", 8083,
			"notification-service", 8084);

	/** The applications with a MongoDB database of their own. */
	static final Map<String, String> DATABASES = Map.of("gateway", "groundgame-gateway", "web", "groundgame-web",
			"identity-service", "groundgame-identity", "endorsement-service", "groundgame-endorsement",
			"volunteer-service", "groundgame-volunteer", "campaign-training-service", "groundgame-training",
			"notification-service", "groundgame-notification");

	static final List<String> SERVICES = List.of("identity-service", "endorsement-service", "volunteer-service",
			"campaign-training-service", "notification-service");

	static final Map<String, Set<String>> CALLERS = Map.of("gateway", Set.of(), "web", Set.of("gateway"),
			"endorsement-service", Set.of("gateway", "web"), "volunteer-service", Set.of("gateway", "web"),
			"campaign-training-service", Set.of("gateway", "web"), "notification-service", Set.of("gateway", "web"),
			"identity-service", Set.of("gateway", "web", "endorsement-service", "volunteer-service",
					"campaign-training-service", "notification-service"));

	private Applications() {
	}

	/** Its name in the cluster, for the tests' release. */
	static String name(String application) {
		return HelmChart.RELEASE + "-" + application;
	}

}
