package org.groundgame.test.proxy;

import org.groundgame.infrastructure.embedded.EmbeddedKafka;
import org.groundgame.infrastructure.embedded.Ports;
import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestIssuerConfiguration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Connects an application to MongoDB and Kafka through a {@link FaultProxy} each, instead
 * of {@link InfrastructureTestConfiguration} (never both): a test then cuts, slows or
 * black-holes the application's store or broker while the test itself reads and writes
 * them directly.
 * <ul>
 * <li>The store: this JVM's one store ({@link TestInfrastructure}), behind
 * {@link #store()}. The driver gives up on an unreachable server after two seconds
 * ({@code serverSelectionTimeoutMS}), not thirty. A test gives the application a database
 * of its own ({@code spring.mongodb.database}), so that another context's relay and
 * pollers leave its documents alone.</li>
 * <li>The broker: an in-process broker of its own (started on first use, in Docker mode
 * too), because a Kafka client connects wherever the broker's metadata says, not where it
 * bootstrapped: this broker tells the clients that come through {@link #broker()} to come
 * through it again, and those of {@link #brokerDirectly()} (a test's readers) to come
 * straight. So every Kafka client of the application (the relay's producer, the
 * consumers) goes through the proxy.</li>
 * </ul>
 * The proxies and the broker live as long as the JVM, shared by every context that
 * imports this; a test heals the proxies it faulted ({@link FaultProxy#heal()}). Where
 * Spring Security's JWT support is present, the application also trusts the tokens of
 * {@code TestTokens}, and an application that sets no key-encryption key gets
 * {@link InfrastructureTestConfiguration#TEST_KEK}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultProxiedInfrastructure {

	/** How long the driver looks for a reachable server before a command fails. */
	static final int SERVER_SELECTION_TIMEOUT_MILLIS = 2000;

	private static final String KEK_PROPERTY = "groundgame.secrets.kek";

	/**
	 * The application's MongoDB connection string.
	 * @return {@code mongodb://127.0.0.1:PROXY/?…}
	 */
	public static String mongoUri() {
		return "mongodb://" + store().address() + "/?serverSelectionTimeoutMS=" + SERVER_SELECTION_TIMEOUT_MILLIS
				+ "&connectTimeoutMS=" + SERVER_SELECTION_TIMEOUT_MILLIS;
	}

	/** The proxy in front of the store. */
	public static FaultProxy store() {
		return Store.PROXY;
	}

	/** The proxy in front of the broker. */
	public static FaultProxy broker() {
		return Broker.PROXY;
	}

	/**
	 * The broker's address for a test's own clients, past the proxy.
	 * @return {@code 127.0.0.1:PORT}
	 */
	public static String brokerDirectly() {
		return Broker.KAFKA.bootstrapServers();
	}

	@Bean
	static DynamicPropertyRegistrar groundGameFaultProxiedProperties(Environment environment) {
		String mongoUri = mongoUri();
		String kafka = broker().address();
		return (registry) -> {
			registry.add("spring.mongodb.uri", () -> mongoUri);
			registry.add("spring.kafka.bootstrap-servers", () -> kafka);
			registry.add("spring.cloud.stream.kafka.binder.brokers", () -> kafka);
			if (!environment.containsProperty(KEK_PROPERTY)) {
				registry.add(KEK_PROPERTY, () -> InfrastructureTestConfiguration.TEST_KEK);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.JwtDecoder")
	@Import(TestIssuerConfiguration.class)
	static class Tokens {

	}

	/** Started on first use. */
	private static final class Store {

		static final FaultProxy PROXY = FaultProxy
			.to(TestInfrastructure.get().mongoConnectionString().replaceFirst("^mongodb://", ""));

	}

	/**
	 * Started on first use: the proxy first (on the port the broker's proxied listener
	 * will take), then the broker, which advertises the proxy.
	 */
	private static final class Broker {

		static final FaultProxy PROXY;

		static final EmbeddedKafka KAFKA;

		static {
			int proxiedPort = Ports.free();
			PROXY = FaultProxy.to("127.0.0.1", proxiedPort);
			KAFKA = EmbeddedKafka.startTemporaryBehind(proxiedPort, PROXY.address());
			Runtime.getRuntime().addShutdownHook(new Thread(PROXY::close, "fault-proxy-shutdown"));
		}

	}

}
