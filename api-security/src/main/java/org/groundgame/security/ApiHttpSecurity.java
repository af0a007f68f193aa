package org.groundgame.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every API of the platform shares: stateless bearer-token authentication
 * (no sessions, no cookies, hence no CSRF to defend), problem documents for {@code 401}
 * and {@code 403}, Spring Security's default response headers, and open health, info,
 * metrics and OpenAPI endpoints. A service adds its own rules for its endpoints; what no
 * rule mentions needs a valid token.
 */
public final class ApiHttpSecurity {

	/** The paths of the OpenAPI document, open so that the gateway can serve it. */
	public static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**" };

	/**
	 * The operations endpoints every application leaves open: health (for probes), info,
	 * metrics, and the error page.
	 */
	public static final String[] OPERATIONS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/error" };

	private final JwtAuthenticationConverter authenticationConverter;

	private final ProblemResponses problems = new ProblemResponses();

	public ApiHttpSecurity(JwtAuthenticationConverter authenticationConverter) {
		this.authenticationConverter = authenticationConverter;
	}

	/**
	 * Builds the filter chain.
	 * @param http Spring Security's builder
	 * @param endpoints the service's rules, e.g.
	 * {@code e.requestMatchers(GET, "/api/chapters/**").permitAll()}
	 * @return the chain
	 * @throws Exception from Spring Security's configurers
	 */
	public SecurityFilterChain build(HttpSecurity http,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> endpoints)
			throws Exception {
		return configure(http, endpoints).build();
	}

	/**
	 * Applies the shared configuration and the endpoint rules without building, for a
	 * caller that adds more (the gateway's CORS, say).
	 * @param http Spring Security's builder
	 * @param endpoints the rules of the endpoints
	 * @return the builder
	 * @throws Exception from Spring Security's configurers
	 */
	public HttpSecurity configure(HttpSecurity http,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> endpoints)
			throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.anonymous(Customizer.withDefaults())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(this.authenticationConverter)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPERATIONS).permitAll().requestMatchers(API_DOCS).permitAll();
				endpoints.customize(requests);
				requests.anyRequest().authenticated();
			});
		return http;
	}

	/**
	 * Where {@code 401} and {@code 403} problem documents come from, for filters of the
	 * gateway's own that refuse a request.
	 * @return the entry point and access-denied handler
	 */
	public ProblemResponses problems() {
		return this.problems;
	}

}
