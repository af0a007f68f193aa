package org.groundgame.endorsement.nomination;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The settings of nominations, and the scheduled sweep that expires overdue ones. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NominationConfiguration.QuestionnaireProperties.class,
		NominationConfiguration.ExpiryProperties.class })
@EnableScheduling
class NominationConfiguration {

	/**
	 * How candidates are invited to the questionnaire.
	 *
	 * @param publicUrl where the public reaches the platform (the gateway); the link is
	 * {@code <publicUrl>/questionnaire/#token=…}
	 * @param validFor how long a link works
	 */
	@ConfigurationProperties("groundgame.endorsement.questionnaire")
	record QuestionnaireProperties(@DefaultValue("http://localhost:8080") String publicUrl,
			@DefaultValue("30d") Duration validFor) {

		/**
		 * The link holding the token: in the fragment, which browsers never send to a
		 * server.
		 */
		String linkWith(String token) {
			String base = this.publicUrl.endsWith("/") ? this.publicUrl.substring(0, this.publicUrl.length() - 1)
					: this.publicUrl;
			return base + "/questionnaire/#token=" + token;
		}

	}

	/**
	 * How often pending nominations whose election passed are expired.
	 *
	 * @param interval the delay between two sweeps
	 */
	@ConfigurationProperties("groundgame.endorsement.expiry")
	record ExpiryProperties(@DefaultValue("1h") Duration interval) {
	}

}
