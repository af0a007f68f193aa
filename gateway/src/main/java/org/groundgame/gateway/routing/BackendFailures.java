package org.groundgame.gateway.routing;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.springframework.web.servlet.function.ServerResponse;

/**
 * What counts against a service's circuit breaker, and what does not. The breaker is
 * there to stop sending requests to a service that cannot take them; it must never be
 * something a caller can trip with requests of its own making. So only what says the
 * service itself is unavailable is a failure:
 * <ul>
 * <li>it could not be reached: the connection was refused, could not be opened in time,
 * or had no route ({@link ConnectException}, {@link HttpConnectTimeoutException},
 * {@link NoRouteToHostException}, {@link UnknownHostException});
 * <li>it did not answer within the route's time limit ({@link TimeoutException});
 * <li>it closed a fresh connection before answering a {@code GET} or {@code HEAD}, which
 * the HTTP client had already sent again on a new connection after the first one closed
 * ({@link BrokenConnection});
 * <li>it answered that it is unavailable: {@code 502}, {@code 503} or {@code 504}
 * ({@link UnavailableAnswer}).
 * </ul>
 * An answer is not a failure, whatever its status: a {@code 500} that one request
 * provoked (a malformed parameter that reached a store query, say) proves the service is
 * up and answering, and counting it would let anyone open the circuit, and so take the
 * service offline for everyone, with a handful of such requests. Nor is a connection that
 * closed before any answer on a request that was not tried again
 * ({@link StaleConnection}): that is what a pooled connection the service had already
 * closed looks like, not a service that is down (and if it is down, the next attempt to
 * connect says so). Every other exception (the client's own upload breaking off, say) is
 * ignored too: neither a failure nor a success. These predicates are Resilience4j's own
 * ({@code record-failure-predicate}, {@code ignore-exception-predicate},
 * {@code record-result-predicate} in {@code application.yml}).
 */
public final class BackendFailures {

	private BackendFailures() {
	}

	/** Whether the exception, or one of its causes, says the service is unavailable. */
	static boolean serviceUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StaleConnection) {
				return false;
			}
			if (cause instanceof BrokenConnection || cause instanceof TimeoutException
					|| cause instanceof ConnectException || cause instanceof HttpTimeoutException
					|| cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Whether the exception, or one of its causes, says that no connection could be
	 * opened: nothing was sent, so any request may be sent elsewhere.
	 */
	static boolean notConnected(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Whether the exception, or one of its causes, says the connection was closed before
	 * any answer came: the service closed it (idle, restarting) or dropped it.
	 */
	static boolean connectionClosedBeforeAnswer(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClosedChannelException || cause instanceof EOFException
			// The JDK client's own name for a pooled connection found closed.
					|| cause.getClass().getSimpleName().equals("ConnectionExpiredException")
					|| (cause instanceof java.io.IOException && cause.getMessage() != null
							&& (cause.getMessage().contains("received no bytes")
									|| cause.getMessage().contains("closed locally")
									|| cause.getMessage().contains("Connection reset")))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** {@code record-failure-predicate}: the service is unavailable. */
	public static final class Unavailable implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable failure) {
			return serviceUnavailable(failure);
		}

	}

	/**
	 * {@code ignore-exception-predicate}: anything else is neither a failure nor a
	 * success of the service.
	 */
	public static final class NotTheServices implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable failure) {
			return !serviceUnavailable(failure);
		}

	}

	/**
	 * {@code record-result-predicate}: the service answered that it is unavailable
	 * ({@code 502}, {@code 503}, {@code 504}), which it says of itself, not of a request.
	 */
	public static final class UnavailableAnswer implements Predicate<Object> {

		@Override
		public boolean test(Object result) {
			if (result instanceof ServerResponse answer) {
				int status = answer.statusCode().value();
				return status == 502 || status == 503 || status == 504;
			}
			return false;
		}

	}

	/**
	 * A {@code GET} or {@code HEAD} whose connection closed before any answer even when
	 * the HTTP client tried again on a new connection: the service is breaking
	 * connections, which counts against it.
	 */
	static final class BrokenConnection extends RuntimeException {

		BrokenConnection(Throwable cause) {
			super("The connection closed before any answer, twice", cause);
		}

	}

	/**
	 * A request that may have reached the service (a {@code POST}, say) whose connection
	 * closed before any answer: not sent again, answered with a {@code 503}, and not
	 * counted against the service.
	 */
	static final class StaleConnection extends RuntimeException {

		StaleConnection(Throwable cause) {
			super("The connection closed before any answer", cause);
		}

	}

}
