package org.groundgame.notification;

import org.groundgame.notification.rule.NotificationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The declared notification rules, which the inbox and the channels (e-mail, webhooks)
 * each act on.
 */
@Configuration(proxyBeanMethods = false)
class NotificationRulesConfiguration {

	@Bean
	NotificationRules notificationRules() {
		return NotificationRules.standard();
	}

}
