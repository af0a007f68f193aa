package org.groundgame.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A chart with a mistake Helm renders without a word is refused by the validation: each
 * test breaks a copy of the chart (or its values) the way a hurried edit would, and the
 * reading names the field at fault. Kubernetes itself would have dropped most of these
 * silently (unknown fields) or refused the whole release at install.
 */
class BrokenChartTests {

	@TempDir
	Path copy;

	@Test
	void aMisspelledFieldInATemplateIsRefused() {
		HelmChart chart = HelmChart.copiedTo(this.copy);
		chart.edit("templates/deployment.yaml", "          readinessProbe:", "          readynessProbe:");

		assertThat(catchThrowable(() -> chart.render("values.yaml"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("apps/v1/Deployment ground-game-")
			.hasMessageContaining("readynessProbe");
	}

	@Test
	void aMisspelledFieldInTheValuesThatATemplateCopiesIsRefused() throws IOException {
		HelmChart chart = HelmChart.copiedTo(this.copy);
		// The security context is copied from the values as it is (toYaml): Filesystem,
		// not FileSystem.
		Files.writeString(chart.file("values-typo.yaml"), """
				securityContext:
				  readOnlyRootFileSystem: true
				""");

		assertThat(catchThrowable(() -> chart.render("values-typo.yaml"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("readOnlyRootFileSystem");
	}

	@Test
	void aValueOfTheWrongTypeIsRefused() {
		assertThat(catchThrowable(() -> HelmChart.ours().render("values.yaml", Map.of("replicas", "two"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("apps/v1/Deployment")
			.hasMessageContaining("replicas");
	}

	@Test
	void aMisspelledFieldOfAStrimziResourceIsRefused() {
		HelmChart chart = HelmChart.copiedTo(this.copy);
		chart.edit("templates/strimzi.yaml", "kraftMetadata: shared", "kraftMetaData: shared");

		assertThat(catchThrowable(() -> chart.render("values-production.yaml")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("kafka.strimzi.io/v1/KafkaNodePool")
			.hasMessageContaining("kraftMetaData");
	}

	@Test
	void aMisspelledFieldOfTheServiceMonitorIsRefused() {
		HelmChart chart = HelmChart.copiedTo(this.copy);
		chart.edit("templates/servicemonitor.yaml", "scrapeTimeout:", "scrapeTimout:");

		assertThat(catchThrowable(() -> chart.render("values-production.yaml")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("monitoring.coreos.com/v1/ServiceMonitor")
			.hasMessageContaining("scrapeTimout");
	}

	@Test
	void aMisspelledOrMistypedFieldOfTheMongodbReplicaSetIsRefusedByTheOperatorsSchema() {
		HelmChart chart = HelmChart.copiedTo(this.copy);
		chart.edit("templates/mongodbcommunity.yaml", "scramCredentialsSecretName:", "scramCredentialSecretName:");
		chart.edit("templates/mongodbcommunity.yaml", "members: {{ $m.members }}", "members: {{ $m.members | quote }}");

		assertThat(catchThrowable(() -> chart.render("values-production.yaml")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("MongoDBCommunity ground-game-mongodb")
			.hasMessageContaining("spec.users[0].scramCredentialSecretName: unknown field")
			.hasMessageContaining("spec.members: an integer expected");
	}

	@Test
	void aKindTheValidationDoesNotKnowIsRefusedRatherThanSkipped() throws IOException {
		HelmChart chart = HelmChart.copiedTo(this.copy);
		Files.writeString(chart.file("templates/extra.yaml"), """
				apiVersion: v1
				kind: ConfigMap
				metadata:
				  name: extra
				data:
				  a: b
				""");

		assertThat(catchThrowable(() -> chart.render("values.yaml"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("v1/ConfigMap extra: a kind the validation does not know");
	}

}
