package org.groundgame.notification.subscription.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Chapters' webhook endpoints, for the deliveries made to them: what to sign with, and
 * what became of each attempt (which may disable the endpoint).
 */
public interface WebhookEndpoints {

	/** The chapter's endpoint now, if it has one. */
	Optional<WebhookEndpoint> of(String chapterId, Instant now);

	/** An attempt at the endpoint with this URL succeeded. */
	void succeeded(String chapterId, String url, Instant at);

	/**
	 * An attempt at the endpoint with this URL failed; the endpoint is disabled once it
	 * has failed for long enough without a success (and the chapter told).
	 */
	void failed(String chapterId, String url, Instant at);

	/**
	 * The endpoint answered {@code 410 Gone}: disabled at once (and the chapter told).
	 */
	void gone(String chapterId, String url, Instant at);

}
