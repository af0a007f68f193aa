package org.groundgame.gateway.edge;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One {@code INFO} line per request on the logger {@value #LOGGER}: method, path, status,
 * duration, request id and client. The path is logged without its query, which may hold
 * e-mail addresses; headers (the {@code Authorization} token, cookies) and bodies are
 * never logged. The client is the validated token's subject, or {@code anonymous}.
 */
public final class AccessLogFilter extends OncePerRequestFilter {

	static final String LOGGER = "org.groundgame.gateway.access";

	/**
	 * The request attribute naming the client (the token's subject), set once the token
	 * has been validated.
	 */
	public static final String CLIENT_ATTRIBUTE = AccessLogFilter.class.getName() + ".client";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			// An exception still on its way out becomes the container's 500.
			int status = (failed && !response.isCommitted()) ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
					: response.getStatus();
			Object client = request.getAttribute(CLIENT_ATTRIBUTE);
			logger.info("method={} path={} status={} durationMs={} requestId={} client={}", request.getMethod(),
					request.getRequestURI(), status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
					RequestIdFilter.of(request), (client != null) ? client : "anonymous");
		}
	}

}
