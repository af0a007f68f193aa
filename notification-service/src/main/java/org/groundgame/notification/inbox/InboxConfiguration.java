package org.groundgame.notification.inbox;

import org.groundgame.notification.inbox.domain.NotificationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

	@Bean
	NotificationRules notificationRules() {
		return NotificationRules.standard();
	}

}
