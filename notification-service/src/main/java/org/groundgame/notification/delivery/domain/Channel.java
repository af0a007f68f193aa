package org.groundgame.notification.delivery.domain;

/**
 * The channels that leave this service and can fail: each of their deliveries is logged,
 * attempted and retried. The in-app inbox is written in the event's own consumer, so it
 * has no delivery of its own.
 */
public enum Channel {

	EMAIL, WEBHOOK

}
