package org.groundgame.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher and {@code docker-compose.yml} configure each service the way the service
 * reads its configuration: the same ports, the gateway's setting names, the broker and
 * the store. A service that changes its port or a setting's name fails here, not on a
 * developer's machine.
 */
class PlatformConfigurationTests {

	private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

	@Test
	void everyServiceListensWhereTheLauncherAndComposeExpectIt() throws IOException {
		for (Service service : Service.values()) {
			Map<String, Object> application = applicationYaml(service);

			assertThat(at(application, "server.port")).as(service + "'s server.port").isEqualTo(service.defaultPort());
			assertThat(environment(service)).as(service + " in docker-compose.yml")
				.containsEntry("SERVER_PORT", service.defaultPort())
				.containsEntry("SERVER_ADDRESS", "0.0.0.0");
		}
	}

	@Test
	void theGatewayFindsEachServiceUnderTheSettingTheLauncherAndComposeSet() throws IOException {
		Map<String, Object> gateway = applicationYaml(Service.GATEWAY);
		Map<String, Object> environment = environment(Service.GATEWAY);
		for (Service service : List.of(Service.ENDORSEMENT, Service.VOLUNTEER, Service.CAMPAIGN_TRAINING,
				Service.NOTIFICATION)) {
			String property = service.gatewayProperty();

			assertThat(at(gateway, property)).as(property).isEqualTo("http://127.0.0.1:" + service.defaultPort());
			String variable = property.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
			assertThat(environment).as("the gateway's environment in docker-compose.yml")
				.containsEntry(variable, "http://" + service.moduleName() + ":" + service.defaultPort());
		}
	}

	@Test
	void theGatewayFindsTheSitesPagesAndThePagesFindEachServiceUnderTheSettingsComposeSets() throws IOException {
		assertThat(at(applicationYaml(Service.GATEWAY), Service.WEB.gatewayProperty()))
			.isEqualTo("http://127.0.0.1:" + Service.WEB.defaultPort());
		assertThat(environment(Service.GATEWAY)).containsEntry("GROUNDGAME_GATEWAY_SERVICES_WEB",
				"http://web:" + Service.WEB.defaultPort());
		Map<String, Object> web = applicationYaml(Service.WEB);
		Map<String, Object> environment = environment(Service.WEB);
		for (Service service : List.of(Service.ENDORSEMENT, Service.VOLUNTEER, Service.CAMPAIGN_TRAINING,
				Service.NOTIFICATION)) {
			String property = "groundgame.web.services." + service.gatewayKey();

			assertThat(at(web, property)).as(property).isEqualTo("http://127.0.0.1:" + service.defaultPort());
			String variable = property.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
			assertThat(environment).as("the web module's environment in docker-compose.yml")
				.containsEntry(variable, "http://" + service.moduleName() + ":" + service.defaultPort());
		}
	}

