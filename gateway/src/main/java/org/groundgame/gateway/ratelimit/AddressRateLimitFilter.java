package org.groundgame.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts, per client address, the requests that bring no bearer token (the public
 * endpoints, the sign-in pages, the documentation, {@code /oauth2/token}) and, on a far
 * smaller allowance, the token requests the identity-service refused ({@code 401}: a
 * wrong secret, an unknown client), against guessing: once those are used up, the address
 * gets a {@code 429} at the token endpoint until the allowance refills, while clients
 * that know their secret are held only to the ordinary allowance. Requests with a bearer
 * token are counted per client once the token is validated
 * ({@link ClientRateLimitFilter}).
 * <p>
 * The address is {@link HttpServletRequest#getRemoteAddr()}: the connecting peer, or the
 * client a trusted proxy names when Boot's {@code server.forward-headers-strategy} is
 * set. An {@code X-Forwarded-For} header alone is never believed, since anyone can send
 * one. Operations endpoints ({@code /actuator/**}) are not counted: probes and scrapers
 * must not be throttled with the public.
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

	static final String TOKEN_ENDPOINT = "/oauth2/token";

	private final RateLimits limits;

	AddressRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		Duration wait;
		String whose;
		// Trailing slashes and the like must not escape the token endpoint's allowance.
		boolean tokenRequest = request.getRequestURI().startsWith(TOKEN_ENDPOINT);
		if (tokenRequest) {
			wait = this.limits.mayTryTokenEndpoint(address);
			whose = "this address to the token endpoint after refused attempts";
			if (wait.isZero()) {
				wait = this.limits.tryTakePublic(address);
				whose = "this address";
			}
		}
		else if (hasBearerToken(request)) {
			wait = Duration.ZERO;
			whose = null;
		}
		else {
			wait = this.limits.tryTakePublic(address);
			whose = "this address";
		}
		if (!wait.isZero()) {
			RateLimits.refuse(request, response, wait, whose);
			return;
		}
		chain.doFilter(request, response);
		if (tokenRequest && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			this.limits.countFailedTokenRequest(address);
		}
	}

	private static boolean hasBearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
