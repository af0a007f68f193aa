package org.groundgame.notification.subscription.domain;

import java.time.Instant;

/**
 * A chapter's webhook endpoint was disabled: deliveries to it stop until the chapter
 * enables it again. The chapter is told through its other channels.
 */
public record WebhookDisabled(String chapterId, String url, String reason, Instant at) {

	@Override
	public String toString() {
		return "WebhookDisabled[chapterId=" + this.chapterId + ", reason=" + this.reason + "]";
	}

}
