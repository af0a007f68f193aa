package org.groundgame.endtoend;

import java.nio.file.Path;
import java.time.Duration;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.groundgame.platform.Settings;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once per test JVM and shared by every test class: the real
 * service jars ({@code ../<module>/target/<module>.jar}), the in-process broker and
 * store, free ports, and a data folder under {@code target/} that is emptied at the start
 * and kept afterwards for reading the services' logs. Before each test every service is
 * healthy again (a test that killed one waits for it itself, but a failed one may not
 * have).
 * <p>
 * Test classes take a {@link LocalPlatform} and a {@link Gateway} as constructor or
 * method parameters.
 */
final class RunningPlatform implements BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RunningPlatform.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		platform(context).awaitAllHealthy();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == LocalPlatform.class || type == Gateway.class || type == OtlpCollector.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		LocalPlatform platform = platform(context);
		if (parameter.getParameter().getType() == OtlpCollector.class) {
			return shared(context).collector();
		}
		return (parameter.getParameter().getType() == Gateway.class)
				? new Gateway(platform.gateway(), shared(context).tokens()) : platform;
	}

	static LocalPlatform platform(ExtensionContext context) {
		return shared(context).platform();
	}

	private static SharedPlatform shared(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedPlatform.class, (key) -> SharedPlatform.start(), SharedPlatform.class);
	}

	/**
	 * The platform, or why it could not start (remembered, so that the next test class
	 * does not wait for another failed start). Closed with the root store at the end of
	 * the run.
	 */
	static final class SharedPlatform implements AutoCloseable {

		private final LocalPlatform platform;

		private final RuntimeException failure;

		private final Tokens tokens;

		private final OtlpCollector collector;

		private SharedPlatform(LocalPlatform platform, RuntimeException failure, OtlpCollector collector) {
			this.platform = platform;
			this.failure = failure;
			this.collector = collector;
			this.tokens = (platform != null) ? new Tokens(platform.gateway(), platform.credentials().staff()) : null;
		}

		Tokens tokens() {
			platform();
			return this.tokens;
		}

		/** Where every process of the platform exports its spans. */
		OtlpCollector collector() {
			platform();
			return this.collector;
		}

		static SharedPlatform start() {
			Path repository = Path.of(System.getProperty("groundgame.repository", "..")).toAbsolutePath().normalize();
			Path data = Path.of(System.getProperty("groundgame.platform-data", "target/platform-data"))
				.toAbsolutePath()
				.normalize();
			LocalPlatform.emptyDataDirectoryExceptPidFiles(data);
			// The spans every process exports, as a collector would take them.
			OtlpCollector collector = OtlpCollector.start();
			Settings settings = Settings.defaults(repository)
				.withOtlpEndpoint(collector.endpoint())
				.withDataDirectory(data)
				.withFreePorts()
				// -Dgroundgame.cluster=true: the same tests against the cluster's shape
				// (three Kafka nodes, two instances of every service).
				.withCluster(Boolean.getBoolean("groundgame.cluster"))
				.withStartupTimeout(Duration.ofMinutes(5))
				.withStopTimeout(Duration.ofSeconds(15))
				.withOutput((line) -> System.out.println("[platform] " + line));
			long started = System.nanoTime();
			try {
				LocalPlatform platform = LocalPlatform.start(settings);
				System.out.printf("[platform] started in %.1f s; gateway %s, Kafka %s, logs in %s%n",
						(System.nanoTime() - started) / 1e9, platform.gateway(), platform.kafkaBootstrapServers(),
						platform.logFile(Service.GATEWAY).getParent());
				return new SharedPlatform(platform, null, collector);
			}
			catch (RuntimeException ex) {
				collector.close();
				return new SharedPlatform(null, ex, null);
			}
		}

		LocalPlatform platform() {
			if (this.failure != null) {
				throw new IllegalStateException("The platform did not start: " + this.failure.getMessage(),
						this.failure);
			}
			return this.platform;
		}

		@Override
		public void close() {
			if (this.platform != null) {
				this.platform.close();
			}
			if (this.collector != null) {
				this.collector.close();
			}
		}

	}

}
