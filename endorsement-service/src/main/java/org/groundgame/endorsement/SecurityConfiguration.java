package org.groundgame.endorsement;

import org.groundgame.security.ApiHttpSecurity;
import org.groundgame.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call which route, by the token's role alone. Public: submitting nominations and
 * slates, reading endorsements and races, an approved profile's photo, and the
 * candidate's questionnaire and profile (their API, which checks the capability token
 * itself; the pages are the web module's). Staff only: candidates' profiles. Staff only:
 * every command on a nomination or an endorsement once submitted (review, hold, research,
 * decision, rescind, outcome…), the erasure of a candidate or a nominator, and the
 * question bank, refused here before the body is even read, except withdrawing and filing
 * the chapter's form, which the nominating chapter may do too. Reading nominations and
 * slates: staff or a chapter. Anything else needs a valid token (api-security's default).
 * <p>
 * What depends on the data (which chapter a nomination belongs to, whose chapter a
 * submission names) is the application service's to check, with the {@code Caller}; it
 * checks the roles again, so that the rules hold even if a route here is mistyped.
 * <p>
 * Public because the tests of other packages build the web slice with it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain endorsementApiFilterChain(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		String staff = Role.STAFF.name();
		String chapter = Role.CHAPTER.name();
		return api.build(http, (endpoints) -> endpoints
			.requestMatchers(HttpMethod.POST, "/api/nominations", "/api/slates")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/endorsements", "/api/endorsements/*", "/api/races", "/api/races/*")
			.permitAll()
			// The candidate's questionnaire: the API checks the capability token (the
			// page is the web module's).
			.requestMatchers(HttpMethod.GET, "/api/questionnaire")
			.permitAll()
			.requestMatchers(HttpMethod.PUT, "/api/questionnaire")
			.permitAll()
			// The candidate's own profile, through the same link's token (any method:
			// read, write, upload and remove a photo).
			.requestMatchers("/api/questionnaire/profile", "/api/questionnaire/profile/photo")
			.permitAll()
			// An approved profile's photo; the service answers 404 for any other.
			.requestMatchers(HttpMethod.GET, "/api/candidates/*/photo")
			.permitAll()
			// Staff's work on profiles: drafts, photos, approval.
			.requestMatchers("/api/candidates/*/profile", "/api/candidates/*/profile/**")
			.hasRole(staff)
			.requestMatchers(HttpMethod.GET, "/api/candidates/profiles/awaiting-approval")
			.hasRole(staff)
			.requestMatchers("/api/questionnaires", "/api/questionnaires/**")
			.hasRole(staff)
			// The nominating chapter's own commands; the service checks which chapter.
			.requestMatchers(HttpMethod.POST, "/api/nominations/*/withdraw", "/api/nominations/*/chapter-form")
			.hasAnyRole(staff, chapter)
			.requestMatchers(HttpMethod.POST, "/api/nominations/*/*", "/api/endorsements/*/*")
			.hasRole(staff)
			.requestMatchers(HttpMethod.PUT, "/api/nominations/*/*")
			.hasRole(staff)
			// Erasing a candidate or a nominator.
			.requestMatchers(HttpMethod.DELETE, "/api/nominations/candidates/*")
			.hasRole(staff)
			.requestMatchers(HttpMethod.POST, "/api/nominations/nominator-erasures")
			.hasRole(staff)
			.requestMatchers(HttpMethod.GET, "/api/nominations", "/api/nominations/*", "/api/slates/*")
			.hasAnyRole(staff, chapter));
	}

}
