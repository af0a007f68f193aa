package org.groundgame.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ServiceProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(3);

	@TempDir
	Path directory;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

	private ServiceProcess process;

	@AfterEach
	void stop() {
		if (this.process != null) {
			this.process.close(Duration.ofSeconds(5));
		}
		this.scheduler.shutdownNow();
	}

	@Test
	void aSupervisedProcessKilledLikeKillMinusNineIsRestartedAndSaysSo() {
		this.process = fake();
		this.process.start(true);
		this.process.awaitReady(TIMEOUT);
		this.process.supervise();
		long firstPid = this.process.pid();

		this.process.kill();

		this.process.awaitReady(TIMEOUT);
		assertThat(this.process.pid()).isNotEqualTo(firstPid);
		assertThat(this.process.restarts()).isOne();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.output).anySatisfy((line) -> assertThat(line).startsWith(
					"endorsement-service (pid " + firstPid + ") exited unexpectedly with code 137: restarting it")));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.output).anySatisfy(
					(line) -> assertThat(line).startsWith("endorsement-service is back: restarted and ready in")));
	}

	/**
	 * A deadlocked JVM neither exits nor answers: the supervisor takes it for dead once
	 * its liveness probe has gone unanswered for the liveness timeout, rather than
	 * waiting on it forever, says so, leaves its thread dump in its log and restarts it.
	 */
	@Test
	void aSupervisedProcessThatStopsAnsweringItsLivenessProbeIsTakenForDeadAndRestarted() throws IOException {
		Path hang = this.directory.resolve("hang");
		this.process = fake("--hang-when", hang.toString());
		this.process.start(true);
		this.process.awaitReady(TIMEOUT);
		this.process.supervise();
		long hungPid = this.process.pid();

		Files.writeString(hang, "");

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.output).anySatisfy((line) -> assertThat(line)
				.startsWith("endorsement-service (pid " + hungPid + ") has not answered its liveness probe "
						+ "(/actuator/health/liveness) for ")
				.endsWith(": taking it for dead, killing it and restarting it (its threads are dumped in "
						+ this.process.logFile() + ")")));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.output).anySatisfy((line) -> assertThat(line)
				.startsWith("endorsement-service (pid " + hungPid + "), taken for dead, was killed: restarting it")));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.output).anySatisfy(
					(line) -> assertThat(line).startsWith("endorsement-service is back: restarted and ready in")));
		assertThat(this.process.pid()).isNotEqualTo(hungPid);
		assertThat(ProcessHandle.of(hungPid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(this.process.restarts()).isOne();
		assertThat(this.process.isReady()).isTrue();
		String log = Files.readString(this.process.logFile());
		assertThat(log).contains("The fake service hangs")
			.contains("==== ")
			.contains(" has not answered its liveness probe")
			// The JVM's own thread dump, asked for before it was killed.
			.contains("Full thread dump");
		// The liveness probe went silent for at least the timeout before it was taken
		// for dead: the message says for how long.
		String taken = this.output.stream()
			.filter((line) -> line.contains(" has not answered its liveness probe "))
			.findFirst()
			.orElseThrow();
		long silentSeconds = Long.parseLong(taken.replaceFirst(".* for ([0-9]+) s: .*", "$1"));
		assertThat(silentSeconds).isGreaterThanOrEqualTo(LIVENESS_TIMEOUT.toSeconds());
	}

	@Test
	void aStoppedProcessStaysDown() {
		this.process = fake();
		this.process.start(true);
		this.process.awaitReady(TIMEOUT);
		this.process.supervise();

		this.process.stop(Duration.ofSeconds(10));

		assertThat(this.process.isAlive()).isFalse();
		assertThat(this.process.isReady()).isFalse();
		assertThat(this.process.restarts()).isZero();
		assertThatExceptionOfType(ServiceProcess.ExitedException.class)
			.isThrownBy(() -> this.process.awaitReady(Duration.ofSeconds(1)));
	}

	@Test
	void aProcessThatDiesWhileStartingIsReportedWithItsExitCodeAndLog() {
		this.process = fake("--fail");
		this.process.start(true);

		assertThatExceptionOfType(ServiceProcess.ExitedException.class)
			.isThrownBy(() -> this.process.awaitReady(TIMEOUT))
			.withMessageStartingWith("endorsement-service exited with code 3 while starting: see ");
		assertThat(this.process.logTail(5)).last()
			.isEqualTo("APPLICATION FAILED TO START: the fake service was told to fail");
		assertThat(this.process.logTail(5).get(0)).startsWith("==== endorsement-service starting at ");
	}

	@Test
	void anotherProcessAnsweringOnThePortIsNotTakenForTheService() throws IOException {
		HttpServer impostor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		impostor.createContext("/actuator", (exchange) -> {
			byte[] body = "{\"status\":\"UP\",\"process\":{\"pid\":1}}".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		impostor.start();
		try {
			int port = impostor.getAddress().getPort();
			this.process = new ServiceProcess(Service.ENDORSEMENT, port, FakeService.command(port, "--hang"),
					this.directory, this.directory.resolve("logs/endorsement-service.log"),
					this.directory.resolve("pids/endorsement.pid"), TIMEOUT, LIVENESS_TIMEOUT, this.output::add,
					this.scheduler);
			this.process.start(true);

			assertThat(this.process.isReady()).isFalse();
			assertThatExceptionOfType(PlatformStartException.class)
				.isThrownBy(() -> this.process.awaitReady(Duration.ofSeconds(1)))
				.withMessageStartingWith("endorsement-service was not ready within 1 s");
		}
		finally {
			impostor.stop(0);
		}
	}

	@Test
	void aProcessThatKeepsFailingSoonAfterStartingIsGivenUpWithTheEndOfItsLog() {
		this.process = fake();
		this.process.start(true);
		this.process.awaitReady(TIMEOUT);
		this.process.supervise();

		for (int failure = 1; failure < ServiceProcess.MAX_QUICK_FAILURES; failure++) {
			int restarts = failure;
			this.process.kill();
			await().atMost(TIMEOUT).until(() -> this.process.restarts() == restarts && this.process.isAlive());
		}
		this.process.kill();

		await().atMost(TIMEOUT)
			.untilAsserted(
					() -> assertThat(this.output).anySatisfy((line) -> assertThat(line)
						.contains("exited unexpectedly with code 137, the " + ServiceProcess.MAX_QUICK_FAILURES
								+ " times in a row within a minute of starting: not restarting it again")
						.contains("  | ")));
		assertThat(this.process.isAlive()).isFalse();
		assertThat(this.process.restarts()).isEqualTo(ServiceProcess.MAX_QUICK_FAILURES - 1);
	}

	@Test
	void restartsComeAtOnceAfterAFirstCrashAndSlowerWhileItKeepsCrashing() {
		assertThat(ServiceProcess.restartDelay(1)).isZero();
		assertThat(ServiceProcess.restartDelay(2)).hasSeconds(1);
		assertThat(ServiceProcess.restartDelay(3)).hasSeconds(2);
		assertThat(ServiceProcess.restartDelay(5)).hasSeconds(8);
		assertThat(ServiceProcess.restartDelay(7)).hasSeconds(30);
		assertThat(ServiceProcess.restartDelay(50)).hasSeconds(30);
	}

	private ServiceProcess fake(String... extra) {
		int port = PortCheck.freePort();
		return new ServiceProcess(Service.ENDORSEMENT, port, FakeService.command(port, extra), this.directory,
				this.directory.resolve("logs/endorsement-service.log"), this.directory.resolve("pids/endorsement.pid"),
				TIMEOUT, LIVENESS_TIMEOUT, this.output::add, this.scheduler);
	}

	@Test
	void theLoggedCommandLineHidesSecrets() {
		String logged = ServiceProcess.redacted(java.util.List.of("java", "-jar", "identity-service.jar",
				"--groundgame.identity.clients[0].secret=s3cr3t-value", "--groundgame.identity.users[0].password=pa55",
				"--server.port=8085"));

		assertThat(logged).doesNotContain("s3cr3t-value")
			.doesNotContain("pa55")
			.contains("--groundgame.identity.users[0].password=*****")
			.contains("--groundgame.identity.clients[0].secret=*****")
			.contains("--server.port=8085");
	}

}
