package org.groundgame.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.identity.account.PasswordSignIn;
import org.groundgame.identity.account.SignInFlow;
import org.groundgame.identity.token.ClientAuthenticationFailures;
import org.groundgame.security.ApiHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains. The authorization server's endpoints ({@code /oauth2/**}, the
 * discovery documents): client authentication at the token endpoint (wrong secrets
 * counted against guessing, {@code ClientAuthenticationFailures}), a browser that is not
 * signed in sent to the login form. The API ({@code /api/**}, STAFF only): stateless
 * bearer tokens checked against this service's own keys, 401 and 403 as problem documents
 * (api-security). Everything else: the sign-in pages (password, one-time code, the
 * invitation and password-reset links), with a session and CSRF protection, and the open
 * operations endpoints and OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http,
			ClientAuthenticationFailures clientAuthenticationFailures, SignInFlow signIn) throws Exception {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer.oidc(Customizer.withDefaults());
			// Wrong secrets are counted, and refused with 429 past an allowance; a right
			// secret never meets this handler.
			authorizationServer.clientAuthentication(
					(clientAuthentication) -> clientAuthentication.errorResponseHandler(clientAuthenticationFailures));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// Bearer tokens for the OIDC UserInfo endpoint.
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions
				// A person who still owes a one-time code is not signed in: no code for
				// them.
				.accessDeniedHandler(signIn.accessDeniedHandler())
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers())
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::invalidClient,
						PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/oauth2/token")));
		return http.build();
	}

	/**
	 * A token request with no client authentication at all (a public client that sent no
	 * {@code code_verifier}, say) gets the same OAuth2 error as one with a wrong secret,
	 * not the bearer-token challenge of the UserInfo endpoint.
	 */
	private static void invalidClient(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication is missing\"}");
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		http.securityMatcher("/api/**");
		return api.build(http, (requests) -> requests.requestMatchers("/api/**").hasRole("STAFF"));
	}

	/**
	 * The sign-in pages: identity-service's own (Thymeleaf, the site's stylesheet), with
	 * CSRF protection on every form, a strict Content-Security-Policy (no script at all,
	 * styles from the site only) and no referrer (the invitation and reset pages carry
	 * their token in the address). The form's password check is {@link PasswordSignIn}
	 * alone, in a manager with no parent, so that no other provider checks a password
	 * around the throttle and the second factor.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain signInFilterChain(HttpSecurity http, PasswordSignIn passwords, SignInFlow signIn)
			throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ApiHttpSecurity.OPERATIONS)
				.permitAll()
				.requestMatchers(ApiHttpSecurity.API_DOCS)
				.permitAll()
				.requestMatchers("/login", "/logout", "/account/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.authenticationManager(new ProviderManager(passwords))
			.formLogin((form) -> form.loginPage("/login").successHandler(signIn).failureHandler(signIn))
			.logout((logout) -> logout.logoutSuccessUrl("/login?signed-out"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(signIn.accessDeniedHandler()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGES_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	/**
	 * The pages' Content-Security-Policy: the site's stylesheet and icon, nothing else;
	 * no script. No {@code form-action}: after the sign-in form, the browser is
	 * redirected on to the client's redirect URI, which browsers check against it.
	 */
	static final String PAGES_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	/** A browser asks for HTML; an API client gets the OAuth2 error instead. */
	private static MediaTypeRequestMatcher browsers() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

}
