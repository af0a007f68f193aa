package org.groundgame.deploy;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The optional resources: Strimzi's Kafka, the MongoDB replica set and the
 * ServiceMonitor.
 */
class OperatorResourcesTests {

	private final RenderedObjects production = HelmChart.ours().render("values-production.yaml");

	@Test
	void kafkaIsThreeNodesThatAreBrokerAndControllerAtOnce() {
		Kafka kafka = this.production.one(Kafka.class, "ground-game-kafka");
		assertThat(this.production.all(KafkaNodePool.class)).singleElement().satisfies((pool) -> {
			assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
					kafka.getMetadata().getName());
			assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
			assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.BROKER,
					ProcessRoles.CONTROLLER);
		});
	}

	@Test
	void everyTopicIsReplicatedThreeTimesAndAWriteNeedsTwoInSync() {
		Map<String, Object> config = this.production.one(Kafka.class, "ground-game-kafka")
			.getSpec()
			.getKafka()
			.getConfig();

		assertThat(config).containsEntry("default.replication.factor", 3)
			.containsEntry("min.insync.replicas", 2)
			.containsEntry("offsets.topic.replication.factor", 3)
			.containsEntry("transaction.state.log.replication.factor", 3)
			.containsEntry("transaction.state.log.min.isr", 2);
		assertThat(this.production.all(KafkaTopic.class)).extracting((topic) -> topic.getSpec().getTopicName())
			.containsExactlyInAnyOrder("groundgame.endorsement.events", "groundgame.volunteer.events",
					"groundgame.training.events");
		assertThat(this.production.all(KafkaTopic.class)).allSatisfy((topic) -> {
			assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
			assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
			assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "ground-game-kafka");
		});
	}

	@Test
	void theServicesUseTheClustersBootstrapServiceWhichOnlyThePlatformsPodsReach() {
		Kafka kafka = this.production.one(Kafka.class, "ground-game-kafka");
		GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);

		assertThat(listener.getPort()).isEqualTo(9092);
		for (String service : Applications.SERVICES) {
			assertThat(DeploymentTests
				.env(DeploymentTests.container(this.production.one(Deployment.class, Applications.name(service)))))
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "ground-game-kafka-kafka-bootstrap:9092");
		}
		assertThat(listener.getNetworkPolicyPeers()).singleElement()
			.satisfies((peer) -> assertThat(this.production.all(Deployment.class))
				.allSatisfy((deployment) -> assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
					.containsAllEntriesOf(peer.getPodSelector().getMatchLabels())));
	}

	@Test
	void aReplicationThatCouldNotSurviveABrokerDownIsRefusedAtRendering() {
		assertThat(catchThrowable(
				() -> HelmChart.ours().template("values-production.yaml", Map.of("strimzi.minInsyncReplicas", 3))))
			.hasMessageContaining("strimzi.minInsyncReplicas must be below strimzi.replicationFactor");
		assertThat(catchThrowable(
				() -> HelmChart.ours().template("values-production.yaml", Map.of("strimzi.nodePool.replicas", 2))))
			.hasMessageContaining("strimzi.nodePool.replicas (2) is below strimzi.replicationFactor (3)");
	}

	@Test
	@SuppressWarnings("unchecked")
	void mongodbIsAReplicaSetOfThreeWithOneUserPerApplicationAllowedOnlyItsOwnDatabase() {
		GenericKubernetesResource mongodb = this.production.generic("MongoDBCommunity").get(0);
		Map<String, Object> spec = (Map<String, Object>) mongodb.getAdditionalProperties().get("spec");

		assertThat(spec).containsEntry("type", "ReplicaSet").containsEntry("members", 3);
		List<Map<String, Object>> users = (List<Map<String, Object>>) spec.get("users");
		assertThat(users).extracting((user) -> user.get("name"))
			.containsExactlyInAnyOrderElementsOf(Applications.DATABASES.keySet());
		for (Map<String, Object> user : users) {
			String application = (String) user.get("name");
			assertThat((List<Map<String, Object>>) user.get("roles"))
				.containsExactly(Map.of("name", "readWrite", "db", Applications.DATABASES.get(application)));
			// The application reads the connection string the operator writes for its own
			// user.
			SecretKeySelector uri = DeploymentTests
				.variable(this.production.one(Deployment.class, Applications.name(application)), "SPRING_MONGODB_URI")
				.getValueFrom()
				.getSecretKeyRef();
			assertThat(uri.getName()).isEqualTo(user.get("connectionStringSecretName"));
			assertThat(uri.getKey()).isEqualTo("connectionString.standard");
			assertThat(DeploymentTests
				.env(DeploymentTests.container(this.production.one(Deployment.class, Applications.name(application)))))
				.containsEntry("SPRING_MONGODB_DATABASE", Applications.DATABASES.get(application));
		}
	}

	@Test
	void withoutTheOperatorsTheConnectionsComeFromTheValuesAndTheNamedSecret() {
		RenderedObjects defaults = HelmChart.ours().render("values.yaml");

		assertThat(defaults.all(Kafka.class)).isEmpty();
		assertThat(defaults.generic("MongoDBCommunity")).isEmpty();
		for (String application : Applications.DATABASES.keySet()) {
			Deployment deployment = defaults.one(Deployment.class, Applications.name(application));
			SecretKeySelector uri = DeploymentTests.variable(deployment, "SPRING_MONGODB_URI")
				.getValueFrom()
				.getSecretKeyRef();
			assertThat(uri.getName()).isEqualTo("ground-game-mongodb");
			assertThat(uri.getKey()).isEqualTo("uri");
		}
		assertThat(DeploymentTests
			.env(DeploymentTests.container(defaults.one(Deployment.class, Applications.name("endorsement-service")))))
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
	}

	@Test
	void theServiceMonitorScrapesEveryApplicationsPrometheusEndpoint() {
		ServiceMonitor monitor = this.production.all(ServiceMonitor.class).get(0);

		assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getPort()).isEqualTo("http");
			assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
		});
		List<Service> scraped = this.production.all(Service.class)
			.stream()
			.filter((service) -> service.getMetadata()
				.getLabels()
				.entrySet()
				.containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()))
			.toList();
		assertThat(scraped).hasSize(Applications.PORTS.size())
			.allSatisfy((service) -> assertThat(service.getSpec().getPorts())
				.anySatisfy((port) -> assertThat(port.getName()).isEqualTo("http")));
	}

	@Test
	void theServiceMonitorIsRenderedOnlyBehindItsFlag() {
		assertThat(this.production.all(ServiceMonitor.class)).hasSize(1);
		assertThat(HelmChart.ours().render("values.yaml").all(ServiceMonitor.class)).isEmpty();
		assertThat(HelmChart.ours().render("values-minimal.yaml").all(ServiceMonitor.class)).isEmpty();
		assertThat(HelmChart.ours()
			.render("values.yaml", Map.of("serviceMonitor.enabled", true))
			.all(ServiceMonitor.class)).hasSize(1);
		assertThat(HelmChart.ours()
			.render("values-production.yaml", Map.of("serviceMonitor.enabled", false))
			.all(ServiceMonitor.class)).isEmpty();
	}

}
