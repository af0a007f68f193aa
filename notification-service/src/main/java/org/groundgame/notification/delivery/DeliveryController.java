package org.groundgame.notification.delivery;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.security.Caller;

import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log ({@code /api/notifications/deliveries}) and the calls that send to a
 * chapter's webhook on demand (a test event, a replay).
 */
@Tag(name = "Deliveries",
		description = "The delivery log of e-mails and webhook calls, retries, replays and test events")
@RestController
class DeliveryController {

	private final DeliveryLog deliveries;

	DeliveryController(DeliveryLog deliveries) {
		this.deliveries = deliveries;
	}

	/** Deliveries by e-mail and webhook, newest first, with every attempt. */
	@Operation(summary = "List deliveries, newest first, with their attempts")
	@GetMapping("/api/notifications/deliveries")
	PagedModel<DeliveryResponse> deliveries(@Parameter(hidden = true) Caller caller,
			@RequestParam(required = false) String chapterId, @RequestParam(required = false) DeliveryStatus status,
			@RequestParam(required = false) Channel channel, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new PagedModel<>(
				this.deliveries.list(caller, chapterId, status, channel, page, size).map(DeliveryResponse::of));
	}

	@Operation(summary = "Read one delivery with its attempts")
	@GetMapping("/api/notifications/deliveries/{id}")
	DeliveryResponse delivery(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
		return DeliveryResponse.of(this.deliveries.get(caller, id));
	}

	/** A failed delivery tried again now; {@code 409} unless it failed. */
	@Operation(summary = "Try a failed delivery again now")
	@PostMapping("/api/notifications/deliveries/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeliveryResponse retry(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
		return DeliveryResponse.of(this.deliveries.retry(caller, id));
	}

	record ReplayRequest(Instant since) {
	}

	record ReplayResponse(int replayed) {
	}

	/** Everything sent to the chapter's webhook since a time, sent again. */
	@Operation(summary = "Send again everything sent to a chapter's webhook since a time")
	@PostMapping("/api/notifications/subscriptions/{chapterId}/webhook/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ReplayResponse replay(@Parameter(hidden = true) Caller caller, @PathVariable String chapterId,
			@RequestBody ReplayRequest request) {
		return new ReplayResponse(this.deliveries.replay(caller, chapterId, request.since()));
	}

	/**
	 * A test event sent to the chapter's webhook now; answers the delivery and its first
	 * attempt.
	 */
	@Operation(summary = "Send a test event to a chapter's webhook")
	@PostMapping("/api/notifications/subscriptions/{chapterId}/webhook/test")
	DeliveryResponse sendTestEvent(@Parameter(hidden = true) Caller caller, @PathVariable String chapterId) {
		return DeliveryResponse.of(this.deliveries.sendTestEvent(caller, chapterId));
	}

}
