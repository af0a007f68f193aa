package org.groundgame.notification.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox's live streams ({@code GET /api/notifications/stream}).
 *
 * @param timeout how long one stream stays open; the client then reconnects with
 * {@code Last-Event-ID} and misses nothing
 * @param heartbeat how long a stream may stay silent before a comment line is sent, so
 * that proxies keep it open and a client that went away is noticed
 * @param reconnectTime the {@code retry:} a client is told to wait before reconnecting
 * @param catchUpInterval how often each recipient with open streams is looked up in the
 * store, for entries that reached none of its streams otherwise (this instance's own are
 * pushed at once, the others' as they are announced: an announcement lost is the case);
 * shorter than {@code catchUpWindow}
 * @param catchUpWindow how far before the newest entry a stream sent the look-up reaches
 * back, for entries that became visible late (another instance's write still in flight,
 * its clock a little behind); an entry is never sent twice on one stream
 * @param maxPerRecipient open streams one recipient may hold on one instance; more are
 * refused with {@code 429}
 */
@ConfigurationProperties("groundgame.notification.inbox.stream")
record InboxStreamProperties(@DefaultValue("30m") Duration timeout, @DefaultValue("20s") Duration heartbeat,
		@DefaultValue("3s") Duration reconnectTime, @DefaultValue("10s") Duration catchUpInterval,
		@DefaultValue("30s") Duration catchUpWindow, @DefaultValue("20") int maxPerRecipient) {

}
