package org.groundgame.infrastructure.embedded;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.health.MongoHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's MongoDB health on the embedded store tells the truth: Spring Boot's own
 * indicator (the {@code hello} command on every database) is {@code UP} while the store
 * serves, and {@code DOWN} once it is gone.
 */
class MongoHealthTests {

	@Test
	void theStoreAnswersHelloAsMongoDbDoes() {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

			assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
			assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
			assertThat(hello.get("maxWireVersion", Number.class).intValue()).isPositive();
		}
	}

	@Test
	void bootsMongoHealthIsUpOnTheInMemoryStoreAndDownOnceItIsGone() {
		EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
		try (MongoClient client = MongoClients.create(quickToGiveUp(mongo))) {
			client.getDatabase("volunteer").getCollection("chapters").insertOne(new Document("_id", "a"));
			MongoHealthIndicator indicator = new MongoHealthIndicator(client);

			Health up = indicator.health();
			assertThat(up.getStatus()).as(up.toString()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsKey("maxWireVersion");

			mongo.close();

			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			mongo.close();
		}
	}

	@Test
	void bootsMongoHealthIsUpOnThePersistentStore(@TempDir Path directory) {
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(directory.resolve("mongo.mv.db"), 0);
				MongoClient client = MongoClients.create(quickToGiveUp(mongo))) {
			client.getDatabase("endorsement").getCollection("races").insertOne(new Document("_id", "a"));

			Health health = new MongoHealthIndicator(client).health();

			assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
		}
	}

	private static MongoClientSettings quickToGiveUp(EmbeddedMongo mongo) {
		return MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(mongo.connectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(1, TimeUnit.SECONDS))
			.build();
	}

}
