package org.groundgame.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.groundgame.platform.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos suite: the whole platform in the cluster's shape (three Kafka nodes, each its
 * own process, two instances of every service behind the gateway), a sustained stream of
 * nominations through the gateway, and {@code kill -9} of Kafka nodes and service
 * instances in the middle of it. Every acknowledged nomination has exactly its effects: 0
 * lost, 0 duplicated.
 * <p>
 * CI runs {@code chaos.nominations} 600 (the pom's default); a full run is
 * {@code ./mvnw -pl chaos-tests -am verify -Dchaos.nominations=50000} (100,000 events and
 * more), with the fault cycle repeated every 5,000 nominations.
 */
class ChaosTests {

	private static final int CYCLE = 5000;

	private static LocalPlatform platform;

	@BeforeAll
	static void startTheClusterShape() throws IOException {
		Path repository = Path.of(System.getProperty("groundgame.repository", "..")).toAbsolutePath().normalize();
		Path data = Path.of(System.getProperty("groundgame.platform-data", "target/platform-data"))
			.toAbsolutePath()
			.normalize();
		LocalPlatform.emptyDataDirectoryExceptPidFiles(data);
		platform = LocalPlatform.start(Settings.defaults(repository)
			.withDataDirectory(data)
			.withFreePorts()
			.withCluster(true)
			.withDemoData(false)
			.withStartupTimeout(Duration.ofMinutes(8))
			.withStopTimeout(Duration.ofSeconds(15))
			.withOutput((line) -> System.out.println("[platform] " + line)));
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void everyAcknowledgedNominationHasExactlyItsEffectsWhileKafkaNodesAndServiceInstancesAreKilled() throws Exception {
		int nominations = Integer.getInteger("chaos.nominations", 600);
		int concurrency = Integer.getInteger("chaos.concurrency", 6);
		List<Fault> faults = new ArrayList<>();
		for (int cycle = 0; cycle < Math.max(1, nominations / CYCLE); cycle++) {
			faults.add(Fault.kafkaNode(1 + cycle % 3));
			faults.add(Fault.instance(Service.ENDORSEMENT, 1 + cycle % 2));
			faults.add(Fault.instance(Service.NOTIFICATION, 2 - cycle % 2));
			faults.add(Fault.duringRebalance(Service.NOTIFICATION));
		}

		Report report = new ChaosRun(platform, nominations, concurrency, faults).execute();

		String table = report.table();
		System.out.println("[chaos] " + table.replace("\n", "\n[chaos] "));
		Files.writeString(Path.of(System.getProperty("chaos.report", "target/chaos-report.md")), table);
		assertThat(report.faults()).hasSameSizeAs(faults);
		assertThat(report.lost()).as("acknowledged nominations missing an effect").isEmpty();
		assertThat(report.duplicated()).as("nominations with an effect twice").isEmpty();
		// The platform acknowledges nominations again after every fault: it recovered.
		assertThat(report.faults())
			.allSatisfy((fault) -> assertThat(fault.acknowledgedAfter()).as(fault.name()).isPositive());
		// Each acknowledged nomination made two events (its submission, the
		// questionnaire's link).
		assertThat(report.events()).isGreaterThanOrEqualTo(2 * report.acknowledged());
	}

}
