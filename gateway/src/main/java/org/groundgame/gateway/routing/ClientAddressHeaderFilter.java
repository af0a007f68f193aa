package org.groundgame.gateway.routing;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells the service the client's address in {@code X-Forwarded-For}: the address the
 * gateway counts requests against ({@code getRemoteAddr()}, the connecting peer or the
 * client a trusted proxy named), and nothing the client wrote itself, which replaces any
 * {@code X-Forwarded-For} it sent. identity-service throttles guessed client secrets per
 * address with it (its Tomcat believes the header from internal proxies only:
 * {@code server.forward-headers-strategy=native}); without it every client would share
 * the gateway's address there.
 */
@Component
class ClientAddressHeaderFilter implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	@Override
	public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
		HttpHeaders forwarded = new HttpHeaders();
		forwarded.addAll(headers);
		forwarded.set(X_FORWARDED_FOR, request.servletRequest().getRemoteAddr());
		return forwarded;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
