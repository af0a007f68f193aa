package org.groundgame.identity.token;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's answer to a failed client authentication (the authorization
 * server's {@code errorResponseHandler}): the usual OAuth2 error ({@code 401
 * invalid_client}, or {@code 400}), counted per client id and per address by
 * {@link SecretGuessing}; past the allowance, a {@code 429} problem with
 * {@code Retry-After}. It is called only once the secret was checked and found wrong, so
 * a right secret never meets it.
 */
@Component
public class ClientAuthenticationFailures implements AuthenticationFailureHandler {

	static final URI TOO_MANY_REQUESTS = URI.create("urn:groundgame:problem:too-many-requests");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SecretGuessing guessing;

	private final HttpMessageConverter<OAuth2Error> errors = new OAuth2ErrorHttpMessageConverter();

	/**
	 * How the authorization server reads client credentials, to name the client tried.
	 */
	private final List<AuthenticationConverter> credentials = List.of(new ClientSecretBasicAuthenticationConverter(),
			new ClientSecretPostAuthenticationConverter());

	ClientAuthenticationFailures(SecretGuessing guessing) {
		this.guessing = guessing;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		SecurityContextHolder.clearContext();
		Duration wait = this.guessing.failed(clientIdTried(request), request.getRemoteAddr());
		if (!wait.isZero()) {
			tooManyFailures(request, response, wait);
			return;
		}
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
		ServletServerHttpResponse http = new ServletServerHttpResponse(response);
		http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
				: HttpStatus.BAD_REQUEST);
		// The error code only, as the authorization server's own handler answers.
		this.errors.write(new OAuth2Error(error.getErrorCode()), null, http);
	}

	private String clientIdTried(HttpServletRequest request) {
		for (AuthenticationConverter converter : this.credentials) {
			try {
				Authentication authentication = converter.convert(request);
				if (authentication instanceof OAuth2ClientAuthenticationToken client
						&& client.getPrincipal() instanceof String clientId && !clientId.isBlank()) {
					return clientId;
				}
			}
			catch (RuntimeException ex) {
				// Malformed credentials name no client; the address still counts.
			}
		}
		return null;
	}

	private static void tooManyFailures(HttpServletRequest request, HttpServletResponse response, Duration wait)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TOO_MANY_REQUESTS.toString());
		problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
		problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
		problem.put("detail", "Too many failed client authentications; try again in " + seconds + " s.");
		problem.put("instance", request.getRequestURI());
		problem.put("error", OAuth2ErrorCodes.INVALID_CLIENT);
		problem.put("retryAfter", seconds);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
