package org.groundgame.gateway.edge;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;

/**
 * The order of the gateway's servlet filters, in one place. A request meets, in turn:
 * <ol>
 * <li>Boot's observation filter (trace and span ids in the MDC);</li>
 * <li>{@link #REQUEST_ID}: the request id, so that every later answer, the refusals
 * included, carries it and every log line names it;</li>
 * <li>{@link #ACCESS_LOG}: one line per request, whoever answered it;</li>
 * <li>{@link #ADDRESS_RATE_LIMIT}: requests without a bearer token, and every request for
 * {@code /oauth2/token}, counted per client address before any work is done for
 * them;</li>
 * <li>{@link #BODY_SIZE_LIMIT}: oversized bodies refused before anything reads them;</li>
 * <li>Spring Security ({@link #SECURITY}): CORS, the bearer token, the public endpoints,
 * the response headers, and, once the token is validated, the per-client rate limit
 * (whose key is the token's subject);</li>
 * <li>Spring MVC: the routes to the services, Swagger UI, {@code /asyncapi.yaml}.</li>
 * </ol>
 */
public final class EdgeFilterOrder {

	public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 10;

	public static final int ACCESS_LOG = REQUEST_ID + 1;

	public static final int ADDRESS_RATE_LIMIT = ACCESS_LOG + 1;

	public static final int BODY_SIZE_LIMIT = ADDRESS_RATE_LIMIT + 1;

	/** Spring Security's filter chain, as Boot registers it. */
	public static final int SECURITY = SecurityFilterProperties.DEFAULT_FILTER_ORDER;

	private EdgeFilterOrder() {
	}

}
