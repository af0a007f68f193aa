package org.groundgame.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each application's Deployment and Service, as every values file renders them. */
class DeploymentTests {

	static final List<String> valuesFiles = HelmChart.VALUES_FILES;

	/** Environment variables that carry a secret (or a URI that carries credentials). */
	private static final Pattern SECRET_VARIABLE = Pattern
		.compile(".*(SECRET|PASSWORD|KEK|SALT|USERNAME|MONGODB_URI).*");

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void eachApplicationListensOnItsPortBehindAServiceThatSelectsOnlyItsPods(String valuesFile) {
		RenderedObjects rendered = HelmChart.ours().render(valuesFile);

		assertThat(rendered.all(Deployment.class)).hasSize(Applications.PORTS.size());
		Applications.PORTS.forEach((application, port) -> {
			Deployment deployment = rendered.one(Deployment.class, Applications.name(application));
			Container container = container(deployment);
			assertThat(container.getPorts()).singleElement().satisfies((containerPort) -> {
				assertThat(containerPort.getName()).isEqualTo("http");
				assertThat(containerPort.getContainerPort()).isEqualTo(port);
			});
			assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(port))
				.containsEntry("SERVER_ADDRESS", "0.0.0.0");
			assertThat(container.getImage()).endsWith("/" + application + ":0.1.0");

			Service service = rendered.one(Service.class, Applications.name(application));
			ServicePort servicePort = service.getSpec().getPorts().get(0);
			assertThat(servicePort.getPort()).isEqualTo(port);
			assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo("http");
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
			// No other application's pods answer on this Service.
			rendered.all(Deployment.class)
				.stream()
				.filter((other) -> other != deployment)
				.forEach((other) -> assertThat(other.getSpec()
					.getTemplate()
					.getMetadata()
					.getLabels()
					.entrySet()
					.containsAll(service.getSpec().getSelector().entrySet())).as(other.getMetadata().getName())
					.isFalse());
		});
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void startupAndLivenessProbeTheLivenessGroupAndReadinessTheReadinessGroupOnTheApplicationsPort(String valuesFile) {
		RenderedObjects rendered = HelmChart.ours().render(valuesFile);

		for (Deployment deployment : rendered.all(Deployment.class)) {
			Container container = container(deployment);
			assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
			// A first start gets at least two minutes before liveness may restart it.
			Probe startup = container.getStartupProbe();
			assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isGreaterThanOrEqualTo(120);
		}
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void everyContainerRequestsCpuAndMemoryAndIsLimitedAboveWhatTheServicesWereMeasuredToUse(String valuesFile) {
		RenderedObjects rendered = HelmChart.ours().render(valuesFile);

		for (Deployment deployment : rendered.all(Deployment.class)) {
			Map<String, Quantity> requests = container(deployment).getResources().getRequests();
			Map<String, Quantity> limits = container(deployment).getResources().getLimits();
			assertThat(requests).as(deployment.getMetadata().getName()).containsKeys("cpu", "memory");
			assertThat(limits).as(deployment.getMetadata().getName()).containsKey("memory");
			long limit = Quantity.getAmountInBytes(limits.get("memory")).longValueExact();
			long request = Quantity.getAmountInBytes(requests.get("memory")).longValueExact();
			assertThat(limit).isGreaterThanOrEqualTo(request);
			// The heap is 75 % of the limit; the services were measured at up to 257 MB
			// resident each.
			assertThat(limit).isGreaterThan(257L * 1000 * 1000 * 4 / 3);
		}
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void everySecretIsReadFromASecretByReferenceAndNoneIsRenderedLiterally(String valuesFile) {
		RenderedObjects rendered = HelmChart.ours().render(valuesFile);

		assertThat(rendered.kinds()).doesNotContain("Secret", "ConfigMap");
		for (Deployment deployment : rendered.all(Deployment.class)) {
			for (EnvVar variable : container(deployment).getEnv()) {
				if (SECRET_VARIABLE.matcher(variable.getName()).matches()) {
					assertThat(variable.getValue()).as(variable.getName()).isNull();
					assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
				}
			}
		}
		assertThat(HelmChart.ours().template(valuesFile)).doesNotContainPattern("mongodb(\\+srv)?://")
			.doesNotContain("stringData");
	}

	@Test
	void theServicesShareTheKeyEncryptionKeyAndEachSecretComesFromTheNamedSecret() {
		RenderedObjects rendered = HelmChart.ours().render("values.yaml");

		for (String service : Applications.SERVICES) {
			EnvVar kek = variable(rendered.one(Deployment.class, Applications.name(service)), "GROUNDGAME_SECRETS_KEK");
			assertThat(kek.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ground-game");
			assertThat(kek.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("kek");
			assertThat(kek.getValueFrom().getSecretKeyRef().getOptional()).isNull();
		}
		EnvVar calendar = variable(rendered.one(Deployment.class, Applications.name("volunteer-service")),
				"GROUNDGAME_VOLUNTEER_CALENDAR_SECRET");
		assertThat(calendar.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("calendar-feed-secret");
		EnvVar console = variable(rendered.one(Deployment.class, Applications.name("web")),
				"GROUNDGAME_WEB_CONSOLE_CLIENTSECRET");
		EnvVar consoleClient = variable(rendered.one(Deployment.class, Applications.name("identity-service")),
				"GROUNDGAME_IDENTITY_CONSOLECLIENT_SECRET");
		assertThat(console.getValueFrom().getSecretKeyRef()).isEqualTo(consoleClient.getValueFrom().getSecretKeyRef());
		// The console's sessions are sealed with a key of web's own, never the
		// platform's.
		EnvVar sessions = variable(rendered.one(Deployment.class, Applications.name("web")),
				"GROUNDGAME_WEB_CONSOLE_SESSIONS_KEY");
		assertThat(sessions.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("console-session-key");
		assertThat(env(container(rendered.one(Deployment.class, Applications.name("web")))))
			.doesNotContainKey("GROUNDGAME_SECRETS_KEK");
	}

	@Test
	void smtpCredentialsComeFromTheirSecretWhenAServerIsSet() {
		RenderedObjects rendered = HelmChart.ours().render("values-production.yaml");

		for (String application : List.of("notification-service", "identity-service")) {
			Deployment deployment = rendered.one(Deployment.class, Applications.name(application));
			assertThat(env(container(deployment))).containsEntry("SPRING_MAIL_HOST", "smtp.example.org");
			assertThat(variable(deployment, "SPRING_MAIL_PASSWORD").getValueFrom().getSecretKeyRef().getName())
				.isEqualTo("ground-game-smtp");
		}
		assertThat(env(container(HelmChart.ours()
			.render("values.yaml")
			.one(Deployment.class, Applications.name("notification-service"))))).doesNotContainKey("SPRING_MAIL_HOST");
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void theGatewayAndWebCallTheApplicationsAtServicesThatExistOnTheirPorts(String valuesFile) {
		RenderedObjects rendered = HelmChart.ours().render(valuesFile);

		for (String caller : List.of("gateway", "web")) {
			Map<String, String> env = env(container(rendered.one(Deployment.class, Applications.name(caller))));
			List<String> urls = env.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().contains("_SERVICES_") || entry.getKey().endsWith("_IDENTITY")
						|| entry.getKey().endsWith("JWKSETURI"))
				.map(Map.Entry::getValue)
				.toList();
			assertThat(urls).hasSizeGreaterThanOrEqualTo(caller.equals("gateway") ? 7 : 5);
			for (String url : urls) {
				URI uri = URI.create(url);
				Service service = rendered.one(Service.class, uri.getHost());
				assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).contains(uri.getPort());
			}
		}
	}

	@Test
	void withoutAutoscalingEachApplicationRunsTwiceAndItsBudgetKeepsOneThroughADrain() {
		RenderedObjects rendered = HelmChart.ours().render("values.yaml");

		assertThat(rendered.all(HorizontalPodAutoscaler.class)).isEmpty();
		for (Deployment deployment : rendered.all(Deployment.class)) {
			int replicas = deployment.getSpec().getReplicas();
			assertThat(replicas).isEqualTo(2);
			assertBudgetAllowsADrainAndKeepsOne(rendered, deployment, replicas);
		}
	}

	@Test
	void withAutoscalingTheAutoscalerOwnsTheReplicasFromTwoToSixAndTheBudgetStillHolds() {
		RenderedObjects rendered = HelmChart.ours().render("values-production.yaml");

		for (Deployment deployment : rendered.all(Deployment.class)) {
			// A replica count in the Deployment would fight the autoscaler at every
			// upgrade.
			assertThat(deployment.getSpec().getReplicas()).isNull();
			HorizontalPodAutoscaler autoscaler = rendered.one(HorizontalPodAutoscaler.class,
					deployment.getMetadata().getName());
			assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(autoscaler.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
			assertThat(autoscaler.getSpec().getScaleTargetRef().getName())
				.isEqualTo(deployment.getMetadata().getName());
			assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
			assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(6);
			assertThat(autoscaler.getSpec().getMetrics()).singleElement()
				.satisfies((metric) -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
			assertBudgetAllowsADrainAndKeepsOne(rendered, deployment, autoscaler.getSpec().getMinReplicas());
		}
	}

	@Test
	void anAutoscalerBelowItsMinimumIsRefusedAtRendering() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> HelmChart.ours().template("values-production.yaml", Map.of("autoscaling.maxReplicas", 1))))
			.hasMessageContaining("autoscaling.maxReplicas (1) is below");
	}

	@Test
	void theMinimalShapeRunsOneOfEachWithNoBudgetThatCouldBlockADrain() {
		RenderedObjects rendered = HelmChart.ours().render("values-minimal.yaml");

		assertThat(rendered.all(Deployment.class))
			.allSatisfy((deployment) -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
		assertThat(rendered.all(PodDisruptionBudget.class)).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("valuesFiles")
	void containersRunAsAnUnprivilegedUserOnAReadOnlyRootWithATemporaryDirectory(String valuesFile) {
		for (Deployment deployment : HelmChart.ours().render(valuesFile).all(Deployment.class)) {
			assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isPositive();
			Container container = container(deployment);
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(container.getVolumeMounts())
				.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
		}
	}

	private static void assertBudgetAllowsADrainAndKeepsOne(RenderedObjects rendered, Deployment deployment,
			int replicas) {
		PodDisruptionBudget budget = rendered.one(PodDisruptionBudget.class, deployment.getMetadata().getName());
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		assertThat(budget.getSpec().getMinAvailable()).isNull();
		int maxUnavailable = budget.getSpec().getMaxUnavailable().getIntVal();
		assertThat(maxUnavailable).as("a node drain can evict one").isGreaterThanOrEqualTo(1);
		assertThat(replicas - maxUnavailable).as("one stays").isGreaterThanOrEqualTo(1);
	}

	private static void assertProbe(Probe probe, String path) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
	}

	static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	static Map<String, String> env(Container container) {
		Map<String, String> env = new java.util.LinkedHashMap<>();
		container.getEnv().forEach((variable) -> env.put(variable.getName(), variable.getValue()));
		return env;
	}

	static EnvVar variable(Deployment deployment, String name) {
		return container(deployment).getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no " + name));
	}

}
