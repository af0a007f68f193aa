package org.groundgame.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * {@code 401} and {@code 403} as RFC 9457 problem documents, like every other error of
 * the platform, with the {@code WWW-Authenticate} header that RFC 6750 asks for. The
 * detail never repeats the token or why exactly it failed: that helps only someone
 * forging one.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** The {@code type} of a missing, malformed, expired or untrusted token. */
	public static final URI UNAUTHORIZED = URI.create("urn:groundgame:problem:unauthorized");

	/** The {@code type} of a valid token that may not do this. */
	public static final URI FORBIDDEN = URI.create("urn:groundgame:problem:forbidden");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED,
				"A valid bearer token is needed: POST /oauth2/token to get one.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerAccessDenied.handle(request, response, accessDeniedException);
		write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, detail(accessDeniedException));
	}

	private static String detail(AccessDeniedException ex) {
		// Our own refusals (Caller) explain themselves; Spring Security's say "Access
		// Denied".
		String message = ex.getMessage();
		return (message == null || message.equals("Access Denied"))
				? "This token's role or chapter does not allow this request." : message;
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String detail) throws IOException {
		write(request, response, status, type, detail, Map.of());
	}

	/**
	 * Answers a problem document from a filter, before any controller: the platform's
	 * members ({@code type}, {@code title}, {@code status}, {@code detail},
	 * {@code instance}) and any more.
	 * @param request the request
	 * @param response its response; nothing is written if it is already committed
	 * @param status the status
	 * @param type the problem type
	 * @param detail what happened and what the client can do, for people
	 * @param extensions more members, in order
	 * @throws IOException when the client went away
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String detail, Map<String, Object> extensions) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.putAll(extensions);
		byte[] body = JSON.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
