package org.groundgame.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PortCheckTests {

	private final Settings settings = Settings.defaults(Path.of("/src/ground-game"));

	@Test
	void aTakenPortIsNamedWithWhatNeedsItAndTheOptionThatMovesIt() {
		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(this.settings, (port) -> port != 8080))
			.withMessage("Port 8080 is already in use, and the gateway needs it: stop whatever uses it, "
					+ "or choose another port with --gateway-port");
		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(this.settings, (port) -> port != 9092))
			.withMessage("Port 9092 is already in use, and the Kafka broker needs it: stop whatever uses it, "
					+ "or choose another port with --kafka-port");
		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(this.settings, (port) -> port != 27017))
			.withMessageStartingWith("Port 27017 is already in use, and the MongoDB-wire store needs it");
		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(this.settings, (port) -> port != 8084))
			.withMessageStartingWith("Port 8084 is already in use, and notification-service needs it")
			.withMessageEndingWith("--notification-port");
		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(this.settings, (port) -> port != 2525))
			.withMessage("Port 2525 is already in use, and the mail catcher (SMTP) needs it: stop whatever uses it, "
					+ "or choose another port with --smtp-port");
		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(this.settings, (port) -> port != 8025))
			.withMessageStartingWith("Port 8025 is already in use, and the mailbox page needs it")
			.withMessageEndingWith("--mailbox-port");
	}

	@Test
	void aPortAskedForTwiceIsRefused() {
		Settings clash = this.settings.withPort(Service.GATEWAY, 9092);

		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> PortCheck.requireFree(clash, (port) -> true))
			.withMessage("Port 9092 is asked for twice, by the Kafka broker and by the gateway: "
					+ "choose another one with --gateway-port");
	}

	@Test
	void freePortsAreNotChecked() {
		assertThatNoException()
			.isThrownBy(() -> PortCheck.requireFree(this.settings.withFreePorts(), (port) -> port == 0));
	}

	@Test
	void aPortSomebodyListensOnIsNotAvailable() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(PortCheck.LOOPBACK), 0));

			assertThat(PortCheck.isAvailable(socket.getLocalPort())).isFalse();
		}
		assertThat(PortCheck.isAvailable(PortCheck.freePort())).isTrue();
	}

}
