package org.groundgame.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts, per client address, the requests that bring no bearer token (the public
 * endpoints, the sign-in pages, the documentation). Requests with a bearer token are
 * counted per client once the token is validated ({@link ClientRateLimitFilter}).
 * <p>
 * The token endpoint ({@code /oauth2/token}) is not counted here at all: a limit per
 * address that counts requests before knowing their outcome can be used up by anyone
 * sharing the address (a wrong secret a second), and then refuses a client that presents
 * its right secret too. Only the authorization server can tell a right secret from a
 * wrong one, so guessing is throttled there (identity-service's {@code SecretGuessing}:
 * failed client authentications per client id and per address, never a right secret); the
 * gateway passes it the client's address ({@code X-Forwarded-For},
 * {@code routing.ClientAddressHeaderFilter}).
 * <p>
 * The address is {@link HttpServletRequest#getRemoteAddr()}: the connecting peer, or the
 * client a trusted proxy names when Boot's {@code server.forward-headers-strategy} is
 * set. An {@code X-Forwarded-For} header alone is never believed, since anyone can send
 * one. Operations endpoints ({@code /actuator/**}) are not counted: probes and scrapers
 * must not be throttled with the public, nor are the site's static assets
 * ({@link #SITE_ASSETS}).
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

	static final String TOKEN_ENDPOINT = "/oauth2/token";

	private final RateLimits limits;

	AddressRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	/**
	 * What a page loads besides itself (the site's stylesheet, scripts, webjars and
	 * icons): files that are the same for everyone and kept by browsers, fetched with
	 * every first visit; counting them would let one page view use up a visitor's share.
	 */
	static final List<String> SITE_ASSETS = List.of("/css/", "/js/", "/webjars/", "/images/", "/favicon.");

	/**
	 * A candidate's public photo: a page of candidates shows one per card, each kept by
	 * browsers for ten minutes.
	 */
	static final Pattern CANDIDATE_PHOTO = Pattern.compile("/api/candidates/[A-Za-z0-9-]{1,64}/photo");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/actuator/") || ("GET".equals(request.getMethod()) && !path.contains("..")
				&& (SITE_ASSETS.stream().anyMatch(path::startsWith) || CANDIDATE_PHOTO.matcher(path).matches()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Trailing slashes and the like reach the token endpoint too.
		if (request.getRequestURI().startsWith(TOKEN_ENDPOINT) || hasBearerToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		Duration wait = this.limits.tryTakePublic(request.getRemoteAddr());
		if (!wait.isZero()) {
			RateLimits.refuse(request, response, wait, "this address");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasBearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
