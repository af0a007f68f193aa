package org.groundgame.notification.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries by e-mail and webhook are attempted and retried.
 *
 * @param retrySchedule the delay before each attempt, the first after the event (Svix's
 * schedule by default: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)
 * @param jitter the fraction by which each delay varies at random, so that retries to one
 * recovering endpoint do not arrive all at once
 * @param retryAfterCap the longest {@code Retry-After} honoured
 * @param pollInterval how often due deliveries (retries, and any an instance left behind)
 * are looked for
 * @param lease how long an attempt holds its delivery; longer than any attempt may take
 * @param webhookConcurrency webhook attempts under way at once in this instance
 * @param emailConcurrency e-mails being sent at once in this instance
 */
@ConfigurationProperties("groundgame.notification.delivery")
record DeliveryProperties(@DefaultValue( {
		"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("0.2") double jitter, @DefaultValue("24h") Duration retryAfterCap,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("2m") Duration lease,
		@DefaultValue("64") int webhookConcurrency, @DefaultValue("8") int emailConcurrency){

}
