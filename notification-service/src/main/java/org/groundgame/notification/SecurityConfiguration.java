package org.groundgame.notification;

import org.groundgame.security.ApiHttpSecurity;
import org.groundgame.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (API.md). Public: a person's e-mail preferences, read and changed
 * with the token of their link ({@code X-Preferences-Token}), and the one-click
 * unsubscribe of an e-mail's {@code List-Unsubscribe} address, which the preferences
 * feature checks itself (the gateway's public endpoints list them too). Inboxes and their
 * stream, subscriptions, webhooks and the delivery log are for staff and chapters; which
 * chapter's, the feature itself decides from the caller (a chapter reads and changes only
 * its own; staff alone see people's deliveries and staff's inbox).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http,
				(endpoints) -> endpoints.requestMatchers(HttpMethod.GET, "/api/notifications/preferences")
					.permitAll()
					.requestMatchers(HttpMethod.PUT, "/api/notifications/preferences")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/api/notifications/unsubscribe")
					.permitAll()
					.requestMatchers("/api/notifications/**")
					.hasAnyRole(Role.STAFF.name(), Role.CHAPTER.name()));
	}

}
