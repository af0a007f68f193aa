package org.groundgame.notification.delivery.domain;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its next attempt (the first, or a retry). */
	PENDING,

	/** The recipient accepted it. */
	DELIVERED,

	/**
	 * No more attempts will be made by themselves: the schedule is exhausted or the
	 * recipient refused for good. A person may still retry it.
	 */
	FAILED

}
