package org.groundgame.gateway.routing;

import java.util.List;
import java.util.stream.Stream;

/**
 * The services behind the gateway and the public paths each one answers (API.md), and
 * each one's audit trail ({@code /api/audit/<service name>/**}). Each service's name is
 * also its route id and its circuit breaker's (and time limiter's) name; its docs name is
 * where the gateway serves its OpenAPI document ({@code /v3/api-docs/<docs name>}).
 */
enum Backend {

	/**
	 * With the candidate questionnaire: its bank ({@code /api/questionnaires}) and the
	 * candidate's answers ({@code /api/questionnaire}).
	 */
	ENDORSEMENT("endorsement-service", "endorsement", "/api/nominations/**", "/api/slates/**", "/api/endorsements/**",
			"/api/races/**", "/api/questionnaires/**", "/api/questionnaire", "/api/questionnaire/**",
			"/api/candidates/**"),

	VOLUNTEER("volunteer-service", "volunteer", "/api/chapters/**", "/api/volunteers/**", "/api/opportunities/**",
			"/api/shifts/**", "/api/leaderboards/**"),

	CAMPAIGN_TRAINING("campaign-training-service", "campaign-training", "/api/training/**"),

	NOTIFICATION("notification-service", "notification", "/api/notifications/**"),

	/**
	 * The authorization server: the OAuth 2.1 and OpenID endpoints, the sign-in and
	 * sign-out pages and the account pages (one-time code, authenticator, invitation,
	 * forgotten password), and the people, client and signing-key administration.
	 */
	IDENTITY("identity-service", "identity", "/oauth2/**", "/.well-known/**", "/login", "/logout", "/connect/logout",
			"/account/**", "/api/people", "/api/people/**", "/api/clients/**", "/api/signing-keys/**"),

	/**
	 * The public site and the self-service pages (the web module): every page path and
	 * its stylesheet, scripts and webjars. It has no OpenAPI document and no audit trail:
	 * it owns no data.
	 */
	WEB("web", null, Pages.PATHS);

	private final String serviceName;

	private final String docsName;

	private final List<String> pathPatterns;

	Backend(String serviceName, String docsName, String... pathPatterns) {
		this.serviceName = serviceName;
		this.docsName = docsName;
		// Every service keeps its own audit trail, which staff read at
		// /api/audit/<service name>/ (service-support's AuditController).
		this.pathPatterns = (docsName != null)
				? Stream.concat(Stream.of(pathPatterns), Stream.of("/api/audit/" + serviceName + "/**")).toList()
				: List.of(pathPatterns);
	}

	String serviceName() {
		return this.serviceName;
	}

	String docsName() {
		return this.docsName;
	}

	/**
	 * {@code /api/chapters/**} matches {@code /api/chapters} itself as well as everything
	 * below it.
	 */
	String[] pathPatterns() {
		return this.pathPatterns.toArray(String[]::new);
	}

	/**
	 * The service of that name (a load balancer's client name is the service's name).
	 * @param serviceName e.g. {@code endorsement-service}
	 * @return the service
	 * @throws IllegalArgumentException if no service has that name
	 */
	static Backend named(String serviceName) {
		return Stream.of(values())
			.filter((backend) -> backend.serviceName.equals(serviceName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service named " + serviceName));
	}

	/** Whether the service has an OpenAPI document (every one but the web pages). */
	boolean hasApiDocs() {
		return this.docsName != null;
	}

	/** Where the gateway serves this service's OpenAPI document. */
	String apiDocsPath() {
		return "/v3/api-docs/" + this.docsName;
	}

}
