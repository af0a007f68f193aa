package org.groundgame.platform;

import java.nio.file.Path;

/**
 * The processes of the platform besides the broker and the store: the four services, the
 * identity-service that issues tokens, the web module that serves the site's pages, and
 * the gateway, each its own JVM started from its module's runnable jar.
 */
public enum Service {

	ENDORSEMENT("endorsement-service", 8081, "--endorsement-port", "endorsement"),

	VOLUNTEER("volunteer-service", 8082, "--volunteer-port", "volunteer"),

	CAMPAIGN_TRAINING("campaign-training-service", 8083, "--training-port", "campaign-training"),

	NOTIFICATION("notification-service", 8084, "--notification-port", "notification"),

	IDENTITY("identity-service", 8085, "--identity-port", "identity"),

	/** The public site's pages, a client of the services' APIs (no broker, no store). */
	WEB("web", 8086, "--web-port", "web"),

	GATEWAY("gateway", 8080, "--gateway-port", null);

	private final String moduleName;

	private final int defaultPort;

	private final String portOption;

	private final String gatewayKey;

	Service(String moduleName, int defaultPort, String portOption, String gatewayKey) {
		this.moduleName = moduleName;
		this.defaultPort = defaultPort;
		this.portOption = portOption;
		this.gatewayKey = gatewayKey;
	}

	/**
	 * The Maven module, the jar's name and the name the platform uses in its messages.
	 * @return e.g. {@code endorsement-service}
	 */
	public String moduleName() {
		return this.moduleName;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	/**
	 * The launcher's option that chooses this process's port.
	 * @return e.g. {@code --gateway-port}
	 */
	public String portOption() {
		return this.portOption;
	}

	/**
	 * Where the build leaves the runnable jar.
	 * @param repositoryRoot the root of the Ground Game checkout
	 * @return {@code <module>/target/<module>.jar} under the root
	 */
	public Path jar(Path repositoryRoot) {
		return repositoryRoot.resolve(this.moduleName).resolve("target").resolve(this.moduleName + ".jar");
	}

	/**
	 * The gateway's setting of this service's base URI.
	 * @return e.g. {@code groundgame.gateway.services.campaign-training}
	 * @throws IllegalStateException for the gateway itself
	 */
	/**
	 * The name of this service among the gateway's (and the web module's) settings.
	 * @return e.g. {@code campaign-training}
	 */
	String gatewayKey() {
		return this.gatewayKey;
	}

	String gatewayProperty() {
		if (this.gatewayKey == null) {
			throw new IllegalStateException("The gateway routes to the services, not to itself");
		}
		return "groundgame.gateway.services." + this.gatewayKey;
	}

	/**
	 * What needs the port, for messages.
	 * @return e.g. {@code the gateway} or {@code endorsement-service}
	 */
	String role() {
		return (this == GATEWAY) ? "the gateway" : this.moduleName;
	}

	@Override
	public String toString() {
		return this.moduleName;
	}

}
