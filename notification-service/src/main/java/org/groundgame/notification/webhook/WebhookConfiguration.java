package org.groundgame.notification.webhook;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookDeliveryProperties.class)
class WebhookConfiguration {

	/**
	 * @param allowLoopback the setting the subscriptions check webhook URLs with, so that
	 * what may be stored may also be called
	 */
	@Bean
	WebhookClient webhookClient(WebhookDeliveryProperties properties,
			@Value("${groundgame.notification.webhooks.allow-loopback:false}") boolean allowLoopback) {
		return new WebhookClient(properties, allowLoopback, Clock.systemUTC());
	}

}
