package org.groundgame.volunteer;

import org.groundgame.security.ApiHttpSecurity;
import org.groundgame.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (API.md): the chapters are public to read, and only national staff
 * register one; anyone may sign up as a volunteer. The rest of the volunteers' endpoints
 * need a token, and the service checks role and chapter with the caller. Whatever is not
 * listed here needs a valid token; a bad token is refused everywhere, public endpoints
 * included.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http,
				(endpoints) -> endpoints.requestMatchers(HttpMethod.GET, "/api/chapters", "/api/chapters/*")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/api/chapters")
					.hasRole(Role.STAFF.name())
					.requestMatchers(HttpMethod.POST, "/api/volunteers")
					.permitAll());
	}

}
