package org.groundgame.gateway.error;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.security.ProblemResponses;

import org.springframework.http.HttpStatus;

/**
 * Writes the problem documents of the gateway's own servlet filters (rate limits, body
 * size, CORS), which answer before Spring MVC is reached: the same fields as every other
 * problem of the platform ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}) plus any given extension members.
 */
public final class EdgeProblems {

	/** Too many requests from one client: {@code 429}, with {@code Retry-After}. */
	public static final URI TOO_MANY_REQUESTS = URI.create("urn:groundgame:problem:too-many-requests");

	/** A request body larger than the gateway accepts: {@code 413}. */
	public static final URI CONTENT_TOO_LARGE = URI.create("urn:groundgame:problem:content-too-large");

	/** A cross-origin request from an origin the platform does not serve: {@code 403}. */
	public static final URI ORIGIN_NOT_ALLOWED = URI.create("urn:groundgame:problem:origin-not-allowed");

	private EdgeProblems() {
	}

	/**
	 * Answers the request with a problem document, unless an answer already started.
	 * @param request the request refused
	 * @param response its response
	 * @param status the status
	 * @param type the problem type
	 * @param detail what happened and what the client can do, for people
	 * @param extensions more members, in order
	 * @throws IOException when the client went away
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String detail, Map<String, Object> extensions) throws IOException {
		ProblemResponses.write(request, response, status, type, detail, extensions);
	}

}
