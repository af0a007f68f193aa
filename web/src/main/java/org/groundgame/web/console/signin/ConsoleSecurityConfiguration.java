package org.groundgame.web.console.signin;

import java.time.Clock;
import java.util.Map;

import org.groundgame.session.SessionSealing;
import org.groundgame.web.site.ContentSecurityPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The organizers' console ({@code /console/**}) signs people in with identity-service as
 * a confidential OAuth2 client: authorization code with PKCE, the backend-for-frontend
 * pattern. The tokens stay in the session on the server; the browser holds only the
 * session's cookie ({@code gg_console}: {@code HttpOnly}, {@code Secure},
 * {@code SameSite=Lax}, on {@code /console} only). Sessions live in the store, sealed
 * ({@link StoredSessions}), so a restart of this module signs nobody out and every
 * instance behind the gateway answers every session. Every form carries a CSRF token kept
 * in the session; signing out ends the console's session and, through OpenID Connect's
 * RP-initiated logout, the person's session at identity-service.
 * <p>
 * Every path of the console is under {@code /console}, so that the gateway sends all of
 * it here and the site's own (stateless, sign-in-free) chain never sees it.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class ConsoleSecurityConfiguration {

	static final String BASE = "/console";

	static final String AUTHORIZATION = BASE + "/oauth2/authorization";

	static final String SIGN_IN = AUTHORIZATION + "/" + ConsoleProperties.REGISTRATION_ID;

	static final String SIGNED_OUT = BASE + "/signed-out";

	@Bean
	@Order(1)
	SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, AUTHORIZATION);
		// PKCE for a confidential client too (OAuth 2.1, RFC 9700): identity-service
		// requires it.
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
		return http.securityMatcher(BASE, BASE + "/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(SIGNED_OUT).permitAll().anyRequest().authenticated())
			.oauth2Login((login) -> login.loginPage(SIGN_IN)
				.authorizationEndpoint((endpoint) -> endpoint.baseUri(AUTHORIZATION)
					.authorizationRequestResolver(authorizationRequests))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri(BASE + "/login/oauth2/code/*")))
			.exceptionHandling((exceptions) -> exceptions
				// A partial update (htmx) or a live stream whose session ended is told
				// so, not redirected to
				// identity-service's page inside a fragment.
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						new RequestHeaderRequestMatcher("HX-Request"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), (request) -> true))
			.logout((logout) -> logout.logoutUrl(BASE + "/sign-out").logoutSuccessHandler(signedOut))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	@Bean
	ClientRegistrationRepository clientRegistrations(ConsoleProperties console) {
		String issuer = console.issuer().toString().replaceAll("/$", "");
		String identity = console.identity().toString().replaceAll("/$", "");
		ClientRegistration registration = ClientRegistration.withRegistrationId(ConsoleProperties.REGISTRATION_ID)
			.clientId(console.clientId())
			.clientSecret(console.clientSecret())
			.clientName("Ground Game console")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}" + BASE + "/login/oauth2/code/{registrationId}")
			.scope(OidcScopes.OPENID, OidcScopes.PROFILE)
			// The browser goes to the authorization server through the gateway; this
			// module talks to
			// identity-service directly for tokens and keys.
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(identity + "/oauth2/token")
			.jwkSetUri(identity + "/oauth2/jwks")
			.issuerUri(issuer)
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/** Hands out the signed-in person's access token, refreshing it when it expires. */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	@Bean
	StoredSessions sessionRepository(MongoTemplate store, ConsoleProperties console, SessionKeys keys) {
		return new StoredSessions(store, console.sessionTimeout(), Clock.systemUTC(),
				SessionSealing.withKeys(keys.key(), keys.previousKeys(), "groundgame.web.console.sessions.key"));
	}

	@Bean
	CookieSerializer consoleSessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("gg_console");
		cookie.setCookiePath(BASE);
		cookie.setUseHttpOnlyCookie(true);
		// Browsers keep Secure cookies on http://localhost as well; elsewhere the
		// platform is served
		// over https.
		cookie.setUseSecureCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

}
