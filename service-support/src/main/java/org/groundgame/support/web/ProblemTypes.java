package org.groundgame.support.web;

import java.net.URI;

/** The {@code type} URIs of the platform's RFC 9457 problem documents. */
public final class ProblemTypes {

	public static final URI INVALID_INPUT = URI.create("urn:groundgame:problem:invalid-input");

	public static final URI NOT_FOUND = URI.create("urn:groundgame:problem:not-found");

	public static final URI ILLEGAL_STATE_CHANGE = URI.create("urn:groundgame:problem:illegal-state-change");

	public static final URI CONCURRENT_CHANGE = URI.create("urn:groundgame:problem:concurrent-change");

	public static final URI INTERNAL_ERROR = URI.create("urn:groundgame:problem:internal-error");

	/**
	 * The service cannot do its work just now (its store is unreachable): the same type
	 * the gateway answers for a service that is down.
	 */
	public static final URI SERVICE_UNAVAILABLE = URI.create("urn:groundgame:problem:service-unavailable");

	private ProblemTypes() {
	}

}
