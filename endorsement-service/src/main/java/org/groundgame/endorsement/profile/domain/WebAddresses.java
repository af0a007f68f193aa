package org.groundgame.endorsement.profile.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.groundgame.support.domain.FieldProblems;

/**
 * The checks every address on a profile passes, collecting each field at fault: absolute,
 * with a host, no credentials ({@code https://user:pass@…}), no blanks, at most
 * {@value #MAX_LENGTH} characters; http or https for links, https only for a photo (a
 * page served over https shows no image fetched in clear).
 */
final class WebAddresses {

	static final int MAX_LENGTH = 2000;

	static final int MAX_SOCIAL_LINKS = 10;

	private final FieldProblems problems = new FieldProblems();

	FieldProblems problems() {
		return this.problems;
	}

	/** An https address, or {@code null} for none. */
	String https(String field, String value) {
		return address(field, value, true);
	}

	/** An http or https address, or {@code null} for none. */
	String web(String field, String value) {
		return address(field, value, false);
	}

	void throwIfAny() {
		this.problems.throwIfAny();
	}

	private String address(String field, String value, boolean httpsOnly) {
		String link = this.problems.optional(field, value, MAX_LENGTH);
		if (link == null || link.length() > MAX_LENGTH) {
			return link;
		}
		String expected = httpsOnly ? "must be an https URL" : "must be an http or https URL";
		try {
			URI uri = new URI(link);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			boolean schemeAllowed = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
			if (!schemeAllowed || uri.getHost() == null || uri.getHost().isBlank()) {
				this.problems.add(field, expected);
			}
			else if (uri.getRawUserInfo() != null) {
				this.problems.add(field, "must not carry a user name or password");
			}
		}
		catch (URISyntaxException ex) {
			this.problems.add(field, expected);
		}
		return link;
	}

}
