package org.groundgame.notification.subscription.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which webhook URLs a chapter may set: absolute http(s) URLs whose host is not this
 * machine or a private network. A webhook is a request the platform makes on a chapter's
 * behalf; pointed inward it would reach what only the platform should (server-side
 * request forgery).
 * <p>
 * Only what the URL itself says is checked, without any DNS lookup: literal IP addresses
 * (IPv4 in the canonical dotted form only, IPv6 in brackets) and {@code localhost} (with
 * its subdomains). A host name is accepted here; what it resolves to can change after the
 * subscription is stored (DNS rebinding), so the delivery itself must check the address
 * it connects to (the webhook channel, to come). Other numeric forms that resolvers read
 * as IPv4 ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}) are refused as
 * ambiguous rather than interpreted.
 */
public final class WebhookAddresses {

	static final String NOT_HTTP = "must be an absolute http or https URL";

	static final String INWARD = "must not point at a loopback, private, link-local or unspecified address";

	static final String AMBIGUOUS = "must name a host or an IPv4 address in the dotted form a.b.c.d";

	/**
	 * A host whose last label is a number is an IPv4 address to a URL parser (WHATWG).
	 */
	private static final Pattern NUMBER = Pattern.compile("(?i)^([0-9]+|0x[0-9a-f]*)$");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$");

	private final boolean allowLoopback;

	/**
	 * @param allowLoopback whether loopback addresses ({@code localhost},
	 * {@code 127.0.0.0/8}, {@code ::1}) are allowed, for trying webhooks out on one
	 * machine; private, link-local and unspecified addresses never are
	 */
	public WebhookAddresses(boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/** What is wrong with a URL as a webhook endpoint, if anything. */
	public Optional<String> problemWith(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return Optional.of(NOT_HTTP);
		}
		String scheme = uri.getScheme();
		String host = uri.getHost();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || host == null
				|| host.isEmpty()) {
			return Optional.of(NOT_HTTP);
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return this.allowLoopback ? Optional.empty() : Optional.of(INWARD);
		}
		if (host.startsWith("[")) {
			return addressProblem(literal(host.substring(1, host.length() - 1)));
		}
		if (NUMBER.matcher(host.substring(host.lastIndexOf('.') + 1)).matches()) {
			return DOTTED_QUAD.matcher(host).matches() ? addressProblem(literal(host)) : Optional.of(AMBIGUOUS);
		}
		return Optional.empty();
	}

	private Optional<String> addressProblem(InetAddress address) {
		if (address == null) {
			return Optional.of(NOT_HTTP);
		}
		if (address.isLoopbackAddress()) {
			return this.allowLoopback ? Optional.empty() : Optional.of(INWARD);
		}
		return isInward(address) ? Optional.of(INWARD) : Optional.empty();
	}

	/**
	 * Private (RFC 1918, and IPv6 unique local {@code fc00::/7}), link-local, unspecified
	 * ({@code 0.0.0.0/8}, {@code ::}) or, for IPv6, the deprecated site-local range.
	 */
	static boolean isInward(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean thisNetwork = bytes.length == 4 && bytes[0] == 0;
		return address.isAnyLocalAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| uniqueLocal || thisNetwork;
	}

	/**
	 * A literal address: {@link InetAddress#getByName} does no lookup for one.
	 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) come back as the IPv4 address
	 * they map.
	 */
	private static InetAddress literal(String host) {
		if (host.isEmpty() || !host.matches("[0-9a-fA-F:.%]+")) {
			return null;
		}
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
