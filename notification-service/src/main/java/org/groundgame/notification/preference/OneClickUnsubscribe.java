package org.groundgame.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * The capability in a message's one-click unsubscribe address (RFC 8058): it lets whoever
 * holds it leave one topic (or, from a transactional message, e-mail altogether) of one
 * person's preferences, and nothing else. Written
 * {@code <preferencesId>.<TOPIC or ALL>.<signature>}, the signature being HMAC-SHA256,
 * keyed with the person's own preferences token, over the id and the topic: so it cannot
 * be made or altered without that token (which only the person's e-mails carry, and the
 * store keeps sealed), and it dies with the token when the person is erased. It is
 * narrower than the preferences token on purpose: mail providers fetch this address and
 * it travels in a header, where it may be logged.
 *
 * @param preferencesId whose preferences
 * @param topic the topic to leave, or {@code null} to stop e-mail altogether
 */
record OneClickUnsubscribe(String preferencesId, EmailTopic topic) {

	static final String ALL = "ALL";

	private static final Pattern FORM = Pattern.compile("([A-Za-z0-9_-]{8,64})\\.([A-Z]{1,32})\\.([A-Za-z0-9_-]{43})");

	public OneClickUnsubscribe {
		Objects.requireNonNull(preferencesId, "preferencesId");
		if (topic != null && !topic.isChoosable()) {
			throw new IllegalArgumentException("Transactional messages are not a topic to leave");
		}
	}

	/**
	 * What the one-click address of a message of the topic unsubscribes from: the topic,
	 * or for a transactional message (not a topic to leave) e-mail altogether.
	 */
	public static OneClickUnsubscribe from(String preferencesId, EmailTopic topic) {
		return new OneClickUnsubscribe(preferencesId, topic.isChoosable() ? topic : null);
	}

	/**
	 * The token, signed with the person's preferences token.
	 */
	public String token(String preferencesToken) {
		return this.preferencesId + "." + target() + "." + signature(preferencesToken, this.preferencesId, target());
	}

	/**
	 * What a token claims, before it is checked: the id to look the preferences up by,
	 * and the topic.
	 * @return empty when the token is not of the form at all
	 */
	public static Optional<Claim> read(String token) {
		if (token == null) {
			return Optional.empty();
		}
		var matcher = FORM.matcher(token.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String target = matcher.group(2);
		EmailTopic topic = null;
		if (!ALL.equals(target)) {
			Optional<EmailTopic> named = EmailTopic.choosable(target);
			if (named.isEmpty()) {
				return Optional.empty();
			}
			topic = named.get();
		}
		return Optional.of(new Claim(new OneClickUnsubscribe(matcher.group(1), topic), matcher.group(3)));
	}

	private String target() {
		return (this.topic != null) ? this.topic.name() : ALL;
	}

	private static String signature(String preferencesToken, String preferencesId, String target) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(preferencesToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac
				.doFinal(("one-click-unsubscribe:" + preferencesId + ":" + target).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	/**
	 * A token as read, whose signature is still to be checked against the person's
	 * preferences token.
	 */
	record Claim(OneClickUnsubscribe unsubscribe, String signature) {

		/**
		 * Whether the signature is the one the person's token makes, in constant time.
		 */
		public boolean isSignedWith(String preferencesToken) {
			String expected = OneClickUnsubscribe.signature(preferencesToken, this.unsubscribe.preferencesId(),
					this.unsubscribe.target());
			return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					this.signature.getBytes(StandardCharsets.US_ASCII));
		}

		@Override
		public String toString() {
			return "Claim[" + this.unsubscribe + "]";
		}

	}

}
