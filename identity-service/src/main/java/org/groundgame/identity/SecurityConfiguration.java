package org.groundgame.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.identity.token.ClientAuthenticationFailures;
import org.groundgame.security.ApiHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains. The authorization server's endpoints ({@code /oauth2/**}, the
 * discovery documents): client authentication at the token endpoint (wrong secrets
 * counted against guessing, {@code ClientAuthenticationFailures}), a browser that is not
 * signed in sent to the login form. The API ({@code /api/**}, STAFF only): stateless
 * bearer tokens checked against this service's own keys, 401 and 403 as problem documents
 * (api-security). Everything else: the login form, with a session and CSRF protection,
 * and the open operations endpoints and OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http,
			ClientAuthenticationFailures clientAuthenticationFailures) throws Exception {
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

	@Bean
	@Order(3)
	SecurityFilterChain signInFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ApiHttpSecurity.OPERATIONS)
				.permitAll()
				.requestMatchers(ApiHttpSecurity.API_DOCS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	/** A browser asks for HTML; an API client gets the OAuth2 error instead. */
	private static MediaTypeRequestMatcher browsers() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

}
