package org.groundgame.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.gateway.edge.AccessLogFilter;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests of each client, as the validated token's subject names it: part of
 * Spring Security's chain, after the token was checked and the request authorized.
 * Requests without a token were counted per address before
 * ({@link AddressRateLimitFilter}). It also names the client for the access log.
 */
public final class ClientRateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	public ClientRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			// A token without a subject is still someone: its address stands in.
			String client = (token.getName() != null) ? token.getName() : "address " + request.getRemoteAddr();
			request.setAttribute(AccessLogFilter.CLIENT_ATTRIBUTE, client);
			Duration wait = this.limits.tryTakeClient(client);
			if (!wait.isZero()) {
				RateLimits.refuse(request, response, wait, "this client");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
