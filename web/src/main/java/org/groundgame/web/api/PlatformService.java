package org.groundgame.web.api;

/**
 * The services whose public APIs the pages call, and the message key of each one's name
 * for the page that says it is down.
 */
public enum PlatformService {

	ENDORSEMENT("endorsement-service"),

	VOLUNTEER("volunteer-service"),

	CAMPAIGN_TRAINING("campaign-training-service"),

	NOTIFICATION("notification-service"),

	/** People's accounts and chapters' API clients, which only the console calls. */
	IDENTITY("identity-service");

	private final String serviceName;

	PlatformService(String serviceName) {
		this.serviceName = serviceName;
	}

	public String serviceName() {
		return this.serviceName;
	}

	/** The key of what visitors call this part of the platform, e.g. "endorsements". */
	public String messageKey() {
		return "service." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
