package org.groundgame.infrastructure.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedMongoTests {

	@Test
	void inMemoryServerStoresAndFindsDocuments() {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
			MongoCollection<Document> chapters = client.getDatabase("volunteer").getCollection("chapters");

			chapters.insertOne(new Document("_id", "mobilize-missouri").append("city", "St. Louis"));

			assertThat(chapters.find(new Document("_id", "mobilize-missouri")).first()).containsEntry("city",
					"St. Louis");
		}
	}

	@Test
	void persistentServerKeepsDocumentsAcrossCloseAndReopen(@TempDir Path directory) {
		Path file = directory.resolve("data/mongo.mv.db");
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("endorsement")
				.getCollection("races")
				.insertOne(new Document("_id", "mo-senate-2026").append("office", "State Senate"));
		}
		assertThat(file).isRegularFile();

		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			Document race = client.getDatabase("endorsement").getCollection("races").find().first();
			assertThat(race).containsEntry("_id", "mo-senate-2026").containsEntry("office", "State Senate");
		}
	}

	@Test
	void persistentServerKeepsItsUniqueIndexesAcrossCloseAndReopen(@TempDir Path directory) {
		Path file = directory.resolve("mongo.mv.db");
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> processed = client.getDatabase("notification").getCollection("processed");
			processed.createIndex(new Document("eventId", 1), new IndexOptions().unique(true));
			processed.insertOne(new Document("eventId", "e-1"));
		}

		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> processed = client.getDatabase("notification").getCollection("processed");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> processed.insertOne(new Document("eventId", "e-1")))
				.satisfies((ex) -> assertThat(ex.getError().getCode()).isEqualTo(11000));
		}
	}

	@Test
	void portInUseIsReportedWithThePort(@TempDir Path directory) throws IOException {
		try (ServerSocket occupant = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int port = occupant.getLocalPort();

			assertThatExceptionOfType(PortInUseException.class).isThrownBy(() -> EmbeddedMongo.inMemory(port))
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(port))
				.withMessageStartingWith("Port " + port + " is already in use");
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> EmbeddedMongo.persistent(directory.resolve("mongo.mv.db"), port))
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(port));
		}
	}

}
