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
 * register one; anyone may sign up as a volunteer or RSVP for a shift in one step, and
 * confirm or decline a sign-up again with the token of the link e-mailed to them; a
 * volunteer reads their own shifts with their key (the service checks it). Open
 * opportunities, their shifts and calendars and the chapters' leaderboard are public to
 * read; a volunteer RSVPs for a shift and cancels or confirms their signup with their key
 * (the service checks it, or the caller's role and chapter). A volunteer's own calendar
 * feed is read with its feed token. The rest needs a token, and the service checks role
 * and chapter with the caller. Whatever is not listed here needs a valid token; a bad
 * token is refused everywhere, public endpoints included.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http, (endpoints) -> endpoints
			.requestMatchers(HttpMethod.GET, "/api/chapters", "/api/chapters/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/chapters")
			.hasRole(Role.STAFF.name())
			.requestMatchers(HttpMethod.POST, "/api/volunteers", "/api/volunteers/confirmations", "/api/shifts/*/rsvps")
			.permitAll()
			.requestMatchers(HttpMethod.DELETE, "/api/volunteers/confirmations")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/opportunities", "/api/opportunities/*",
					"/api/opportunities/*/calendar.ics", "/api/shifts/*", "/api/volunteers/*/calendar.ics",
					"/api/volunteers/*/shifts", "/api/leaderboards/chapters")
			.permitAll()
			// Calendar apps check a subscribed feed with HEAD as well as GET.
			.requestMatchers(HttpMethod.HEAD, "/api/opportunities/*/calendar.ics", "/api/volunteers/*/calendar.ics")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/shifts/*/signups", "/api/shifts/*/signups/*/confirm")
			.permitAll()
			.requestMatchers(HttpMethod.DELETE, "/api/shifts/*/signups/*")
			.permitAll());
	}

}
