package org.groundgame.test;

import java.util.List;

import com.mongodb.ConnectionString;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Connects a Spring Boot application to this JVM's {@link TestInfrastructure}: Spring
 * Kafka, the Spring Cloud Stream Kafka binder and Spring Data MongoDB. The one thing a
 * service's tests {@code @Import}, and what a {@code Test…Application} main adds with
 * {@code SpringApplication.from(…::main).with(InfrastructureTestConfiguration.class)}. An
 * application that sets no key-encryption key gets {@link #TEST_KEK}.
 * <p>
 * Where Docker runs the infrastructure, the containers are beans with
 * {@link ServiceConnection @ServiceConnection}; in-process, the connection details are
 * beans of their own. Either way the same broker and store serve every context of the
 * JVM, and closing a context stops neither. The application keeps its own MongoDB
 * database name ({@code spring.mongodb.database}, or the database of its
 * {@code spring.mongodb.uri}). Where Spring Security's JWT support is present, the
 * application also trusts the tokens of {@code TestTokens}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InfrastructureTestConfiguration {

	static final String KAFKA_CONNECTION_DETAILS = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails";

	static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	static final String KEK_PROPERTY = "groundgame.secrets.kek";

	/**
	 * The key-encryption key of tests that set none: every service seals the keys of the
	 * personal data in its events with one. Not a secret: it protects nothing real.
	 */
	public static final String TEST_KEK = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

	static final String MONGO_CONNECTION_DETAILS = "org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails";

	/**
	 * Properties for what does not read Boot's connection details: code that builds Kafka
	 * clients from {@code KafkaProperties}, and the Spring Cloud Stream Kafka binder.
	 * Also keeps the application's database name when the store's connection string
	 * carries another.
	 */
	@Bean
	static DynamicPropertyRegistrar groundGameTestInfrastructureProperties(Environment environment) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = MongoDatabase.configuredIn(environment);
		return (registry) -> {
			registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
			registry.add("spring.cloud.stream.kafka.binder.brokers", infrastructure::kafkaBootstrapServers);
			if (database != null) {
				registry.add("spring.mongodb.database", () -> database);
			}
			if (!environment.containsProperty(KEK_PROPERTY)) {
				registry.add(KEK_PROPERTY, () -> TEST_KEK);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = JWT_DECODER)
	@Import(TestIssuerConfiguration.class)
	static class Tokens {

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DockerRunsTheInfrastructure.class)
	static class Containers {

		@Bean
		@ServiceConnection
		@ConditionalOnClass(name = KAFKA_CONNECTION_DETAILS)
		KafkaContainer groundGameKafkaContainer() {
			return TestInfrastructure.get().kafkaContainer();
		}

		@Bean
		@ServiceConnection
		@ConditionalOnClass(name = MONGO_CONNECTION_DETAILS)
		MongoDBContainer groundGameMongoContainer() {
			return TestInfrastructure.get().mongoContainer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(InProcessInfrastructure.class)
	static class InProcess {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = KAFKA_CONNECTION_DETAILS)
		static class Kafka {

			@Bean
			KafkaConnectionDetails groundGameKafkaConnectionDetails() {
				List<String> bootstrapServers = List.of(TestInfrastructure.get().kafkaBootstrapServers());
				return () -> bootstrapServers;
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = MONGO_CONNECTION_DETAILS)
		static class Mongo {

			@Bean
			MongoConnectionDetails groundGameMongoConnectionDetails(Environment environment) {
				String database = MongoDatabase.configuredIn(environment);
				ConnectionString connectionString = new ConnectionString(
						TestInfrastructure.get().mongoConnectionString() + "/"
								+ ((database != null) ? database : MongoDatabase.DEFAULT));
				return () -> connectionString;
			}

		}

	}

	/** The database name the application configured, if any. */
	static final class MongoDatabase {

		/** Boot's default when nothing names a database. */
		static final String DEFAULT = "test";

		private MongoDatabase() {
		}

		static String configuredIn(Environment environment) {
			String database = environment.getProperty("spring.mongodb.database");
			if (StringUtils.hasText(database)) {
				return database;
			}
			String uri = environment.getProperty("spring.mongodb.uri");
			if (StringUtils.hasText(uri) && ClassUtils.isPresent("com.mongodb.ConnectionString", null)) {
				return new ConnectionString(uri).getDatabase();
			}
			return null;
		}

	}

	static final class DockerRunsTheInfrastructure implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestInfrastructure.usesDocker();
		}

	}

	static final class InProcessInfrastructure implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !TestInfrastructure.usesDocker();
		}

	}

}
