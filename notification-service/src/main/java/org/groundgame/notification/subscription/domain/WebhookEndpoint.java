package org.groundgame.notification.subscription.domain;

import java.util.List;
import java.util.Objects;

/**
 * A chapter's webhook as a delivery needs it at the moment of an attempt.
 *
 * @param secrets the secrets to sign with now, the current first (two during a rotation)
 */
public record WebhookEndpoint(String chapterId, String url, List<String> secrets, boolean enabled) {

	public WebhookEndpoint {
		Objects.requireNonNull(chapterId, "chapterId");
		Objects.requireNonNull(url, "url");
		secrets = List.copyOf(secrets);
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[chapterId=" + this.chapterId + ", enabled=" + this.enabled + "]";
	}

}
