package org.groundgame.training;

import org.groundgame.security.ApiHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (API.md): the list of cohorts, applications, cohort alerts (asked for
 * by anyone, seen and stopped with their link's token, which the service checks) are
 * public (the trainee's page is the web module's, not this service's); an enrollment, its
 * withdrawal, its erasure and the answer to an offer are open here because the service
 * checks their manage token (or staff's). Whatever is not listed here needs a valid token
 * (the service requires staff where it must), and a bad token is refused everywhere,
 * public endpoints included.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http,
				(endpoints) -> endpoints
					.requestMatchers(HttpMethod.GET, "/api/training/cohorts", "/api/training/cohorts/*")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/api/training/cohorts/*/applications")
					.permitAll()
					.requestMatchers("/api/training/cohort-alerts")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/api/training/enrollments/*")
					.permitAll()
					.requestMatchers(HttpMethod.DELETE, "/api/training/enrollments/*")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/api/training/enrollments/*/withdraw",
							"/api/training/enrollments/*/accept-offer", "/api/training/enrollments/*/decline-offer")
					.permitAll());
	}

}
