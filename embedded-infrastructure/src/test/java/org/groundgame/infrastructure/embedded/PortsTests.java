package org.groundgame.infrastructure.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void aFreePortIsBelowTheRangeOfOutgoingConnectionsAndCanBeListenedOn() throws IOException {
		int low = Ports.ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
		Set<Integer> chosen = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			int port = Ports.free();
			assertThat(port).isBetween(Ports.LOWEST_CHOSEN, low - 1);
			try (ServerSocket server = new ServerSocket()) {
				server.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), port));
				assertThat(server.getLocalPort()).isEqualTo(port);
			}
			chosen.add(port);
		}
		// Chosen at random, not the same port each time.
		assertThat(chosen).hasSizeGreaterThan(1);
	}

	@Test
	void aPortSomeoneListensOnIsNotChosen() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), Ports.free()));

			assertThat(Ports.available(taken.getLocalPort())).isFalse();
			for (int i = 0; i < 50; i++) {
				assertThat(Ports.free()).isNotEqualTo(taken.getLocalPort());
			}
		}
	}

	@Test
	void theEphemeralRangeIsReadFromTheSystemElseTheLinuxDefault(@TempDir Path directory) throws IOException {
		Path range = directory.resolve("ip_local_port_range");

		Files.writeString(range, "40000\t60999\n");
		assertThat(Ports.ephemeralLow(range)).isEqualTo(40000);

		// A range that leaves no room below it, unreadable, or missing: the default.
		Files.writeString(range, "1024\t65535\n");
		assertThat(Ports.ephemeralLow(range)).isEqualTo(Ports.DEFAULT_EPHEMERAL_LOW);
		Files.writeString(range, "not a range");
		assertThat(Ports.ephemeralLow(range)).isEqualTo(Ports.DEFAULT_EPHEMERAL_LOW);
		assertThat(Ports.ephemeralLow(directory.resolve("missing"))).isEqualTo(Ports.DEFAULT_EPHEMERAL_LOW);
	}

}
