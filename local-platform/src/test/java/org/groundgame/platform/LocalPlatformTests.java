package org.groundgame.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the platform refuses before starting anything; starting it for real is the
 * end-to-end tests' job.
 */
class LocalPlatformTests {

	@TempDir
	Path repository;

	private final List<String> output = new CopyOnWriteArrayList<>();

	@Test
	void missingServiceJarsAreNamedWithTheCommandThatBuildsThem() throws IOException {
		Files.createDirectories(this.repository.resolve("gateway/target"));
		Files.writeString(this.repository.resolve("gateway/target/gateway.jar"), "");

		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> LocalPlatform.start(settings().withFreePorts()))
			.withMessageStartingWith("Missing endorsement-service/target/endorsement-service.jar, "
					+ "volunteer-service/target/volunteer-service.jar, "
					+ "campaign-training-service/target/campaign-training-service.jar, "
					+ "notification-service/target/notification-service.jar, "
					+ "identity-service/target/identity-service.jar under ")
			.withMessageContaining("./mvnw -DskipTests package");
	}

	@Test
	void aPortInUseIsNamedBeforeAnythingStarts() throws IOException {
		createJars();
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getByName(PortCheck.LOOPBACK), 0));
			Settings settings = settings().withFreePorts().withPort(Service.VOLUNTEER, taken.getLocalPort());

			assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
				.withMessage("Port " + taken.getLocalPort()
						+ " is already in use, and volunteer-service needs it: stop whatever uses it, "
						+ "or choose another port with --volunteer-port");
		}
		assertThat(this.output).isEmpty();
		assertThat(this.repository.resolve(".ground-game/kafka")).doesNotExist();
	}

	@Test
	void oneDataFolderServesOnePlatformAtATime() throws IOException {
		createJars();
		Path data = this.repository.resolve(".ground-game");
		Files.createDirectories(data);
		try (var channel = java.nio.channels.FileChannel.open(data.resolve("platform.lock"),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
				var lock = channel.lock()) {

			assertThatExceptionOfType(PlatformStartException.class)
				.isThrownBy(() -> LocalPlatform.start(settings().withFreePorts()))
				.withMessage("Another local platform is running with its data in " + data
						+ ": stop it first (Ctrl-C), or choose another folder with --data-dir");
		}
	}

	@Test
	void aServiceThatDiesWhileStartingStopsEverythingAndShowsTheEndOfItsLog() throws IOException {
		createJars();
		Settings settings = settings().withFreePorts().withDemoData(false);

		assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
			.withMessageContaining(" exited with code 1 while starting: see ")
			.withMessageContaining("The last lines of ")
			.withMessageContaining("  | ==== ")
			.withMessageContaining("jarfile");
		// Everything was stopped and released: the next attempt fails the same way.
		assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
			.withMessageContaining(" exited with code 1 while starting");
	}

	@Test
	void theNotificationServiceIsToldToSendItsMailToTheMailCatcher() throws IOException {
		createJars();
		Settings settings = settings().withFreePorts().withDemoData(false);

		assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings));

		String started = this.output.stream()
			.filter((line) -> line.startsWith("Mail catcher (GreenMail SMTP, in-process) at 127.0.0.1:"))
			.findFirst()
			.orElseThrow();
		String smtpPort = started
			.replaceFirst("^Mail catcher \\(GreenMail SMTP, in-process\\) at 127\\.0\\.0\\.1:([0-9]+);.*$", "$1");
		String log = Files.readString(settings.logDirectory().resolve("notification-service.log"));
		assertThat(log).contains(" --spring.mail.host=127.0.0.1 --spring.mail.port=" + smtpPort + " ");
		assertThat(started).contains("; the mail it keeps at http://127.0.0.1:");
		// Webhook secrets are encrypted with the platform's own key, which the log masks.
		PlatformCredentials.WebhookEncryption encryption = PlatformCredentials
			.load(settings.dataDirectory(), (name) -> null)
			.webhookEncryption();
		assertThat(log).contains(" --groundgame.notification.webhooks.encryption.password=***** ")
			.contains(" --groundgame.notification.webhooks.encryption.salt=" + encryption.salt())
			.doesNotContain(encryption.password());
		// So are they and the private signing keys with the platform's key-encryption
		// key, made once and kept in the data folder.
		String kek = PlatformCredentials.load(settings.dataDirectory(), (name) -> null).keyEncryptionKey();
		assertThat(java.util.Base64.getDecoder().decode(kek)).hasSize(32);
		assertThat(log).contains(" --groundgame.secrets.kek=***** ").doesNotContain(kek);
	}

	private Settings settings() {
		return Settings.defaults(this.repository).withOutput(this.output::add);
	}

	private void createJars() throws IOException {
		for (Service service : Service.values()) {
			Path jar = service.jar(this.repository);
			Files.createDirectories(jar.getParent());
			Files.writeString(jar, "");
		}
	}

}
