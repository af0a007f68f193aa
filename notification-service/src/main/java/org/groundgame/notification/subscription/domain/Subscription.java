package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.groundgame.support.geography.UsState;

/**
 * What a chapter wants to hear of, and through which channels. One per chapter; a chapter
 * that never chose has the {@linkplain #defaultsFor defaults}.
 *
 * @param topics what the chapter hears of
 * @param states states the chapter hears of besides its own (two-letter codes, upper
 * case)
 * @param email where e-mail goes, or {@code null} for none
 * @param webhook where webhooks go, or {@code null} for none
 * @param inbox whether the in-app inbox receives entries
 * @param digestTopics topics (among {@code topics}) whose e-mail comes as one daily
 * digest
 */
public record Subscription(String chapterId, Set<Topic> topics, Set<String> states, String email, Webhook webhook,
		boolean inbox, Set<Topic> digestTopics) {

	static final String UNKNOWN_TOPIC = "must be one of NOMINATIONS, ENDORSEMENTS, OUTCOMES, VOLUNTEERS, TRAINING";

	static final String INVALID_EMAIL = "must be an e-mail address";

	static final String REQUIRED = "must be given";

	static final String NOT_A_CHOSEN_TOPIC = "must also be one of the topics chosen";

	/**
	 * Deliberately loose: one @, no blanks, a dot in the domain; the mail server decides.
	 */
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private static final int EMAIL_MAX_LENGTH = 254;

	public Subscription {
		Objects.requireNonNull(chapterId, "chapterId");
		topics = topics.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Topic.class))
				: Collections.unmodifiableSet(EnumSet.copyOf(topics));
		states = Collections.unmodifiableSet(new TreeSet<>(states));
		digestTopics = (digestTopics == null || digestTopics.isEmpty())
				? Collections.unmodifiableSet(EnumSet.noneOf(Topic.class))
				: Collections.unmodifiableSet(EnumSet.copyOf(digestTopics));
	}

	public Subscription(String chapterId, Set<Topic> topics, Set<String> states, String email, Webhook webhook,
			boolean inbox) {
		this(chapterId, topics, states, email, webhook, inbox, Set.of());
	}

	/**
	 * What a new chapter hears of: everything, in its inbox and at its contact address,
	 * about its own state only, and no webhook until it sets one.
	 * @param contactEmail the chapter's contact address, if known
	 */
	public static Subscription defaultsFor(String chapterId, String contactEmail) {
		String email = (contactEmail != null && !contactEmail.isBlank()) ? contactEmail.strip() : null;
		return new Subscription(chapterId, EnumSet.allOf(Topic.class), Set.of(), email, null, true, Set.of());
	}

	/**
	 * The subscription a chapter asks for, replacing this one whole. The webhook keeps
	 * its secret while its URL stays the same; a new URL gets a new secret.
	 * @throws InvalidInputException naming every field at fault
	 */
	public Subscription change(SubscriptionChange change, WebhookAddresses addresses, SecureRandom random) {
		List<FieldError> errors = new ArrayList<>();
		Set<Topic> newTopics = EnumSet.noneOf(Topic.class);
		if (change.topics() == null) {
			errors.add(new FieldError("topics", REQUIRED + " (an empty list to hear of nothing)"));
		}
		else {
			for (int i = 0; i < change.topics().size(); i++) {
				Topic.named(change.topics().get(i))
					.ifPresentOrElse(newTopics::add, errorAt(errors, "topics[" + i + "]", UNKNOWN_TOPIC));
			}
		}
		Set<String> newStates = new TreeSet<>();
		List<String> states = (change.states() != null) ? change.states() : List.of();
		for (int i = 0; i < states.size(); i++) {
			UsState.fromCode(states.get(i))
				.ifPresentOrElse((state) -> newStates.add(state.code()),
						errorAt(errors, "states[" + i + "]", UsState.INVALID_MESSAGE));
		}
		String newEmail = (change.email() != null && !change.email().isBlank()) ? change.email().strip() : null;
		if (newEmail != null && (newEmail.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(newEmail).matches())) {
			errors.add(new FieldError("email", INVALID_EMAIL));
		}
		String url = (change.webhookUrl() != null && !change.webhookUrl().isBlank()) ? change.webhookUrl().strip()
				: null;
		if (url == null && change.webhookGiven()) {
			errors.add(new FieldError("webhook.url", REQUIRED + " (send no webhook to have none)"));
		}
		else if (url != null) {
			addresses.problemWith(url).ifPresent((problem) -> errors.add(new FieldError("webhook.url", problem)));
		}
		if (change.inbox() == null) {
			errors.add(new FieldError("inbox", REQUIRED));
		}
		Set<Topic> newDigestTopics = EnumSet.noneOf(Topic.class);
		List<String> digest = (change.digestTopics() != null) ? change.digestTopics() : List.of();
		for (int i = 0; i < digest.size(); i++) {
			String field = "digestTopics[" + i + "]";
			Topic.named(digest.get(i)).ifPresentOrElse((topic) -> {
				if (change.topics() != null && !newTopics.contains(topic)) {
					errors.add(new FieldError(field, NOT_A_CHOSEN_TOPIC));
				}
				newDigestTopics.add(topic);
			}, errorAt(errors, field, UNKNOWN_TOPIC));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Webhook newWebhook = null;
		if (url != null) {
			newWebhook = (this.webhook != null && this.webhook.url().equals(url)) ? this.webhook
					: Webhook.at(url, random);
			if (Boolean.TRUE.equals(change.webhookEnabled()) && !newWebhook.enabled()) {
				newWebhook = newWebhook.reenabled();
			}
		}
		return new Subscription(this.chapterId, newTopics, newStates, newEmail, newWebhook, change.inbox(),
				newDigestTopics);
	}

	private static Runnable errorAt(List<FieldError> errors, String field, String message) {
		return () -> errors.add(new FieldError(field, message));
	}

	/** Whether the inbox receives what is notified under a topic. */
	public boolean wantsInInbox(Topic topic) {
		return this.inbox && this.topics.contains(topic);
	}

	/** Whether e-mail tells of each event under a topic as it happens. */
	public boolean wantsEmailNow(Topic topic) {
		return this.email != null && this.topics.contains(topic) && !this.digestTopics.contains(topic);
	}

	/** Whether e-mail tells of the events under a topic in one daily digest. */
	public boolean wantsInDigest(Topic topic) {
		return this.email != null && this.topics.contains(topic) && this.digestTopics.contains(topic);
	}

	/** Whether the webhook receives the events under a topic. */
	public boolean wantsByWebhook(Topic topic) {
		return this.webhook != null && this.webhook.enabled() && this.topics.contains(topic);
	}

	public Subscription withWebhook(Webhook newWebhook) {
		return new Subscription(this.chapterId, this.topics, this.states, this.email, newWebhook, this.inbox,
				this.digestTopics);
	}

	/**
	 * Whether a change gave the webhook a new secret, which the chapter is then shown
	 * once.
	 */
	public boolean hasNewWebhookSecretSince(Subscription before) {
		return this.webhook != null
				&& (before.webhook == null || !before.webhook.secret().equals(this.webhook.secret()));
	}

	@Override
	public String toString() {
		return "Subscription[chapterId=" + this.chapterId + ", topics=" + this.topics + ", states=" + this.states
				+ ", inbox=" + this.inbox + ", digestTopics=" + this.digestTopics + ", webhook="
				+ ((this.webhook == null) ? "none" : (this.webhook.enabled() ? "enabled" : "disabled")) + "]";
	}

}
