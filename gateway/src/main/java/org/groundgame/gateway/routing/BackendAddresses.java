package org.groundgame.gateway.routing;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service answers: the base URI of each of its instances, comma-separated,
 * e.g. {@code groundgame.gateway.services.endorsement=http://127.0.0.1:8081} or, with two
 * instances, {@code http://127.0.0.1:8081,http://127.0.0.1:9181} (environment:
 * {@code GROUNDGAME_GATEWAY_SERVICES_ENDORSEMENT}). One instance is proxied to directly;
 * several are balanced over those that are healthy ({@link BackendInstances}).
 *
 * @param endorsement the instances of endorsement-service
 * @param volunteer the instances of volunteer-service
 * @param campaignTraining the instances of campaign-training-service
 * @param notification the instances of notification-service
 * @param identity the instances of identity-service, the authorization server
 * @param web the instances of the web module, the public site's pages
 */
@Validated
@ConfigurationProperties("groundgame.gateway.services")
record BackendAddresses(@NotEmpty List<@NotNull URI> endorsement, @NotEmpty List<@NotNull URI> volunteer,
		@NotEmpty List<@NotNull URI> campaignTraining, @NotEmpty List<@NotNull URI> notification,
		@NotEmpty List<@NotNull URI> identity, @NotEmpty List<@NotNull URI> web) {

	List<URI> of(Backend backend) {
		return switch (backend) {
			case ENDORSEMENT -> this.endorsement;
			case VOLUNTEER -> this.volunteer;
			case CAMPAIGN_TRAINING -> this.campaignTraining;
			case NOTIFICATION -> this.notification;
			case IDENTITY -> this.identity;
			case WEB -> this.web;
		};
	}

	/** Whether the service runs as several instances, to be balanced. */
	boolean balanced(Backend backend) {
		return of(backend).size() > 1;
	}

}
