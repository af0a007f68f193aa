package org.groundgame.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvedAddressesTests {

	private final ResolvedAddresses strict = new ResolvedAddresses(false);

	private final ResolvedAddresses allowingLoopback = new ResolvedAddresses(true);

	@ParameterizedTest
	@ValueSource(strings = { "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "0.0.0.0",
			"100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250", "255.255.255.255", "::", "fc00::1",
			"fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "::10.0.0.1" })
	void refusesInwardAddressesEvenWhenLoopbackIsAllowed(String address) throws UnknownHostException {
		assertThat(this.strict.problemWith(InetAddress.getByName(address))).isPresent();
		assertThat(this.allowingLoopback.problemWith(InetAddress.getByName(address))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1" })
	void refusesLoopbackUnlessAllowed(String address) throws UnknownHostException {
		assertThat(this.strict.problemWith(InetAddress.getByName(address)))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("loopback"));
		assertThat(this.allowingLoopback.problemWith(InetAddress.getByName(address))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
			"2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888" })
	void acceptsPublicAddresses(String address) throws UnknownHostException {
		assertThat(this.strict.problemWith(InetAddress.getByName(address))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14,10.0.0.1", "10.0.0.1,93.184.215.14" })
	void refusesAHostWithAnyInwardAddressAmongPublicOnes(String addresses) throws UnknownHostException {
		String[] parts = addresses.split(",");
		assertThat(this.strict.problemWith(InetAddress.getByName(parts[0]), InetAddress.getByName(parts[1])))
			.isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.1.2.3", "[::1]", "[fe80::1]", "127.0.0.1" })
	void readsLiteralAddressesWithoutALookup(String host) {
		assertThat(ResolvedAddresses.literal(host)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "hooks.example.org", "localhost", "a1.example" })
	void takesNamesForNamesNotLiterals(String host) {
		assertThat(ResolvedAddresses.literal(host)).isEmpty();
	}

}
