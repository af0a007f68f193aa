package org.groundgame.infrastructure.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What the platform's persistence (the embedded outbox, its relay, insert-first
 * idempotency) needs from a MongoDB server, checked against mongo-java-server through the
 * MongoDB Java driver and Spring Data MongoDB, the versions Spring Boot manages.
 */
class MongoJavaServerCompatibilityTests {

	private static EmbeddedMongo mongo;

	private static MongoClient client;

	private MongoTemplate template;

	@BeforeAll
	static void startServer() {
		mongo = EmbeddedMongo.inMemory(0);
		client = MongoClients.create(mongo.connectionString());
	}

	@AfterAll
	static void stopServer() {
		client.close();
		mongo.close();
	}

	@BeforeEach
	void useAFreshDatabase() {
		this.template = new MongoTemplate(client, "compatibility-" + UUID.randomUUID());
	}

	@Test
	void uniqueIndexTurnsASecondInsertIntoADuplicateKeyError() {
		this.template.indexOps(ProcessedEvent.class)
			.createIndex(new Index().on("consumer", Sort.Direction.ASC).on("eventId", Sort.Direction.ASC).unique());
		this.template.insert(new ProcessedEvent("notification", "event-1"));

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.template.insert(new ProcessedEvent("notification", "event-1")));
		this.template.insert(new ProcessedEvent("volunteer", "event-1"));
		assertThat(this.template.count(new Query(), ProcessedEvent.class)).isEqualTo(2);
	}

	@Test
	void duplicateKeyErrorReachesTheDriverAsCategoryDuplicateKeyWithCode11000() {
		MongoCollection<Document> processed = this.template.getCollection("processed");
		processed.createIndex(Indexes.ascending("consumer", "eventId"), new IndexOptions().unique(true));
		processed.insertOne(new Document("consumer", "notification").append("eventId", "event-1"));

		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(
					() -> processed.insertOne(new Document("consumer", "notification").append("eventId", "event-1")))
			.satisfies((ex) -> {
				assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
				assertThat(ex.getError().getCode()).isEqualTo(11000);
			});
	}

	@Test
	void versionRefusesToOverwriteAChangeMadeSinceTheDocumentWasRead() {
		Nomination nomination = this.template.insert(new Nomination("nomination-1", "SUBMITTED"));
		assertThat(nomination.version).isZero();
		Nomination first = this.template.findById("nomination-1", Nomination.class);
		Nomination second = this.template.findById("nomination-1", Nomination.class);

		first.status = "ENDORSED";
		this.template.save(first);
		second.status = "DECLINED";

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.template.save(second));
		Nomination stored = this.template.findById("nomination-1", Nomination.class);
		assertThat(stored.status).isEqualTo("ENDORSED");
		assertThat(stored.version).isEqualTo(1);
	}

	@Test
	void versionIsCheckedByRepositoriesToo() {
		NominationRepository nominations = new MongoRepositoryFactory(this.template)
			.getRepository(NominationRepository.class);
		nominations.save(new Nomination("nomination-2", "SUBMITTED"));
		Nomination first = nominations.findById("nomination-2").orElseThrow();
		Nomination second = nominations.findById("nomination-2").orElseThrow();
		nominations.save(first);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> nominations.save(second));
	}

	@Test
	void pushAppendsPendingEventsToTheOutboxInOrder() {
		this.template.insert(new Nomination("nomination-3", "SUBMITTED"));

		this.template.updateFirst(query(where("_id").is("nomination-3")), new Update().push("outbox", event("e1")),
				Nomination.class);
		this.template.updateFirst(query(where("_id").is("nomination-3")), new Update().push("outbox", event("e2")),
				Nomination.class);

		assertThat(eventIds("nomination-3")).containsExactly("e1", "e2");
	}

	@Test
	void pullWithAConditionRemovesOnlyTheMatchingPendingEvent() {
		insertWithOutbox("nomination-4", "e1", "e2", "e3");

		long modified = this.template
			.updateFirst(query(where("_id").is("nomination-4")),
					new Update().pull("outbox", new Document("eventId", "e2")), Nomination.class)
			.getModifiedCount();

		assertThat(modified).isOne();
		assertThat(eventIds("nomination-4")).containsExactly("e1", "e3");
	}

	@Test
	void pullWithAnInConditionRemovesEveryPublishedEvent() {
		insertWithOutbox("nomination-5", "e1", "e2", "e3");

		this.template.updateFirst(query(where("_id").is("nomination-5")),
				new Update().pull("outbox", new Document("eventId", new Document("$in", List.of("e1", "e3")))),
				Nomination.class);

		assertThat(eventIds("nomination-5")).containsExactly("e2");
	}

	@Test
	void pullOfAnEventNoLongerPendingModifiesNothing() {
		insertWithOutbox("nomination-6", "e1");
		MongoCollection<Document> nominations = this.template.getCollection("nominations");

		// Through the driver: Spring Data would add an increment of the version.
		long modified = nominations
			.updateOne(Filters.eq("_id", "nomination-6"), Updates.pull("outbox", Filters.eq("eventId", "gone")))
			.getModifiedCount();

		assertThat(modified).isZero();
		assertThat(eventIds("nomination-6")).containsExactly("e1");
	}

	@Test
	void updatesOfAVersionedDocumentIncrementItsVersion() {
		insertWithOutbox("nomination-16", "e1");

		this.template.updateFirst(query(where("_id").is("nomination-16")),
				new Update().pull("outbox", new Document("eventId", "e1")), Nomination.class);

		assertThat(this.template.findById("nomination-16", Nomination.class).version).isEqualTo(1);
	}

	@Test
	void pullThroughTheDriverWithAFilterOnTheSubdocument() {
		insertWithOutbox("nomination-7", "e1", "e2");
		MongoCollection<Document> nominations = this.template.getCollection("nominations");

		nominations.updateOne(Filters.eq("_id", "nomination-7"), Updates.pull("outbox", Filters.eq("eventId", "e1")));

		assertThat(eventIds("nomination-7")).containsExactly("e2");
	}

	@Test
	void findAndModifyReturnsTheDocumentBeforeOrAfterTheChangeAsAsked() {
		insertWithOutbox("nomination-8", "e1", "e2");
		Query nomination = query(where("_id").is("nomination-8"));

		Nomination before = this.template.findAndModify(nomination,
				new Update().pull("outbox", new Document("eventId", "e1")), Nomination.class);
		Nomination after = this.template.findAndModify(nomination,
				new Update().set("status", "ENDORSED").push("outbox", event("e3")),
				FindAndModifyOptions.options().returnNew(true), Nomination.class);

		assertThat(before.outbox).extracting(PendingEvent::eventId).containsExactly("e1", "e2");
		assertThat(after.status).isEqualTo("ENDORSED");
		assertThat(after.outbox).extracting(PendingEvent::eventId).containsExactly("e2", "e3");
	}

	@Test
	void findOneAndUpdateThroughTheDriverMatchesOnAnArrayElementField() {
		insertWithOutbox("nomination-9", "e1", "e2");
		MongoCollection<Document> nominations = this.template.getCollection("nominations");

		Document after = nominations.findOneAndUpdate(Filters.eq("outbox.eventId", "e2"),
				Updates.combine(Updates.pull("outbox", Filters.eq("eventId", "e2")), Updates.inc("version", 1L)),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

		assertThat(after.getString("_id")).isEqualTo("nomination-9");
		assertThat(after.getList("outbox", Document.class)).extracting((event) -> event.getString("eventId"))
			.containsExactly("e1");
		assertThat(after.getLong("version")).isEqualTo(1L);
	}

	@Test
	void firstArrayElementExistsFindsOnlyDocumentsWithPendingEvents() {
		insertWithOutbox("nomination-10", "e1");
		insertWithOutbox("nomination-11");
		insertWithOutbox("nomination-12", "e2", "e3");
		this.template.getCollection("nominations").insertOne(new Document("_id", "nomination-13"));

		List<Nomination> pending = this.template
			.find(query(where("outbox.0").exists(true)).with(Sort.by("_id")).limit(100), Nomination.class);

		assertThat(pending).extracting((nomination) -> nomination.id).containsExactly("nomination-10", "nomination-12");
		assertThat(this.template.count(query(where("outbox.0").exists(false)), Nomination.class)).isEqualTo(2);
	}

	@Test
	void conditionalUpdateOnTheVersionChangesNothingWhenTheDocumentMovedOn() {
		insertWithOutbox("nomination-14", "e1");

		long stale = this.template
			.updateFirst(query(where("_id").is("nomination-14").and("version").is(7L)),
					new Update().pull("outbox", new Document("eventId", "e1")), Nomination.class)
			.getModifiedCount();
		long current = this.template
			.updateFirst(query(where("_id").is("nomination-14").and("version").is(0L)),
					new Update().pull("outbox", new Document("eventId", "e1")).inc("version", 1), Nomination.class)
			.getModifiedCount();

		assertThat(stale).isZero();
		assertThat(current).isOne();
		assertThat(eventIds("nomination-14")).isEmpty();
	}

	@Test
	void instantsKeepMillisecondPrecision() {
		Instant occurredAt = Instant.parse("2026-11-03T20:00:00.123456789Z");
		Nomination nomination = new Nomination("nomination-15", "SUBMITTED");
		nomination.outbox.add(new PendingEvent("e1", "EndorsementGranted", occurredAt));
		this.template.insert(nomination);

		assertThat(this.template.findById("nomination-15", Nomination.class).outbox.get(0).occurredAt())
			.isEqualTo(occurredAt.truncatedTo(ChronoUnit.MILLIS));
	}

	@Test
	void upsertWithSetOnInsertCreatesADocumentOnlyOnce() {
		MongoCollection<Document> processed = this.template.getCollection("processed");
		UpdateOptions upsert = new UpdateOptions().upsert(true);

		UpdateResult first = processed.updateOne(Filters.eq("_id", "notification:e1"),
				Updates.setOnInsert("appliedAt", "first"), upsert);
		UpdateResult second = processed.updateOne(Filters.eq("_id", "notification:e1"),
				Updates.setOnInsert("appliedAt", "second"), upsert);

		assertThat(first.getUpsertedId()).isNotNull();
		assertThat(second.getUpsertedId()).isNull();
		assertThat(second.getModifiedCount()).isZero();
		assertThat(processed.find().first()).containsEntry("appliedAt", "first");
	}

	@Test
	void multiDocumentTransactionsAreNotSupported() {
		// A limit of mongo-java-server that the design works around: no transactions
		// needed.
		try (ClientSession session = client.startSession()) {
			assertThatExceptionOfType(MongoClientException.class).isThrownBy(() -> {
				session.startTransaction();
				this.template.getCollection("nominations").insertOne(session, new Document("_id", "in-a-transaction"));
			}).withMessageContaining("doesn't support sessions");
		}
	}

	private void insertWithOutbox(String id, String... eventIds) {
		Nomination nomination = new Nomination(id, "SUBMITTED");
		for (String eventId : eventIds) {
			nomination.outbox.add(event(eventId));
		}
		this.template.insert(nomination);
	}

	private List<String> eventIds(String nominationId) {
		return this.template.findById(nominationId, Nomination.class).outbox.stream()
			.map(PendingEvent::eventId)
			.toList();
	}

	private static PendingEvent event(String eventId) {
		return new PendingEvent(eventId, "NominationSubmitted", Instant.parse("2026-11-03T12:00:00Z"));
	}

	@org.springframework.data.mongodb.core.mapping.Document("nominations")
	static class Nomination {

		@Id
		String id;

		@Version
		Long version;

		String status;

		List<PendingEvent> outbox = new ArrayList<>();

		Nomination() {
		}

		Nomination(String id, String status) {
			this.id = id;
			this.status = status;
		}

	}

	record PendingEvent(String eventId, String type, Instant occurredAt) {
	}

	@org.springframework.data.mongodb.core.mapping.Document("processed")
	static class ProcessedEvent {

		@Id
		String id;

		String consumer;

		String eventId;

		ProcessedEvent() {
		}

		ProcessedEvent(String consumer, String eventId) {
			this.consumer = consumer;
			this.eventId = eventId;
		}

	}

	interface NominationRepository extends MongoRepository<Nomination, String> {

	}

}
