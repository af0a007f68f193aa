package org.groundgame.notification;

import org.groundgame.security.ApiHttpSecurity;
import org.groundgame.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (API.md): nothing here is public. Inboxes and their stream,
 * subscriptions, webhooks and the delivery log are for staff and chapters; which
 * chapter's, the feature itself decides from the caller (a chapter reads and changes only
 * its own; staff alone see people's deliveries and staff's inbox).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http, (endpoints) -> endpoints.requestMatchers("/api/notifications/**")
			.hasAnyRole(Role.STAFF.name(), Role.CHAPTER.name()));
	}

}
