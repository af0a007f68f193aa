package org.groundgame.notification.subscription.domain;

import java.time.Instant;

/**
 * A chapter's webhook endpoint was disabled: deliveries to it stop until the chapter
 * enables it again. The chapter is told through its other channels.
 */
public record WebhookDisabled(String chapterId, String url, String reason, Instant at) {

	/** Names this kind of notice where events' types are shown (the inbox, the log). */
	public static final String TYPE = "org.groundgame.notification.WebhookDisabled.v1";

	/** One notice per disabling. */
	public String noticeId() {
		return "webhook-disabled:" + this.chapterId + ":" + this.at;
	}

	public String title() {
		return "Your webhook was disabled";
	}

	public String message() {
		return "Ground Game stopped sending events to your webhook endpoint " + this.url + " on " + this.at + ": "
				+ this.reason + ". Fix the endpoint, then enable it again in your subscription settings; "
				+ "what it missed can be replayed from the delivery log.";
	}

	@Override
	public String toString() {
		return "WebhookDisabled[chapterId=" + this.chapterId + ", reason=" + this.reason + "]";
	}

}
