package org.groundgame.volunteer.volunteer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/** The settings of the volunteers' private links. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VolunteerConfiguration.LinkProperties.class)
class VolunteerConfiguration {

	/**
	 * {@code groundgame.volunteer.links.*}.
	 *
	 * @param publicUrl where the public reaches the platform (the gateway), in front of
	 * every link e-mailed to a volunteer
	 * @param confirmationValidity how long a link that confirms a change asked for with a
	 * volunteer's address works
	 */
	@ConfigurationProperties("groundgame.volunteer.links")
	record LinkProperties(@DefaultValue("http://localhost:8080") String publicUrl,
			@DefaultValue("48h") Duration confirmationValidity) {
	}

}
