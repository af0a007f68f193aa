package org.groundgame.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What anyone may call without a token. <strong>This list is part of the public
 * contract:</strong> API.md marks these endpoints "public", and each service permits the
 * same ones in its own security rules. Change all three together.
 * <p>
 * Everything else under {@code /api/**} needs a valid bearer token here; the roles
 * (STAFF, CHAPTER) and chapter ownership are then the services' to enforce. A token that
 * is presented is always checked, on a public endpoint too: an invalid one is a
 * {@code 401}, never silently ignored.
 */
final class PublicEndpoints {

	/**
	 * Public reads of the endorsement, volunteer and training services. A volunteer's own
	 * calendar feed is read with the feed token in its address, which volunteer-service
	 * checks (calendar apps send no bearer token); their own shifts with the key of their
	 * private link ({@code X-Manage-Token}).
	 */
	static final String[] PUBLIC_READS = { "/api/chapters", "/api/chapters/*", "/api/endorsements",
			"/api/endorsements/*", "/api/races", "/api/races/*", "/api/opportunities", "/api/opportunities/*",
			"/api/opportunities/*/calendar.ics", "/api/shifts/*", "/api/volunteers/*/calendar.ics",
			"/api/leaderboards/chapters", "/api/training/cohorts", "/api/training/cohorts/*", "/api/candidates/*/photo",
			"/api/volunteers/*/shifts" };

	/** The calendar feeds, which calendar apps also check with {@code HEAD}. */
	static final String[] CALENDAR_FEEDS = { "/api/opportunities/*/calendar.ics", "/api/volunteers/*/calendar.ics" };

	/**
	 * Public submissions: nominations, slates, volunteers and a volunteer's confirmation
	 * of a sign-up again (with the {@code X-Confirmation-Token} of the link e-mailed to
	 * them), shift RSVPs (in one step with the person's details, {@code …/rsvps}) and a
	 * volunteer's confirmation of one (with the volunteer's own {@code X-Manage-Token},
	 * which volunteer-service checks, or a staff or organizing chapter's token), training
	 * applications.
	 */
	static final String[] PUBLIC_SUBMISSIONS = { "/api/nominations", "/api/slates", "/api/volunteers",
			"/api/volunteers/confirmations", "/api/shifts/*/signups", "/api/shifts/*/rsvps",
			"/api/shifts/*/signups/*/confirm", "/api/training/cohorts/*/applications" };

	/**
	 * Cancelling a shift signup: with its {@code X-Manage-Token}, or as staff or a
	 * chapter (volunteer-service checks either); declining a sign-up again that someone
	 * else made with one's address ("it wasn't me", with the
	 * {@code X-Confirmation-Token}).
	 */
	static final String[] PUBLIC_CANCELLATIONS = { "/api/shifts/*/signups/*", "/api/volunteers/confirmations" };

	/**
	 * Any method: a candidate answers the questionnaire with the
	 * {@code X-Questionnaire-Token} of their private link, which endorsement-service
	 * checks.
	 */
	static final String[] MANAGED_BY_TOKEN_OF_THEIR_OWN = { "/api/questionnaire", "/api/questionnaire/profile",
			"/api/questionnaire/profile/photo" };

	/**
	 * Reading and erasing an enrollment: with the {@code X-Manage-Token} its application
	 * answered (or the token of a seat offer's link), which campaign-training-service
	 * checks, or as staff.
	 */
	static final String[] ENROLLMENT = { "/api/training/enrollments/*" };

	/**
	 * What a trainee does with their enrollment's token: withdraw, and accept or decline
	 * a seat offered. (Staff's override, {@code …/enroll}, is not among them: it needs a
	 * token here like every staff endpoint.)
	 */
	static final String[] ENROLLMENT_ANSWERS = { "/api/training/enrollments/*/withdraw",
			"/api/training/enrollments/*/accept-offer", "/api/training/enrollments/*/decline-offer" };

	/**
	 * A person's e-mail preferences ({@code GET} and {@code PUT}): with the
	 * {@code X-Preferences-Token} of the link every e-mail to them carries, which
	 * notification-service checks.
	 */
	static final String[] EMAIL_PREFERENCES = { "/api/notifications/preferences" };

	/**
	 * The one-click unsubscribe of an e-mail's {@code List-Unsubscribe} address (RFC
	 * 8058: the mail client POSTs it, with no session), {@code POST} only: its token, in
	 * the address, is notification-service's to check.
	 */
	static final String[] ONE_CLICK_UNSUBSCRIBE = { "/api/notifications/unsubscribe" };

	/**
	 * Any method: "tell me when the next cohort opens" — asked for by anyone
	 * ({@code POST}), seen and stopped ({@code GET}, {@code DELETE}) with the
	 * {@code X-Alert-Token} of the link e-mailed for it, which campaign-training-service
	 * checks.
	 */
	static final String[] COHORT_ALERTS = { "/api/training/cohort-alerts" };

	/**
	 * identity-service: the OAuth 2.1 and OpenID endpoints (which authenticate clients
	 * themselves), sign-in and sign-out (and OpenID Connect's RP-initiated logout), the
	 * account pages (the one-time code, enrolling an authenticator, an invitation, a
	 * forgotten password), the default pages' stylesheet, and the gateway's own error
	 * page.
	 */
	static final String[] IDENTITY = { "/oauth2/**", "/.well-known/**", "/login", "/logout", "/connect/logout",
			"/account/**", "/error" };

	/**
	 * The documentation: Swagger UI and the AsyncAPI document (the OpenAPI documents,
	 * {@code /v3/api-docs/**}, are open in every application of the platform).
	 */
	static final String[] DOCUMENTATION = { "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/asyncapi.yaml" };

	/**
	 * The public site's pages (the web module, {@code routing.Pages}): read, and their
	 * forms posted, without a token. A page that shows a person's own data reads it with
	 * the capability token of that person's link, which the services check.
	 */
	static final String[] PAGES = org.groundgame.gateway.routing.Pages.PATHS;

	private PublicEndpoints() {
	}

	static void permit(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, PUBLIC_READS)
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, CALENDAR_FEEDS)
			.permitAll()
			.requestMatchers(HttpMethod.POST, PUBLIC_SUBMISSIONS)
			.permitAll()
			.requestMatchers(HttpMethod.DELETE, PUBLIC_CANCELLATIONS)
			.permitAll()
			.requestMatchers(HttpMethod.GET, ENROLLMENT)
			.permitAll()
			.requestMatchers(HttpMethod.DELETE, ENROLLMENT)
			.permitAll()
			.requestMatchers(HttpMethod.POST, ENROLLMENT_ANSWERS)
			.permitAll()
			.requestMatchers(MANAGED_BY_TOKEN_OF_THEIR_OWN)
			.permitAll()
			.requestMatchers(HttpMethod.GET, EMAIL_PREFERENCES)
			.permitAll()
			.requestMatchers(HttpMethod.PUT, EMAIL_PREFERENCES)
			.permitAll()
			.requestMatchers(COHORT_ALERTS)
			.permitAll()
			.requestMatchers(HttpMethod.POST, ONE_CLICK_UNSUBSCRIBE)
			.permitAll()
			.requestMatchers(IDENTITY)
			.permitAll()
			.requestMatchers(DOCUMENTATION)
			.permitAll()
			.requestMatchers(HttpMethod.GET, PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.POST, PAGES)
			.permitAll();
	}

}
