package org.groundgame.notification.subscription.domain;

import java.util.List;
import java.util.Objects;

/**
 * A chapter's webhook as a delivery needs it at the moment of an attempt.
 *
 * @param secrets the secrets to sign with now, the current first (two during a rotation)
 * @param failing whether it has failed since it last answered (so that a success has a
 * failure to clear)
 */
public record WebhookEndpoint(String chapterId, String url, List<String> secrets, boolean enabled, boolean failing) {

	public WebhookEndpoint {
		Objects.requireNonNull(chapterId, "chapterId");
		Objects.requireNonNull(url, "url");
		secrets = List.copyOf(secrets);
	}

	/** An endpoint not failing. */
	public WebhookEndpoint(String chapterId, String url, List<String> secrets, boolean enabled) {
		this(chapterId, url, secrets, enabled, false);
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[chapterId=" + this.chapterId + ", enabled=" + this.enabled + ", failing=" + this.failing
				+ "]";
	}

}
