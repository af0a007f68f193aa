package org.groundgame.notification.subscription;

import java.security.SecureRandom;

import org.groundgame.notification.subscription.domain.WebhookAddresses;
import org.groundgame.support.secrets.KeyEncryptionProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WebhookProperties.class, KeyEncryptionProperties.class })
class SubscriptionConfiguration {

	@Bean
	WebhookAddresses webhookAddresses(WebhookProperties properties) {
		return new WebhookAddresses(properties.allowLoopback());
	}

	@Bean
	SecureRandom webhookSecrets() {
		return new SecureRandom();
	}

}
