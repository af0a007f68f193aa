package org.groundgame.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.events.Topics;
import org.groundgame.observability.ObservabilityFolder;
import org.groundgame.platform.DemoData;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code observability/} folder reads only what the applications really export: after
 * the demo data and a little more traffic (an RSVP to the demo phone bank, a request that
 * fails), every application's {@code /actuator/prometheus} is scraped the way Prometheus
 * scrapes it (no token), and every metric name that a recording or alert rule or a
 * Grafana panel or variable reads is among the names scraped. The scrapes are kept under
 * {@code target/scrapes/} for whoever writes the next rule.
 */
@ExtendWith(RunningPlatform.class)
class ObservabilityMetricsTests {

	private static final Path OBSERVABILITY = Path.of(System.getProperty("groundgame.repository", ".."))
		.resolve("observability");

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final LocalPlatform platform;

	private final Gateway gateway;

	ObservabilityMetricsTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void everyMetricTheRulesAndDashboardsReadIsExportedByTheApplications() {
		causeTraffic();
		ObservabilityFolder folder = ObservabilityFolder.at(OBSERVABILITY);
		Map<String, Set<String>> readByFile = folder.applicationMetricsReadByFile();

		// The delivery counters and the dead letters come a little later: wait for them.
		AtomicReference<Map<Service, String>> scrapes = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			scrapes.set(scrapeAll());
			assertThat(missing(readByFile, exportedNames(scrapes.get())))
				.as("metric names read but not exported, by file")
				.isEmpty();
			// DeadLetterTopicGrowing counts what the bindings hand to their dead-letter
			// topics: the poison record, in every consumer of the volunteer topic.
			assertThat(scrapes.get()).as("the consumers that dead-lettered the record")
				.hasEntrySatisfying(Service.ENDORSEMENT, ObservabilityMetricsTests::deadLetteredAVolunteerRecord)
				.hasEntrySatisfying(Service.CAMPAIGN_TRAINING, ObservabilityMetricsTests::deadLetteredAVolunteerRecord)
				.hasEntrySatisfying(Service.NOTIFICATION, ObservabilityMetricsTests::deadLetteredAVolunteerRecord);
		});
		assertThat(scrapes.get().keySet()).as("the applications that answered the scrape")
			.containsExactlyInAnyOrder(Service.values());
		assertThat(readByFile.keySet()).as("the rule files and dashboards")
			.contains("prometheus/rules/alerts.yml", "grafana/dashboards/platform.json",
					"grafana/dashboards/business.json");
	}

	/**
	 * Requests that leave their mark on the business meters: the demo data's nominations,
	 * endorsement and deliveries are there from the start; an RSVP to the demo phone
	 * bank, an application to the demo cohort, a request answered 404 and a record that
	 * is no event add the rest. Each made here rather than counted on from earlier tests:
	 * another test class may have restarted a service (GatewayDegradationTests stops
	 * campaign-training-service), and a restarted service starts its counters afresh.
	 */
	private void causeTraffic() {
		DemoData.Seeded seeded = this.platform.demoData().orElseThrow();
		String endorsementId = this.gateway.asStaff()
			.get("/api/nominations/" + seeded.endorsedNominationId())
			.json(200)
			.path("endorsementId")
			.asString();
		JsonNode phoneBank = this.gateway.anonymous()
			.get("/api/opportunities?state=MO&type=PHONE_BANK&endorsementId=" + endorsementId)
			.json(200)
			.path("content")
			.get(0);
		String shiftId = phoneBank.path("shifts").get(0).path("id").asString();
		this.gateway.anonymous()
			.post("/api/shifts/" + shiftId + "/rsvps",
					Map.of("name", "Metric Rsvp", "email", "metrics-" + UUID.randomUUID() + "@example.org", "phone",
							"(314) 555-0100", "consent", Map.of("email", false, "sms", false)))
			.json(202);
		Map<String, Object> application = new HashMap<>();
		application.put("name", "Metric Applicant");
		application.put("email", "metrics-" + UUID.randomUUID() + "@example.org");
		application.put("state", "MO");
		application.put("chapterId", seeded.chapterIds().values().iterator().next());
		application.put("plansToRun", true);
		application.put("office", "State Representative");
		// One answer to each of the cohort's reflection questions, as its page asks.
		List<String> answers = new ArrayList<>();
		this.gateway.anonymous()
			.get("/api/training/cohorts/" + seeded.cohortId())
			.json(200)
			.path("reflectionQuestions")
			.forEach((question) -> answers.add("A fictional answer of the observability test."));
		application.put("answers", answers);
		this.gateway.anonymous()
			.post("/api/training/cohorts/" + seeded.cohortId() + "/applications", application)
			.json(202);
		assertThat(this.gateway.anonymous().get("/api/nominations/" + UUID.randomUUID()).status()).isIn(401, 404);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.platform.kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.VOLUNTEER, "observability-" + UUID.randomUUID(), "no event"))
				.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not take the record", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Map<Service, String> scrapeAll() {
		Map<Service, String> scrapes = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			String body = scrape(this.platform.uri(service).resolve("/actuator/prometheus"));
			keep(service, body);
			scrapes.put(service, body);
		}
		return scrapes;
	}

	private static String scrape(URI uri) {
		try {
			var response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					BodyHandlers.ofString());
			assertThat(response.statusCode()).as("the status of " + uri).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void deadLetteredAVolunteerRecord(String scrape) {
		assertThat(scrape).containsPattern("(?m)^spring_integration_send_seconds_count\\{[^}]*"
				+ "name=\"[^\"]*\\.volunteerEvents-in-0\\.errors\\.bridge\"[^}]*} [1-9]");
	}

	/** The names of the samples of a scrape in Prometheus's text format. */
	static Set<String> metricNames(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach((line) -> {
			int end = 0;
			while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
				end++;
			}
			names.add(line.substring(0, end));
		});
		return names;
	}

	private static Set<String> exportedNames(Map<Service, String> scrapes) {
		Set<String> all = new TreeSet<>();
		scrapes.values().forEach((scrape) -> all.addAll(metricNames(scrape)));
		return all;
	}

	private static Map<String, Set<String>> missing(Map<String, Set<String>> readByFile, Set<String> exported) {
		Map<String, Set<String>> missing = new TreeMap<>();
		readByFile.forEach((file, names) -> {
			Set<String> absent = new TreeSet<>(names);
			absent.removeAll(exported);
			if (!absent.isEmpty()) {
				missing.put(file, absent);
			}
		});
		return missing;
	}

	private static void keep(Service service, String scrape) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "scrapes"));
			Files.writeString(directory.resolve(service.moduleName() + ".prom"), scrape);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
