package org.groundgame.test.proxy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.groundgame.infrastructure.embedded.EmbeddedKafka;
import org.groundgame.infrastructure.embedded.Ports;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A broker with a listener for clients that come through a proxy
 * ({@link EmbeddedKafka#startTemporaryBehind}): they are told of the proxy's address, so
 * they keep going through it and a cut reaches them, while clients of the broker's own
 * address are told of it and are not affected.
 */
class KafkaBehindAFaultProxyTests {

	@Test
	void clientsThroughTheProxyStayBehindItAndTheOthersReachTheBrokerDirectly() throws Exception {
		int proxiedPort = Ports.free();
		try (FaultProxy proxy = FaultProxy.to("127.0.0.1", proxiedPort);
				EmbeddedKafka kafka = EmbeddedKafka.startTemporaryBehind(proxiedPort, proxy.address())) {
			assertThat(nodesSeenBy(kafka.bootstrapServers())).containsExactly(kafka.bootstrapServers());
			assertThat(nodesSeenBy(proxy.address())).containsExactly(proxy.address());

			proxy.cut();

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> nodesSeenBy(proxy.address()));
			assertThat(nodesSeenBy(kafka.bootstrapServers())).containsExactly(kafka.bootstrapServers());
		}
	}

	@Test
	void aProxiedListenerNeedsAPortAndAnAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedKafka.startTemporaryBehind(0, "127.0.0.1:1"));
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedKafka.startTemporaryBehind(Ports.free(), " "));
	}

	private static List<String> nodesSeenBy(String bootstrapServers) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				5000))) {
			return admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
				.nodes()
				.get()
				.stream()
				.map((node) -> node.host() + ":" + node.port())
				.toList();
		}
	}

}
