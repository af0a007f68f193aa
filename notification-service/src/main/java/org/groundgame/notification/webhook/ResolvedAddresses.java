package org.groundgame.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook may connect to: public ones only. A webhook is a request the
 * platform makes on a chapter's behalf; pointed inward it would reach what only the
 * platform should (server-side request forgery), so the addresses a host resolves to are
 * checked at delivery time, not only the URL when it was stored (a name can be made to
 * resolve elsewhere later).
 * <p>
 * {@code WebhookAddresses} of the subscription domain checks the URL without DNS and
 * keeps its classification to itself; this one also covers multicast, carrier-grade NAT
 * and reserved ranges, and IPv4 addresses embedded in IPv6 ones.
 */
final class ResolvedAddresses {

	private final boolean allowLoopback;

	/**
	 * @param allowLoopback whether loopback addresses are allowed (trying webhooks out on
	 * one machine); every other inward address is refused regardless
	 */
	ResolvedAddresses(boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/**
	 * Why a host's addresses must not be connected to, if any of them must not: one bad
	 * address among good ones is refused too, as a resolver may pick any of them.
	 */
	Optional<String> problemWith(InetAddress... addresses) {
		if (addresses.length == 0) {
			return Optional.of("resolves to no address");
		}
		return Arrays.stream(addresses).map(this::problemWith).flatMap(Optional::stream).findFirst();
	}

	Optional<String> problemWith(InetAddress address) {
		return kindOf(address).filter((kind) -> !(this.allowLoopback && kind.equals(LOOPBACK)))
			.map((kind) -> address.getHostAddress() + " is a " + kind + " address");
	}

	private static final String LOOPBACK = "loopback";

	/** What kind of inward address this is, or empty for a public one. */
	static Optional<String> kindOf(InetAddress address) {
		if (address instanceof Inet6Address ipv6) {
			return kindOfIpv6(ipv6.getAddress());
		}
		return kindOfIpv4(address.getAddress());
	}

	private static Optional<String> kindOfIpv4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		if (b0 == 127) {
			return Optional.of(LOOPBACK);
		}
		if (b0 == 0) {
			return Optional.of("unspecified");
		}
		if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
			return Optional.of("private");
		}
		if (b0 == 169 && b1 == 254) {
			return Optional.of("link-local");
		}
		if (b0 == 100 && (b1 & 0xc0) == 64) {
			return Optional.of("carrier-grade NAT");
		}
		if (b0 >= 224 && b0 <= 239) {
			return Optional.of("multicast");
		}
		if (b0 >= 240) {
			return Optional.of("reserved");
		}
		if (b0 == 198 && (b1 & 0xfe) == 18) {
			return Optional.of("benchmarking");
		}
		if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
			return Optional.of("IETF protocol assignment");
		}
		return Optional.empty();
	}

	private static Optional<String> kindOfIpv6(byte[] a) {
		if (isZero(a, 0, 15)) {
			return Optional.of((a[15] == 1) ? LOOPBACK : (a[15] == 0) ? "unspecified" : "IPv4-compatible");
		}
		if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
			// IPv4-mapped (::ffff:a.b.c.d): Java usually hands these over as IPv4
			// already.
			return kindOfIpv4(Arrays.copyOfRange(a, 12, 16));
		}
		if (isZero(a, 0, 12)) {
			// IPv4-compatible (::a.b.c.d), deprecated
			return kindOfIpv4(Arrays.copyOfRange(a, 12, 16)).or(() -> Optional.of("IPv4-compatible"));
		}
		if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
				&& isZero(a, 4, 12)) {
			// NAT64 (64:ff9b::/96) reaches the IPv4 address it embeds.
			return kindOfIpv4(Arrays.copyOfRange(a, 12, 16));
		}
		if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
			// 6to4 (2002::/16) reaches the IPv4 address it embeds.
			return kindOfIpv4(Arrays.copyOfRange(a, 2, 6));
		}
		int b0 = a[0] & 0xff;
		if ((b0 & 0xfe) == 0xfc) {
			return Optional.of("unique local");
		}
		if (b0 == 0xfe && (a[1] & 0xc0) == 0x80) {
			return Optional.of("link-local");
		}
		if (b0 == 0xfe && (a[1] & 0xc0) == 0xc0) {
			return Optional.of("site-local");
		}
		if (b0 == 0xff) {
			return Optional.of("multicast");
		}
		return Optional.empty();
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A literal IP address as written in a URL's host ({@code [::1]} with its brackets),
	 * without any lookup, or empty when the host is a name.
	 */
	static Optional<InetAddress> literal(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		boolean ipv6 = bare.contains(":");
		boolean ipv4 = bare.matches("[0-9.]+");
		if (!ipv6 && !ipv4) {
			return Optional.empty();
		}
		try {
			// No lookup for a literal: InetAddress only parses it.
			return Optional.of(InetAddress.getByName(bare));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}
