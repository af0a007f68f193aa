package org.groundgame.gateway.edge;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The request id on its way through the proxy: the service receives the gateway's id
 * (never an invalid one the client sent), and the service's own {@code X-Request-Id}, if
 * it echoes one, does not reach the client a second time.
 */
final class RequestIdHeaders {

	private RequestIdHeaders() {
	}

	static final class ToService implements HttpHeadersFilter.RequestHttpHeadersFilter {

		@Override
		public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
			String requestId = RequestIdFilter.of(request.servletRequest());
			if (requestId == null || requestId.equals(headers.getFirst(RequestIdFilter.HEADER))) {
				return headers;
			}
			HttpHeaders replaced = HttpHeaders.copyOf(headers);
			replaced.set(RequestIdFilter.HEADER, requestId);
			return replaced;
		}

	}

	static final class FromService implements HttpHeadersFilter.ResponseHttpHeadersFilter {

		@Override
		public HttpHeaders apply(HttpHeaders headers, ServerResponse response) {
			if (!headers.containsHeader(RequestIdFilter.HEADER)) {
				return headers;
			}
			HttpHeaders without = HttpHeaders.copyOf(headers);
			without.remove(RequestIdFilter.HEADER);
			return without;
		}

	}

}
