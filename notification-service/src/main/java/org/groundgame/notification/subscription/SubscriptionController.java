package org.groundgame.notification.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications/subscriptions/{chapterId}}: what a chapter hears of and how,
 * for staff and that chapter.
 */
@Tag(name = "Subscriptions",
		description = "What a chapter hears of and through which channels: topics, states, e-mail, webhook, inbox, digests")
@RestController
@RequestMapping("/api/notifications/subscriptions/{chapterId}")
class SubscriptionController {

	private final Subscriptions subscriptions;

	SubscriptionController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * The chapter's subscription, or the defaults if it never chose; never the secret.
	 */
	@Operation(summary = "Read a chapter's subscription")
	@GetMapping
	SubscriptionResponse subscription(@Parameter(hidden = true) Caller caller, @PathVariable String chapterId) {
		return SubscriptionResponse.of(this.subscriptions.of(caller, chapterId));
	}

	/**
	 * Replaces the chapter's subscription. When the webhook's URL is new, the answer
	 * carries its signing secret, this once.
	 */
	@Operation(summary = "Replace a chapter's subscription",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = SubscriptionRequest.class),
							examples = @ExampleObject(name = "a chapter of Missouri that follows Kansas too",
									value = """
											{
											  "topics": ["ENDORSEMENTS", "OUTCOMES", "VOLUNTEERS"],
											  "states": ["KS"],
											  "email": "organizers@mobilize-missouri.example",
											  "webhook": { "url": "https://hooks.mobilize-missouri.example/groundgame", "enabled": true },
											  "inbox": true,
											  "digestTopics": ["VOLUNTEERS"]
											}
											"""))))
	@PutMapping
	SubscriptionResponse change(@Parameter(hidden = true) Caller caller, @PathVariable String chapterId,
			@RequestBody SubscriptionRequest request) {
		Subscriptions.Changed changed = this.subscriptions.change(caller, chapterId, request.toChange());
		return SubscriptionResponse.of(changed.subscription(), changed.newWebhookSecret());
	}

	/**
	 * A new signing secret for the chapter's webhook, in the answer this once; the old
	 * one keeps signing beside it until {@code previousSecretExpiresAt}.
	 */
	@Operation(summary = "Issue a new signing secret for a chapter's webhook")
	@PostMapping("/webhook/secret")
	SubscriptionResponse.WebhookResponse rotateWebhookSecret(@Parameter(hidden = true) Caller caller,
			@PathVariable String chapterId) {
		return SubscriptionResponse.WebhookResponse
			.of(this.subscriptions.rotateWebhookSecret(caller, chapterId).webhook(), true);
	}

}
