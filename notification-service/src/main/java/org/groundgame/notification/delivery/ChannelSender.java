package org.groundgame.notification.delivery;

import java.time.Instant;

import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;

/** Makes one attempt at a delivery through one channel. */
interface ChannelSender {

	Channel channel();

	/**
	 * Tries once. Gives up without trying when the recipient no longer wants it (an
	 * endpoint disabled or removed, consent withdrawn).
	 */
	AttemptResult attempt(Delivery delivery, Instant at);

}
