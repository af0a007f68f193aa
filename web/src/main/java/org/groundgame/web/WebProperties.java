package org.groundgame.web;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web module's settings.
 *
 * @param services where each service's public API answers
 * @param publicMaxAge how long browsers and shared caches may keep a public page
 * @param timeZone the zone in which moments (a shift's start) are shown
 */
@ConfigurationProperties("groundgame.web")
public record WebProperties(Services services, @DefaultValue("60s") Duration publicMaxAge,
		@DefaultValue("America/Chicago") ZoneId timeZone) {

	/**
	 * The services' base addresses.
	 *
	 * @param endorsement endorsement-service
	 * @param volunteer volunteer-service
	 * @param campaignTraining campaign-training-service
	 * @param notification notification-service
	 */
	public record Services(@DefaultValue("http://127.0.0.1:8081") URI endorsement,
			@DefaultValue("http://127.0.0.1:8082") URI volunteer,
			@DefaultValue("http://127.0.0.1:8083") URI campaignTraining,
			@DefaultValue("http://127.0.0.1:8084") URI notification) {

	}

}
