package org.groundgame.gateway.security;

import java.util.Arrays;

import org.groundgame.gateway.ratelimit.ClientRateLimitFilter;
import org.groundgame.gateway.ratelimit.RateLimits;
import org.groundgame.security.ApiHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.CorsFilter;

/**
 * The gateway's door: every request's bearer token is checked here (the services check it
 * again), with the platform's shared rules ({@link ApiHttpSecurity}: stateless,
 * {@code 401}/{@code 403} problems, Spring Security's default headers), the
 * {@link PublicEndpoints}, CORS for the platform's web origins, the per-client rate limit
 * once the token is known, and the response headers below. The {@code Authorization}
 * header is proxied to the service unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Answers of the API are data, never a page: nothing may load or frame them. */
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * Swagger UI, the sign-in pages, the candidate questionnaire and the trainee's page
	 * are pages: their own scripts, styles and images ({@code data:} for Swagger UI's
	 * icons, inline styles for its rendering) and calls back to this origin only; no
	 * framing. No {@code form-action}: signing in ends with a redirect to the client's
	 * own address.
	 */
	static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

	/**
	 * The pages that get {@link #PAGE_CONTENT_SECURITY_POLICY}. The public site's pages
	 * (the web module) send a stricter policy of their own, which is kept.
	 */
	static final String[] PAGES = { "/swagger-ui.html", "/swagger-ui/**", "/login", "/logout", "/oauth2/authorize",
			"/oauth2/consent", "/connect/logout", "/account/**" };

	/**
	 * No observations of Spring Security's own: with them, every filter of the chain
	 * (sixteen) was wrapped in an observation event per request, and the authentication
	 * and the authorization each had an observation with its timers, all for spans and
	 * metrics nobody reads, a tenth of the gateway's CPU time. The request itself is
	 * still observed ({@code http.server.requests}, with its trace), and so is the call
	 * to the service ({@code http.client.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** The firewall's rules without regular expressions ({@link FirewallCharacters}). */
	@Bean
	WebSecurityCustomizer firewallWithoutRegularExpressions() {
		return FirewallCharacters.firewall();
	}

	@Bean
	SecurityFilterChain gatewayFilterChain(HttpSecurity http, ApiHttpSecurity api, CorsProperties cors,
			RateLimits rateLimits) throws Exception {
		RequestMatcher pages = anyOf(PAGES);
		// The public site's pages bring their own policy; neither of the gateway's is
		// added to it (two policies would both apply).
		RequestMatcher sitePages = anyOf(PublicEndpoints.PAGES);
		api.configure(http, PublicEndpoints::permit)
			// ProblemCorsFilter in its place: refusals as problem documents.
			.cors((corsConfigurer) -> corsConfigurer.disable())
			// Browser pages, the site's and identity-service's sign-in pages, post their
			// forms
			// with Origin: null (they ask for no referrer) and protect them with CSRF
			// tokens.
			.addFilterAt(new ProblemCorsFilter(cors.allowedOrigins(), new OrRequestMatcher(pages, sitePages)),
					CorsFilter.class)
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
						new ContentSecurityPolicyHeaderWriter(PAGE_CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(new OrRequestMatcher(pages, sitePages)),
						new ContentSecurityPolicyHeaderWriter(API_CONTENT_SECURITY_POLICY))))
			.addFilterAfter(new ClientRateLimitFilter(rateLimits), AuthorizationFilter.class);
		return http.build();
	}

	private static RequestMatcher anyOf(String[] patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
			.toList());
	}

}
