package org.groundgame.notification.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of chapters' webhooks.
 *
 * @param allowLoopback whether a webhook may point at this machine ({@code localhost},
 * {@code 127.0.0.0/8}, {@code ::1}), for trying webhooks out locally; never in
 * production. Private, link-local and unspecified addresses are refused regardless.
 */
@ConfigurationProperties("groundgame.notification.webhooks")
record WebhookProperties(boolean allowLoopback) {

}
