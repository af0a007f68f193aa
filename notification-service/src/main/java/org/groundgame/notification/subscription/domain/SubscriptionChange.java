package org.groundgame.notification.subscription.domain;

import java.util.List;

/**
 * A subscription as a chapter asks for it, unchecked: {@link Subscription#change} checks
 * it whole and names every field at fault.
 *
 * @param topics the topics' names; required (empty to hear of nothing)
 * @param states two-letter codes of states to hear of besides the chapter's own; none
 * when {@code null}
 * @param email where e-mail goes; no e-mail when {@code null} or blank
 * @param webhookUrl where webhooks go; no webhook when {@code null}
 * @param webhookGiven whether a webhook object was sent (so that one without a URL is
 * refused, not taken for none)
 * @param inbox whether entries go to the in-app inbox; required
 * @param digestTopics the topics whose e-mail comes as one daily digest instead of a
 * message per event; none when {@code null}
 * @param webhookEnabled {@code true} to enable a disabled webhook again; {@code null} or
 * {@code false} leaves it as it is
 */
public record SubscriptionChange(List<String> topics, List<String> states, String email, String webhookUrl,
		boolean webhookGiven, Boolean inbox, List<String> digestTopics, Boolean webhookEnabled) {

	public SubscriptionChange(List<String> topics, List<String> states, String email, String webhookUrl,
			boolean webhookGiven, Boolean inbox) {
		this(topics, states, email, webhookUrl, webhookGiven, inbox, null, null);
	}

}
