package org.groundgame.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrape configurations and rules as Prometheus itself reads them: promtool (Debian's
 * {@code prometheus} package, which {@code ./test.sh} installs when it is missing) checks
 * both configurations and every rule file, and runs the rules' unit tests, each alert
 * shown firing and not firing.
 */
class PrometheusRulesTests {

	private static final Path FOLDER = Path.of("").toAbsolutePath();

	private final ObservabilityFolder observability = ObservabilityFolder.at(FOLDER);

	@Test
	void bothScrapeConfigurationsAndTheRulesTheyLoadAreValid() throws Exception {
		for (String configuration : List.of("prometheus/prometheus.yml", "prometheus/prometheus-local.yml")) {
			promtool("check", "config", configuration);
		}
	}

	@Test
	void everyRuleFileIsValid() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("check", "rules"));
		this.observability.ruleFiles().forEach((file) -> arguments.add(FOLDER.relativize(file).toString()));

		assertThat(this.observability.ruleFiles()).isNotEmpty();
		promtool(arguments.toArray(String[]::new));
	}

	@Test
	void theRulesPassTheirUnitTests() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("test", "rules"));
		this.observability.ruleTestFiles().forEach((file) -> arguments.add(FOLDER.relativize(file).toString()));

		assertThat(this.observability.ruleTestFiles()).isNotEmpty();
		promtool(arguments.toArray(String[]::new));
	}

	@Test
	void everyAlertHasATestThatFiresItAndOneThatDoesNot() throws Exception {
		Set<String> alerts = new TreeSet<>();
		this.observability.rules()
			.stream()
			.filter((rule) -> rule.alert() != null)
			.forEach((rule) -> alerts.add(rule.alert()));
		String tests = String.join("\n",
				this.observability.ruleTestFiles().stream().map(PrometheusRulesTests::read).toList());

		assertThat(alerts).isNotEmpty().allSatisfy((alert) -> {
			assertThat(tests).as("a test of " + alert + " that expects it to fire")
				.containsPattern("alertname: " + alert + "\\s+exp_alerts:\\s*\\n\\s+- exp_labels");
			assertThat(tests).as("a test of " + alert + " that expects silence")
				.containsPattern("alertname: " + alert + "\\s+exp_alerts: \\[]");
		});
	}

	@Test
	void theRecordedSeriesThatAlertsReadAreRecorded() {
		Set<String> recorded = this.observability.recordedNames();
		this.observability.rules()
			.forEach((rule) -> PromQl.metricNames(rule.expression())
				.stream()
				.filter((name) -> name.contains(":"))
				.forEach((name) -> assertThat(recorded).as(rule.alert() + rule.record() + " reads " + name)
					.contains(name)));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Runs promtool (from the PATH) in this folder and fails, with its output, unless it
	 * succeeds.
	 */
	private static void promtool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add("promtool");
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new AssertionError("No promtool on the PATH: install Debian's prometheus package (./test.sh does)",
					ex);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ended").isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + " answered\n" + output).isZero();
	}

}
