package org.groundgame.training;

import org.groundgame.security.ApiHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (API.md): the list of cohorts is public. Whatever is not listed here
 * needs a valid token, and a bad token is refused everywhere, public endpoints included.
 * The school's other endpoints add their rules here as they arrive: applications are
 * public, enrollments are open to their manage token (checked by the service), the rest
 * is staff's.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http,
				(endpoints) -> endpoints.requestMatchers(HttpMethod.GET, "/api/training/cohorts").permitAll());
	}

}
