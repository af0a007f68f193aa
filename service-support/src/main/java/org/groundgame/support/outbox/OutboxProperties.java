package org.groundgame.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param pollInterval how often the relay looks for events left behind (a crash, the
 * broker down); events are otherwise published right after the write that stored them
 * @param batchSize how many documents one look reads at most
 * @param relayEnabled whether this instance publishes at all
 * @param lookLockAtMostFor how long one instance's look for events left behind keeps the
 * other instances from looking at the same time, at most: longer than a look takes (with
 * a slow broker too), short enough that the events an instance left behind when it died
 * while looking are taken up soon after by another
 */
@ConfigurationProperties("groundgame.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("true") boolean relayEnabled, @DefaultValue("2m") Duration lookLockAtMostFor) {
}
