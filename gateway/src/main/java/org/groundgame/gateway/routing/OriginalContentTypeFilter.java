package org.groundgame.gateway.routing;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Forwards {@code Content-Type} as the client sent it. Spring's view of the request adds
 * the request encoding that Boot's character-encoding filter set
 * ({@code ;charset=UTF-8}), which would otherwise reach the service as if the client had
 * said so.
 */
@Component
class OriginalContentTypeFilter implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

	@Override
	public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
		String sent = request.servletRequest().getHeader(HttpHeaders.CONTENT_TYPE);
		if (sent == null || sent.equals(headers.getFirst(HttpHeaders.CONTENT_TYPE))) {
			return headers;
		}
		HttpHeaders restored = new HttpHeaders();
		restored.addAll(headers);
		restored.set(HttpHeaders.CONTENT_TYPE, sent);
		return restored;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
