package org.groundgame.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.jni.NativeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every values file of the chart lints clean and renders only objects their models accept
 * in full.
 */
class ChartRenderingTests {

	static final List<String> valuesFiles = HelmChart.VALUES_FILES;

	@Test
	void helmRunsFromThePlatformsJarOnTheClassPathNeverADownload() {
		// helm-java falls back to downloading the platform's jar when none is on the
		// class path; the build
		// forbids that fallback (com.marcnuri.jkube-helm.skipRemoteJar) and the jar must
		// be found here.
		assertThat(System.getProperty("com.marcnuri.jkube-helm.skipRemoteJar")).isEqualTo("true");
		NativeLibrary library = NativeLibrary.serviceProviderLibrary(getClass().getClassLoader());
		assertThat(library).isNotNull();
		assertThat(library.getClass().getProtectionDomain().getCodeSource().getLocation().getPath())
			.contains("/com/marcnuri/helm-java/");
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void lintsWithoutAWarning(String valuesFile, @TempDir Path work) {
		LintResult result = HelmChart.ours().lint(valuesFile, work);

		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages())
			.noneMatch((message) -> message.contains("[WARNING]") || message.contains("[ERROR]"));
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void everyRenderedObjectIsReadByItsModelWithNoFieldLeftOver(String valuesFile) throws IOException {
		String rendered = HelmChart.ours().template(valuesFile);
		// Kept for a reader: target/rendered/<values file>.
		Files.createDirectories(Path.of("target", "rendered"));
		Files.writeString(Path.of("target", "rendered", valuesFile), rendered);
		List<JsonNode> documents = HelmChart.documents(rendered);

		assertThat(documents).isNotEmpty();
		for (JsonNode document : documents) {
			assertThat(StrictModel.read(document)).isNotNull();
		}
	}

	@Test
	void theDefaultsRenderEachApplicationWithItsServiceBudgetAndPoliciesAndNoOperatorResource() {
		RenderedObjects rendered = HelmChart.ours().render("values.yaml");

		assertThat(rendered.kinds()).containsExactly("Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service");
	}

	@Test
	void productionAddsTheAutoscalersIngressServiceMonitorAndTheOperatorsResources() {
		RenderedObjects rendered = HelmChart.ours().render("values-production.yaml");

		assertThat(rendered.kinds()).containsExactly("Deployment", "HorizontalPodAutoscaler", "Ingress", "Kafka",
				"KafkaNodePool", "KafkaTopic", "MongoDBCommunity", "NetworkPolicy", "PodDisruptionBudget", "Service",
				"ServiceMonitor");
	}

	@Test
	void theMinimalShapeIsTheApplicationsAndTheirServicesAndPolicies() {
		RenderedObjects rendered = HelmChart.ours().render("values-minimal.yaml");

		assertThat(rendered.kinds()).containsExactly("Deployment", "NetworkPolicy", "Service");
	}

}
