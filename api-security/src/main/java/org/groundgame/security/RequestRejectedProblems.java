package org.groundgame.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (a {@code ;}, an encoded dot or slash, a
 * double slash, a control character in a header or parameter) is a {@code 400} problem
 * document, like any other invalid input, rather than an exception the servlet container
 * turns into a {@code 500} or its own error page. Spring Security uses the one
 * {@link RequestRejectedHandler} bean of the application.
 */
public final class RequestRejectedProblems implements RequestRejectedHandler {

	/**
	 * The {@code type} of invalid input, as every service's problem documents have it.
	 */
	public static final URI INVALID_INPUT = URI.create("urn:groundgame:problem:invalid-input");

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		// The firewall's message quotes what the client sent: it stays out of the answer.
		ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, INVALID_INPUT,
				"The request's path, parameters or headers contain characters or sequences that are not accepted.",
				Map.of("errors", List.of(Map.of("field", "request", "message", "is not acceptable"))));
	}

}
