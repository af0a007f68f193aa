package org.groundgame.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One attempt at delivering a webhook.
 *
 * @param messageId the {@code webhook-id}: the same for every attempt of one delivery, so
 * that the receiver can drop duplicates
 * @param timestamp when the attempt is made, sent in seconds as {@code webhook-timestamp}
 * (receivers refuse one too far from their clock)
 * @param url the endpoint
 * @param secrets {@code whsec_<base64>} secrets, the current one first; during a secret
 * rotation there are two and the request is signed with each
 * @param body the CloudEvent in structured JSON, sent as it is
 */
public record WebhookRequest(String messageId, Instant timestamp, String url, List<String> secrets, byte[] body) {

	@Override
	public String toString() {
		// Neither the secrets nor the body: a request may be logged.
		return "WebhookRequest[messageId=" + this.messageId + ", timestamp=" + this.timestamp + "]";
	}

}
