package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.notification.delivery.domain.RetrySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Makes one attempt at a claimed delivery through its channel and records it: the
 * delivery's schedule decides what comes next. A channel that throws counts as a failed
 * attempt, so a bug in one delivery cannot stall the others.
 */
@Service
class DeliveryAttempts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final DeliveryStore store;

	private final RetrySchedule schedule;

	private final ChannelMetrics metrics;

	private final Clock clock;

	private final RandomGenerator random = RandomGenerator.getDefault();

	DeliveryAttempts(List<ChannelSender> senders, DeliveryStore store, RetrySchedule schedule, ChannelMetrics metrics,
			Clock clock) {
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.store = store;
		this.schedule = schedule;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Attempts a delivery this instance has claimed, and records the attempt. */
	Delivery attempt(Delivery claimed) {
		Instant at = this.clock.instant();
		AttemptResult result;
		try {
			result = this.senders.get(claimed.channel()).attempt(claimed, at);
		}
		catch (RuntimeException ex) {
			log.error("Attempt at delivery {} failed unexpectedly", claimed.id(), ex);
			result = AttemptResult.retry("ERROR", null, null, ex.getClass().getSimpleName(), null);
		}
		Delivery after = claimed.afterAttempt(at, result, this.schedule, this.random);
		this.store.saveAttempted(claimed, after);
		this.metrics.attempted(after, result);
		if (after.status() == DeliveryStatus.FAILED) {
			log.info("Delivery {} by {} failed for good after {} attempts: {}", after.id(), after.channel(),
					after.attempts().size(), result.outcome());
		}
		return after;
	}

}
