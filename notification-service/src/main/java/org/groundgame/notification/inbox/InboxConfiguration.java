package org.groundgame.notification.inbox;

import org.groundgame.notification.inbox.domain.NotificationRules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxStreamProperties.class)
class InboxConfiguration {

	@Bean
	NotificationRules notificationRules() {
		return NotificationRules.standard();
	}

}