	@Test
	void composeBuildsEachServiceFromItsModuleOnTheRealBrokerAndStore() throws IOException {
		Map<String, Object> services = compose("services");
		for (Service service : Service.values()) {
			Map<String, Object> definition = map(services.get(service.moduleName()));

			assertThat(at(definition, "build.args.MODULE")).isEqualTo(service.moduleName());
			assertThat(at(definition, "healthcheck.test").toString()).contains("/actuator/health/readiness");
			assertThat(at(definition, "deploy.resources.limits.memory")).isNotNull();
			if (service != Service.GATEWAY && service != Service.WEB) {
				assertThat(environment(service)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
					.containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017");
				assertThat(at(definition, "depends_on.kafka.condition")).isEqualTo("service_healthy");
				assertThat(at(definition, "depends_on.mongo.condition")).isEqualTo("service_healthy");
			}
		}
		assertThat(at(map(services.get("kafka")), "image")).isEqualTo("apache/kafka:4.1.2");
		assertThat(at(map(services.get("mongo")), "image")).isEqualTo("mongo:8.0");
	}

	/** The gateway's instances share their rate limits' buckets on the store. */
	@Test
	void composeGivesTheGatewayTheStoreForItsRateLimits() throws IOException {
		Map<String, Object> gateway = map(compose("services").get(Service.GATEWAY.moduleName()));

		assertThat(environment(Service.GATEWAY)).containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017");
		assertThat(at(gateway, "depends_on.mongo.condition")).isEqualTo("service_healthy");
	}

	/**
	 * Every service seals and opens the per-person keys of the personal data in its
	 * events with the key-encryption key, so compose gives it to each (and refuses to
	 * start without one); the gateway and the web pages, which handle no events, have
	 * none.
	 */
	@Test
	void everyServiceHoldsTheKeyEncryptionKeyAndTheGatewayNone() throws IOException {
		for (Service service : Service.values()) {
			Map<String, Object> environment = environment(service);
			if (service == Service.GATEWAY || service == Service.WEB) {
				assertThat(environment).doesNotContainKeys("GROUNDGAME_SECRETS_KEK", "GROUNDGAME_SECRETS_PREVIOUSKEKS");
			}
			else {
				assertThat(environment).as(service + " in docker-compose.yml")
					.containsEntry("GROUNDGAME_SECRETS_PREVIOUSKEKS", "${GROUNDGAME_SECRETS_PREVIOUS_KEKS:-}");
				assertThat(environment.get("GROUNDGAME_SECRETS_KEK")).as(service + "'s key-encryption key")
					.asString()
					.startsWith("${GROUNDGAME_SECRETS_KEK:?");
			}
		}
	}

	@Test
	void onlyTheGatewayAndTheMailboxArePublishedAndOnlyOnLoopback() throws IOException {
		Map<String, Object> services = compose("services");

		// Besides them, only the observability profile's Prometheus and Grafana, which an
		// operator opens on the same machine.
		services.forEach(
				(name, definition) -> assertThat(map(definition).containsKey("ports")).as(name + " publishes ports")
					.isEqualTo(List.of("gateway", "mailpit", "prometheus", "grafana").contains(name)));
		assertThat(at(map(services.get("gateway")), "ports")).isEqualTo(List.of("127.0.0.1:8080:8080"));
		assertThat(at(map(services.get("mailpit")), "ports"))
			.isEqualTo(List.of("127.0.0.1:" + Settings.DEFAULT_MAILBOX_PORT + ":8025"));
		assertThat(at(map(services.get("prometheus")), "ports")).isEqualTo(List.of("127.0.0.1:9090:9090"));
		assertThat(at(map(services.get("prometheus")), "profiles")).isEqualTo(List.of("observability"));
		assertThat(at(map(services.get("grafana")), "ports")).isEqualTo(List.of("127.0.0.1:3000:3000"));
		assertThat(at(map(services.get("grafana")), "profiles")).isEqualTo(List.of("observability"));
	}

	@Test
	void theNotificationServiceSendsItsMailToTheMailCatcherOnceItIsHealthy() throws IOException {
		Map<String, Object> mailpit = map(compose("services").get("mailpit"));
		Map<String, Object> notification = map(compose("services").get(Service.NOTIFICATION.moduleName()));

		assertThat(at(mailpit, "image").toString()).startsWith("axllent/mailpit:");
		assertThat(at(mailpit, "healthcheck.test")).isNotNull();
		assertThat(at(mailpit, "deploy.resources.limits.memory")).isNotNull();
		assertThat(environment(Service.NOTIFICATION)).containsEntry("SPRING_MAIL_HOST", "mailpit")
			.containsEntry("SPRING_MAIL_PORT", 1025);
		assertThat(at(notification, "depends_on.mailpit.condition")).isEqualTo("service_healthy");
	}

	/**
	 * {@code docker-compose.cluster.yml} lays the cluster's shape over the file above:
	 * three Kafka nodes in one quorum, each with its own data, three replicas of every
	 * topic and two in sync for a write; a second instance of every service, configured
	 * as the first, on all three brokers; the gateway balancing over both.
	 */
	@Test
	void theClusterShapeRunsThreeKafkaNodesAndTwoInstancesOfEveryServiceBehindTheGateway() throws IOException {
		Map<String, Object> cluster = map(read(REPOSITORY.resolve("docker-compose.cluster.yml")).get("services"));
		List<String> nodes = List.of("kafka", "kafka-2", "kafka-3");
		for (int i = 0; i < nodes.size(); i++) {
			Map<String, Object> node = map(cluster.get(nodes.get(i)));
			Map<String, Object> environment = map(node.get("environment"));
			assertThat(environment).as(nodes.get(i))
				.containsEntry("KAFKA_NODE_ID", i + 1)
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
				.containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + nodes.get(i) + ":9092")
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3);
			if (i > 0) {
				assertThat(at(node, "extends.service")).isEqualTo("kafka");
				assertThat(at(node, "volumes").toString()).contains(nodes.get(i) + "-data:/var/lib/kafka/data");
			}
		}
		Map<String, Object> gateway = map(at(map(cluster.get("gateway")), "environment"));
		for (Service service : Service.values()) {
			if (service == Service.GATEWAY) {
				continue;
			}
			String twin = service.moduleName() + "-2";
			Map<String, Object> second = map(cluster.get(twin));
			assertThat(at(second, "extends.file")).as(twin).isEqualTo("docker-compose.yml");
			assertThat(at(second, "extends.service")).as(twin).isEqualTo(service.moduleName());
			if (service != Service.WEB) {
				for (Object instance : List.of(cluster.get(service.moduleName()), second)) {
					assertThat(at(map(instance), "environment.SPRING_KAFKA_BOOTSTRAP_SERVERS"))
						.isEqualTo("kafka:9092,kafka-2:9092,kafka-3:9092");
					assertThat(at(map(instance), "depends_on.kafka-3.condition")).isEqualTo("service_healthy");
				}
			}
			String variable = service.gatewayProperty().toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
			String port = ":" + service.defaultPort();
			assertThat(gateway).containsEntry(variable,
					"http://" + service.moduleName() + port + ",http://" + twin + port);
			assertThat(at(map(cluster.get("gateway")), "depends_on." + twin + ".condition"))
				.isEqualTo("service_healthy");
		}
		cluster.forEach((name, definition) -> assertThat(map(definition)).as(name + " publishes ports")
			.doesNotContainKey("ports"));
	}

	private static Map<String, Object> environment(Service service) throws IOException {
		return map(at(map(compose("services").get(service.moduleName())), "environment"));
	}

	private static Map<String, Object> compose(String key) throws IOException {
		return map(read(REPOSITORY.resolve("docker-compose.yml")).get(key));
	}

	private static Map<String, Object> applicationYaml(Service service) throws IOException {
		Path resources = REPOSITORY.resolve(service.moduleName()).resolve("src/main/resources");
		Path yaml = Files.exists(resources.resolve("application.yml")) ? resources.resolve("application.yml")
				: resources.resolve("application.yaml");
		return read(yaml);
	}

	private static Map<String, Object> read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

	/** A value by its dotted path, e.g. {@code server.port}; {@code null} if absent. */
	private static Object at(Map<String, Object> yaml, String path) {
		Object value = yaml;
		for (String key : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(key);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

}
