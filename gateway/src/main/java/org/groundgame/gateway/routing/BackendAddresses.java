package org.groundgame.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service answers, e.g.
 * {@code groundgame.gateway.services.endorsement=http://127.0.0.1:8081} (environment:
 * {@code GROUNDGAME_GATEWAY_SERVICES_ENDORSEMENT}).
 *
 * @param endorsement the base URI of endorsement-service
 * @param volunteer the base URI of volunteer-service
 * @param campaignTraining the base URI of campaign-training-service
 * @param notification the base URI of notification-service
 * @param identity the base URI of identity-service, the authorization server
 * @param web the base URI of the web module, the public site's pages
 */
@Validated
@ConfigurationProperties("groundgame.gateway.services")
record BackendAddresses(@NotNull URI endorsement, @NotNull URI volunteer, @NotNull URI campaignTraining,
		@NotNull URI notification, @NotNull URI identity, @NotNull URI web) {

	URI of(Backend backend) {
		return switch (backend) {
			case ENDORSEMENT -> this.endorsement;
			case VOLUNTEER -> this.volunteer;
			case CAMPAIGN_TRAINING -> this.campaignTraining;
			case NOTIFICATION -> this.notification;
			case IDENTITY -> this.identity;
			case WEB -> this.web;
		};
	}

}
