package org.groundgame.gateway.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.gateway.error.EdgeProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for the platform's own web origins, answered at the edge: a preflight from an
 * allowed origin is answered here (no token needed for it), and a cross-origin request
 * from any other origin is refused with a {@code 403} problem rather than Spring's plain
 * text. Credentials (cookies) are not allowed cross-origin: the API takes bearer tokens.
 * <p>
 * Browser pages are not the API and are left alone: the public site's and the console's
 * (the web module) and identity-service's sign-in pages. A browser sends
 * {@code Origin: null} with their own form posts (and htmx's) because the pages ask for
 * no referrer ({@code Referrer-Policy: no-referrer}), which this filter would take for a
 * foreign origin and refuse. The pages answer with no CORS headers (so no other origin's
 * script may read them), and each refuses a form without its CSRF token.
 */
final class ProblemCorsFilter extends OncePerRequestFilter {

	private final UrlBasedCorsConfigurationSource configurations = new UrlBasedCorsConfigurationSource();

	private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			// Answered by the filter, with the request at hand.
		}

	};

	private final RequestMatcher browserPages;

	ProblemCorsFilter(List<String> allowedOrigins, RequestMatcher browserPages) {
		this.browserPages = browserPages;
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(allowedOrigins);
		configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
				HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name()));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-Request-Id"));
		configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(Duration.ofHours(1));
		this.configurations.registerCorsConfiguration("/**", configuration);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!CorsUtils.isCorsRequest(request) || this.browserPages.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		CorsConfiguration configuration = this.configurations.getCorsConfiguration(request);
		if (!this.processor.processRequest(configuration, request, response)) {
			EdgeProblems.write(request, response, HttpStatus.FORBIDDEN, EdgeProblems.ORIGIN_NOT_ALLOWED,
					"Cross-origin requests from this origin, or with this method or these headers, are not allowed.",
					Map.of());
			return;
		}
		if (CorsUtils.isPreFlightRequest(request)) {
			response.setStatus(HttpStatus.OK.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
