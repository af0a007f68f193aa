package org.groundgame.web.api;

/**
 * A service could not answer (unreachable, too slow, or a 5xx): the page says which part
 * of the platform is down rather than showing an error.
 */
public final class ServiceUnavailable extends RuntimeException {

	private final PlatformService service;

	public ServiceUnavailable(PlatformService service, Throwable cause) {
		super(service.serviceName() + " did not answer", cause);
		this.service = service;
	}

	public PlatformService service() {
		return this.service;
	}

}
