package org.groundgame.gateway.edge;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} if it is a plain token (1
 * to 64 of {@code A-Z a-z 0-9 . _ -}, so that it cannot forge log lines or smuggle
 * anything), a new UUID otherwise. The id is returned on every answer, passed to the
 * service ({@link RequestIdHeaders}) and put in the MDC as {@code requestId}.
 */
final class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request);
		request.setAttribute(ATTRIBUTE, requestId);
		response.setHeader(HEADER, requestId);
		MDC.put(MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page's log lines name the request too.
		return false;
	}

	private static String requestId(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof String earlier) {
			return earlier;
		}
		String sent = request.getHeader(HEADER);
		return (sent != null && ACCEPTED.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

	/**
	 * The id of the request being handled.
	 * @param request the request
	 * @return its id, or {@code null} before this filter ran
	 */
	static String of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String id) ? id : null;
	}

}
