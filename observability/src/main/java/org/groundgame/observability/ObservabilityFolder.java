package org.groundgame.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code observability/} folder as its tests read it: the Prometheus rule files under
 * {@code prometheus/rules/} and the Grafana dashboards under {@code grafana/dashboards/},
 * with the metric names each one reads. The names that a recording rule defines are the
 * folder's own, and those Prometheus writes itself for every target ({@code up}), not the
 * applications': both are left out of what the files read from the applications.
 */
public final class ObservabilityFolder {

	/** The series Prometheus writes for every scrape, whatever the target exports. */
	public static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds",
			"scrape_samples_scraped");

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private static final JsonMapper json = JsonMapper.shared();

	private final Path root;

	private ObservabilityFolder(Path root) {
		this.root = root;
	}

	/**
	 * The folder at this path.
	 * @param root the {@code observability} folder of a checkout
	 * @return the folder
	 */
	public static ObservabilityFolder at(Path root) {
		if (!Files.isDirectory(root.resolve("prometheus/rules"))) {
			throw new IllegalArgumentException(root + " has no prometheus/rules folder");
		}
		return new ObservabilityFolder(root);
	}

	public Path root() {
		return this.root;
	}

	public List<Path> ruleFiles() {
		return files(this.root.resolve("prometheus/rules"), ".yml");
	}

	public List<Path> ruleTestFiles() {
		return files(this.root.resolve("prometheus/tests"), ".yml");
	}

	public List<Path> dashboards() {
		return files(this.root.resolve("grafana/dashboards"), ".json");
	}

	/**
	 * Every rule of every rule file, in the files' order.
	 * @return the rules
	 */
	public List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		for (Path file : ruleFiles()) {
			JsonNode document = read(yaml, file);
			for (JsonNode group : document.path("groups")) {
				for (JsonNode rule : group.path("rules")) {
					rules.add(new Rule(file, group.path("name").asString(), rule.path("record").asString(null),
							rule.path("alert").asString(null), rule.path("expr").asString()));
				}
			}
		}
		return rules;
	}

	/**
	 * The series the recording rules define.
	 * @return their names
	 */
	public Set<String> recordedNames() {
		Set<String> names = new TreeSet<>();
		rules().stream().filter((rule) -> rule.record() != null).forEach((rule) -> names.add(rule.record()));
		return names;
	}

	/**
	 * What each rule file and dashboard reads from the applications: the metric names of
	 * every rule's expression, every panel's queries and every template variable's query,
	 * less the names the recording rules define and Prometheus's own series.
	 * @return the names each file reads, by the file's path relative to the folder
	 */
	public Map<String, Set<String>> applicationMetricsReadByFile() {
		Set<String> recorded = recordedNames();
		Map<String, Set<String>> read = new TreeMap<>();
		for (Rule rule : rules()) {
			Set<String> names = read.computeIfAbsent(relative(rule.file()), (key) -> new TreeSet<>());
			names.addAll(PromQl.metricNames(rule.expression()));
		}
		for (Path dashboard : dashboards()) {
			Set<String> names = read.computeIfAbsent(relative(dashboard), (key) -> new TreeSet<>());
			queries(dashboard).forEach((query) -> names.addAll(query.metricNames()));
		}
		read.values().forEach((names) -> {
			names.removeAll(recorded);
			names.removeAll(PROMETHEUS_SERIES);
		});
		return read;
	}

	/**
	 * Every query of a dashboard: each panel's targets (panels in rows included) and each
	 * template variable's query.
	 * @param dashboard the dashboard's JSON file
	 * @return the queries, with where they are
	 */
	public List<Query> queries(Path dashboard) {
		JsonNode document = read(json, dashboard);
		List<Query> queries = new ArrayList<>();
		collectPanelQueries(document.path("panels"), queries);
		for (JsonNode variable : document.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				JsonNode query = variable.path("query");
				String text = query.isObject() ? query.path("query").asString() : query.asString();
				queries.add(new Query("variable " + variable.path("name").asString(), text, true));
			}
		}
		return queries;
	}

	/**
	 * A dashboard's panels, those inside rows included.
	 * @param dashboard the dashboard's JSON file
	 * @return the panels' JSON
	 */
	public List<JsonNode> panels(Path dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		collectPanels(read(json, dashboard).path("panels"), panels);
		return panels;
	}

	/**
	 * A dashboard as JSON.
	 * @param dashboard the dashboard's file
	 * @return its JSON
	 */
	public JsonNode dashboard(Path dashboard) {
		return read(json, dashboard);
	}

	private static void collectPanels(JsonNode panels, List<JsonNode> into) {
		for (JsonNode panel : panels) {
			into.add(panel);
			collectPanels(panel.path("panels"), into);
		}
	}

	private static void collectPanelQueries(JsonNode panels, List<Query> into) {
		List<JsonNode> all = new ArrayList<>();
		collectPanels(panels, all);
		for (JsonNode panel : all) {
			for (JsonNode target : panel.path("targets")) {
				into.add(
						new Query("panel \"" + panel.path("title").asString() + "\" " + target.path("refId").asString(),
								target.path("expr").asString(), false));
			}
		}
	}

	private String relative(Path file) {
		return this.root.relativize(file).toString().replace('\\', '/');
	}

	private static JsonNode read(tools.jackson.databind.ObjectMapper mapper, Path file) {
		try {
			return mapper.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> files(Path directory, String suffix) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.list(directory)) {
			return paths.filter((path) -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One rule of a rule file.
	 *
	 * @param file the rule file
	 * @param group the rule group's name
	 * @param record the series a recording rule defines, or {@code null}
	 * @param alert the alert an alerting rule defines, or {@code null}
	 * @param expression its PromQL expression
	 */
	public record Rule(Path file, String group, String record, String alert, String expression) {
	}

	/**
	 * One query of a dashboard.
	 *
	 * @param where the panel's title and the target's refId, or the variable's name
	 * @param expression the query
	 * @param variable whether it is a template variable's query
	 */
	public record Query(String where, String expression, boolean variable) {

		public Set<String> metricNames() {
			return this.variable ? PromQl.metricNamesOfVariableQuery(this.expression)
					: PromQl.metricNames(this.expression);
		}

	}

}
