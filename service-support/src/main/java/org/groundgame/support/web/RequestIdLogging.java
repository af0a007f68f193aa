package org.groundgame.support.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context as {@code requestId}
 * for the time of a request, so that a service's log lines (structured logs carry the
 * context) can be found by the id the client was given. Only an id of the gateway's own
 * form is taken: a caller reaching the service directly cannot write into its logs.
 */
public class RequestIdLogging extends OncePerRequestFilter {

	/** The header the gateway sets on every request it passes on. */
	public static final String HEADER = "X-Request-Id";

	/** The logging context's key. */
	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(HEADER);
		if (requestId == null || !ACCEPTED.matcher(requestId).matches()) {
			chain.doFilter(request, response);
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, requestId)) {
			chain.doFilter(request, response);
		}
	}

}
