package org.groundgame.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart as Helm sees it, run in-process by helm-java: linted and rendered with one of
 * its values files, the way {@code helm lint} and {@code helm template} would.
 */
final class HelmChart {

	static final Path CHART = Path.of("helm", "ground-game");

	static final String RELEASE = "ground-game";

	static final String NAMESPACE = "ground-game";

	/**
	 * The cluster the rendering is for (Helm's own default is far older than the chart's
	 * kubeVersion).
	 */
	static final String KUBE_VERSION = "1.33.0";

	/**
	 * The values files beside the chart's own values.yaml that the tests render (besides
	 * the defaults).
	 */
	static final List<String> VALUES_FILES = List.of("values.yaml", "values-production.yaml", "values-minimal.yaml");

	private static final YAMLMapper yaml = new YAMLMapper();

	private final Path directory;

	private HelmChart(Path directory) {
		this.directory = directory;
	}

	static HelmChart ours() {
		return new HelmChart(CHART);
	}

	/** A copy of the chart in {@code directory}, for a test that breaks it. */
	static HelmChart copiedTo(Path directory) {
		try (Stream<Path> files = Files.walk(CHART)) {
			for (Path file : files.toList()) {
				Path target = directory.resolve(CHART.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new HelmChart(directory);
	}

	Path file(String name) {
		return this.directory.resolve(name);
	}

	/**
	 * Replaces {@code original} by {@code replacement} in one file of the chart (which
	 * must contain it).
	 */
	void edit(String name, String original, String replacement) {
		try {
			String text = Files.readString(file(name));
			if (!text.contains(original)) {
				throw new IllegalArgumentException(name + " has no " + original);
			}
			Files.writeString(file(name), text.replace(original, replacement));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The YAML of every object Helm renders with the chart's defaults and then
	 * {@code valuesFile}.
	 */
	String template(String valuesFile) {
		return template(valuesFile, Map.of());
	}

	/**
	 * As {@link #template(String)}, with {@code --set} of each of {@code values} last.
	 */
	String template(String valuesFile, Map<String, Object> values) {
		TemplateCommand command = new Helm(this.directory).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION)
			.withValuesFile(file(valuesFile).toAbsolutePath());
		values.forEach(command::set);
		return command.call();
	}

	RenderedObjects render(String valuesFile, Map<String, Object> values) {
		return RenderedObjects.read(documents(template(valuesFile, values)));
	}

	/** Every object rendered with {@code valuesFile}, read strictly into its model. */
	RenderedObjects render(String valuesFile) {
		return RenderedObjects.read(documents(template(valuesFile)));
	}

	/**
	 * {@code helm lint --strict} of the chart with {@code valuesFile} over its defaults.
	 * helm-java's lint takes no values file, so the lint runs on a copy whose values.yaml
	 * is the two merged as Helm merges them (maps deeply, anything else replaced).
	 */
	LintResult lint(String valuesFile, Path workDirectory) {
		HelmChart copy = copiedTo(workDirectory);
		if (!valuesFile.equals("values.yaml")) {
			try {
				ObjectNode merged = (ObjectNode) yaml.readTree(file("values.yaml").toFile());
				merge(merged, (ObjectNode) yaml.readTree(file(valuesFile).toFile()));
				yaml.writeValue(copy.file("values.yaml").toFile(), merged);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new Helm(copy.directory).lint().strict().call();
	}

	private static void merge(ObjectNode base, ObjectNode override) {
		for (Iterator<Map.Entry<String, JsonNode>> fields = override.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode existing = base.get(field.getKey());
			if (existing instanceof ObjectNode existingObject
					&& field.getValue() instanceof ObjectNode overrideObject) {
				merge(existingObject, overrideObject);
			}
			else {
				base.set(field.getKey(), field.getValue());
			}
		}
	}

	static List<JsonNode> documents(String rendered) {
		List<JsonNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> iterator = yaml.readerFor(JsonNode.class).readValues(rendered)) {
			while (iterator.hasNext()) {
				JsonNode document = iterator.next();
				if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
					documents.add(document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

}
