package org.groundgame.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who can reach whom once the rendered NetworkPolicies are applied, worked out as
 * Kubernetes does (a pod selected by a policy admits only what one of its rules admits;
 * peers match by pod labels in the policy's namespace or by namespace labels), for pods
 * of the platform and for strangers.
 */
class NetworkPolicyTests {

	private static final Map<String, String> OUR_NAMESPACE = Map.of("kubernetes.io/metadata.name", HelmChart.NAMESPACE);

	@ParameterizedTest
	@ValueSource(strings = { "values.yaml", "values-production.yaml" })
	void eachApplicationIsReachedOnlyByTheApplicationsThatCallIt(String valuesFile) {
		RenderedObjects rendered = HelmChart.ours().render(valuesFile);
		Map<String, Map<String, String>> pods = podLabels(rendered);

		for (String target : Applications.PORTS.keySet()) {
			Set<String> admitted = Applications.PORTS.keySet()
				.stream()
				.filter((source) -> !source.equals(target))
				.filter((source) -> admits(rendered, pods.get(target), pods.get(source), OUR_NAMESPACE))
				.collect(Collectors.toSet());
			Set<String> expected = Applications.CALLERS.get(target);
			if (target.equals("gateway") && valuesFile.equals("values.yaml")) {
				// By default the gateway is open to every source, the platform's own pods
				// included.
				expected = Applications.PORTS.keySet()
					.stream()
					.filter((source) -> !source.equals("gateway"))
					.collect(Collectors.toSet());
			}
			assertThat(admitted).as(target).isEqualTo(expected);
		}
	}

	@Test
	void fromOutsideOnlyTheGatewayIsReached() {
		RenderedObjects rendered = HelmChart.ours().render("values.yaml");
		Map<String, Map<String, String>> pods = podLabels(rendered);
		Map<String, String> stranger = Map.of("app", "anything");

		assertThat(reachable(rendered, pods, stranger, Map.of("kubernetes.io/metadata.name", "elsewhere")))
			.containsExactly("gateway");
		// A pod of the same namespace that is not the platform's is a stranger too.
		assertThat(reachable(rendered, pods, stranger, OUR_NAMESPACE)).containsExactly("gateway");
		// Labels of another release of the chart are not the platform's own.
		Map<String, String> otherRelease = Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/instance",
				"other");
		assertThat(reachable(rendered, pods, otherRelease, OUR_NAMESPACE)).containsExactly("gateway");
	}

	@Test
	void inProductionTheGatewayIsReachedOnlyFromTheIngressControllersNamespace() {
		RenderedObjects rendered = HelmChart.ours().render("values-production.yaml");
		Map<String, Map<String, String>> pods = podLabels(rendered);
		Map<String, String> controller = Map.of("app.kubernetes.io/name", "ingress-nginx");

		assertThat(reachable(rendered, pods, controller, Map.of("kubernetes.io/metadata.name", "ingress-nginx")))
			.containsExactly("gateway");
		assertThat(reachable(rendered, pods, controller, Map.of("kubernetes.io/metadata.name", "elsewhere"))).isEmpty();
	}

	@Test
	void prometheusScrapesEveryApplicationOnlyWhenTheServiceMonitorIsOn() {
		Map<String, String> prometheus = Map.of("app.kubernetes.io/name", "prometheus");
		Map<String, String> monitoring = Map.of("kubernetes.io/metadata.name", "monitoring");

		RenderedObjects production = HelmChart.ours().render("values-production.yaml");
		assertThat(reachable(production, podLabels(production), prometheus, monitoring))
			.containsExactlyInAnyOrderElementsOf(Applications.PORTS.keySet());
		RenderedObjects defaults = HelmChart.ours().render("values.yaml");
		assertThat(reachable(defaults, podLabels(defaults), prometheus, monitoring)).containsExactly("gateway");
	}

	@Test
	void everyApplicationIsSelectedByAPolicyOnlyForIngressLeavingEgressOpen() {
		RenderedObjects rendered = HelmChart.ours().render("values.yaml");

		for (Map<String, String> pod : podLabels(rendered).values()) {
			List<NetworkPolicy> policies = selecting(rendered, pod);
			assertThat(policies).hasSize(1);
			// The services reach Kafka, MongoDB, SMTP and chapters' webhooks wherever
			// they are.
			assertThat(policies.get(0).getSpec().getPolicyTypes()).containsExactly("Ingress");
		}
	}

	@Test
	void withoutNetworkPoliciesNoneIsRendered() {
		assertThat(
				HelmChart.ours().render("values.yaml", Map.of("networkPolicy.enabled", false)).all(NetworkPolicy.class))
			.isEmpty();
	}

	private static List<String> reachable(RenderedObjects rendered, Map<String, Map<String, String>> pods,
			Map<String, String> source, Map<String, String> sourceNamespace) {
		return pods.entrySet()
			.stream()
			.filter((pod) -> admits(rendered, pod.getValue(), source, sourceNamespace))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * Whether a pod labelled {@code target} admits a connection to its port "http" from
	 * {@code source}.
	 */
	private static boolean admits(RenderedObjects rendered, Map<String, String> target, Map<String, String> source,
			Map<String, String> sourceNamespace) {
		List<NetworkPolicy> policies = selecting(rendered, target);
		if (policies.isEmpty()) {
			return true;
		}
		for (NetworkPolicy policy : policies) {
			for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
				if (coversHttp(rule.getPorts()) && admits(rule.getFrom(), source, sourceNamespace)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean coversHttp(List<NetworkPolicyPort> ports) {
		return ports.isEmpty() || ports.stream()
			.anyMatch((port) -> port.getPort() == null || "http".equals(port.getPort().getStrVal()));
	}

	private static boolean admits(List<NetworkPolicyPeer> peers, Map<String, String> source,
			Map<String, String> sourceNamespace) {
		if (peers.isEmpty()) {
			return true;
		}
		for (NetworkPolicyPeer peer : peers) {
			assertThat(peer.getIpBlock()).isNull();
			boolean namespaceMatches = (peer.getNamespaceSelector() == null) ? sourceNamespace.equals(OUR_NAMESPACE)
					: matches(peer.getNamespaceSelector(), sourceNamespace);
			boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), source);
			if (namespaceMatches && podMatches) {
				return true;
			}
		}
		return false;
	}

	private static List<NetworkPolicy> selecting(RenderedObjects rendered, Map<String, String> pod) {
		return rendered.all(NetworkPolicy.class)
			.stream()
			.filter((policy) -> matches(policy.getSpec().getPodSelector(), pod))
			.toList();
	}

	private static boolean matches(LabelSelector selector, Map<String, String> labels) {
		assertThat(selector.getMatchExpressions()).isEmpty();
		Map<String, String> required = (selector.getMatchLabels() != null) ? selector.getMatchLabels() : Map.of();
		return labels.entrySet().containsAll(required.entrySet());
	}

	private static Map<String, Map<String, String>> podLabels(RenderedObjects rendered) {
		return rendered.all(Deployment.class)
			.stream()
			.collect(Collectors.toMap(
					(deployment) -> deployment.getMetadata().getName().substring(HelmChart.RELEASE.length() + 1),
					(deployment) -> deployment.getSpec().getTemplate().getMetadata().getLabels()));
	}

}
