package org.groundgame.notification.rule;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * What a notification says, whatever the channel: a one-line title and a body, and for an
 * e-mail to someone who must act, the link to act on.
 *
 * @param link what the recipient is asked to open, or {@code null}; only e-mail shows it
 * (the inbox and digests keep title and body alone)
 */
public record Notice(String title, String body, Link link) {

	public Notice {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
	}

	public Notice(String title, String body) {
		this(title, body, null);
	}

	/**
	 * A link in an e-mail: its label and where it goes, an {@code http} or {@code https}
	 * address (nothing a mail client would run). The address may be a secret (a private
	 * link), so it is never part of {@link #toString()}.
	 *
	 * @param label the words of the button, e.g. {@code Answer the questionnaire}
	 * @param url where it goes
	 */
	public record Link(String label, String url) {

		public Link {
			Objects.requireNonNull(label, "label");
			if (!isWebAddress(url)) {
				throw new IllegalArgumentException("A link must be an http or https address");
			}
		}

		/** Whether an address is an absolute {@code http} or {@code https} URL. */
		public static boolean isWebAddress(String url) {
			if (url == null || url.isBlank()) {
				return false;
			}
			try {
				URI uri = new URI(url.strip());
				String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
				return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
			}
			catch (java.net.URISyntaxException ex) {
				return false;
			}
		}

		@Override
		public String toString() {
			return "Link[label=" + this.label + "]";
		}

	}

}
