package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The secret that volunteers' feed tokens are made with. Every instance of the service
 * must share it (and keep it across restarts), or a subscribed calendar stops working:
 * without one configured, a random secret is made at start, good for a single instance
 * until it restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarProperties.class)
class CalendarConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

	@Bean
	FeedTokens feedTokens(CalendarProperties properties) {
		if (properties.secret() == null || properties.secret().isBlank()) {
			log.warn("groundgame.volunteer.calendar.secret is not set: volunteers' calendar feed addresses "
					+ "change when this instance restarts and differ between instances; set a shared secret");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return new FeedTokens(random);
		}
		return new FeedTokens(properties.secret().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@code groundgame.volunteer.calendar.*}.
	 *
	 * @param secret what feed tokens are signed with (at least 16 bytes; 32 random ones
	 * recommended); none means a random one per start
	 */
	@ConfigurationProperties("groundgame.volunteer.calendar")
	record CalendarProperties(String secret) {

		@Override
		public String toString() {
			return "CalendarProperties[secret hidden]";
		}

	}

}
