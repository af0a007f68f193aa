package org.groundgame.observability;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards as Grafana provisions them: the current schema, one uid each, every
 * panel on the dashboard's Prometheus variable with queries that read metrics, and every
 * recorded series they read recorded by the rules. (That the applications export every
 * other name they read is ObservabilityMetricsTests' job, in end-to-end-tests, with the
 * same parsing.)
 */
class GrafanaDashboardsTests {

	/** The last schema version of Grafana's classic dashboard model (Grafana 12). */
	private static final int SCHEMA_VERSION = 42;

	private final ObservabilityFolder observability = ObservabilityFolder.at(Path.of("").toAbsolutePath());

	@Test
	void thereAreThePlatformsAndTheBusinessDashboards() {
		assertThat(this.observability.dashboards()).extracting((path) -> path.getFileName().toString())
			.containsExactlyInAnyOrder("platform.json", "business.json");
	}

	@Test
	void eachDashboardIsOfTheCurrentSchemaWithItsOwnUid() {
		Set<String> uids = new HashSet<>();
		for (Path file : this.observability.dashboards()) {
			JsonNode dashboard = this.observability.dashboard(file);
			assertThat(dashboard.path("schemaVersion").asInt()).as(file + " schemaVersion").isEqualTo(SCHEMA_VERSION);
			assertThat(dashboard.path("title").asString()).as(file + " title").isNotBlank();
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid, unique").isTrue();
			assertThat(dashboard.path("templating").path("list").valueStream())
				.as(file + " has the datasource variable")
				.anySatisfy((variable) -> {
					assertThat(variable.path("name").asString()).isEqualTo("datasource");
					assertThat(variable.path("type").asString()).isEqualTo("datasource");
					assertThat(variable.path("query").asString()).isEqualTo("prometheus");
				});
		}
	}

	@Test
	void everyPanelQueriesPrometheusThroughTheVariableAndReadsMetrics() {
		for (Path file : this.observability.dashboards()) {
			List<JsonNode> panels = this.observability.panels(file);
			assertThat(panels).as(file + " panels").isNotEmpty();
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : panels) {
				String where = file.getFileName() + " panel \"" + panel.path("title").asString() + "\"";
				assertThat(ids.add(panel.path("id").asInt())).as(where + " id, unique").isTrue();
				assertThat(panel.path("gridPos").path("w").asInt()).as(where + " width").isBetween(1, 24);
				if ("row".equals(panel.path("type").asString())) {
					continue;
				}
				assertThat(panel.path("datasource").path("uid").asString()).as(where + " datasource")
					.isEqualTo("${datasource}");
				assertThat(panel.path("targets").valueStream()).as(where + " targets")
					.isNotEmpty()
					.allSatisfy((target) -> {
						assertThat(target.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
						assertThat(PromQl.metricNames(target.path("expr").asString())).as(where + " reads a metric")
							.isNotEmpty();
					});
			}
		}
	}

	@Test
	void theRecordedSeriesTheDashboardsReadAreRecorded() {
		Set<String> recorded = this.observability.recordedNames();
		for (Path file : this.observability.dashboards()) {
			this.observability.queries(file)
				.forEach((query) -> assertThat(query.metricNames()).as(file.getFileName() + " " + query.where())
					.filteredOn((name) -> name.contains(":"))
					.allSatisfy((name) -> assertThat(recorded).contains(name)));
		}
	}

	@Test
	void grafanaIsProvisionedWithThePrometheusOfTheComposeProfileAndTheseDashboards() throws Exception {
		YAMLMapper yaml = YAMLMapper.builder().build();
		Path root = this.observability.root();
		JsonNode datasources = yaml.readTree(root.resolve("grafana/provisioning/datasources/prometheus.yml").toFile());
		JsonNode providers = yaml.readTree(root.resolve("grafana/provisioning/dashboards/ground-game.yml").toFile());
		JsonNode compose = yaml.readTree(root.resolve("../docker-compose.yml").toFile());

		assertThat(datasources.path("datasources").get(0).path("type").asString()).isEqualTo("prometheus");
		assertThat(datasources.path("datasources").get(0).path("url").asString()).isEqualTo("http://prometheus:9090");
		String dashboardsPath = providers.path("providers").get(0).path("options").path("path").asString();
		assertThat(compose.path("services").path("grafana").path("volumes").valueStream().map(JsonNode::asString))
			.contains("./observability/grafana/dashboards:" + dashboardsPath + ":ro",
					"./observability/grafana/provisioning:/etc/grafana/provisioning:ro");
		assertThat(compose.path("services").path("prometheus").path("volumes").valueStream().map(JsonNode::asString))
			.contains("./observability/prometheus:/etc/prometheus:ro");
		for (String service : List.of("prometheus", "grafana")) {
			assertThat(compose.path("services").path(service).path("profiles").valueStream().map(JsonNode::asString))
				.as(service + "'s profiles")
				.containsExactly("observability");
			assertThat(compose.path("services").path(service).path("ports").valueStream().map(JsonNode::asString))
				.as(service + " published on loopback only")
				.allSatisfy((port) -> assertThat(port).startsWith("127.0.0.1:"));
		}
	}

}
