package org.groundgame.notification;

import org.groundgame.security.ApiHttpSecurity;
import org.groundgame.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (API.md): nothing here is public. A chapter's inbox and its
 * subscription are for staff and chapters; which chapter's, the feature itself decides
 * from the caller (a chapter reads and changes only its own). Whatever is not listed
 * needs a valid token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http,
				(endpoints) -> endpoints.requestMatchers(HttpMethod.GET, "/api/notifications/inbox")
					.hasAnyRole(Role.STAFF.name(), Role.CHAPTER.name())
					.requestMatchers(HttpMethod.GET, "/api/notifications/subscriptions/*")
					.hasAnyRole(Role.STAFF.name(), Role.CHAPTER.name())
					.requestMatchers(HttpMethod.PUT, "/api/notifications/subscriptions/*")
					.hasAnyRole(Role.STAFF.name(), Role.CHAPTER.name()));
	}

}
