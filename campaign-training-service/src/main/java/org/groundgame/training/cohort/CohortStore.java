package org.groundgame.training.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where cohorts are kept. A cohort is inserted whole, with its event in its outbox; after
 * that it changes only by a targeted update on its version that sets its roster and
 * capacity and pushes the new events, in one write ({@link OutboxUpdates}): a replacement
 * from an older read would put published events back.
 */
@Component
class CohortStore {

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxUpdates updates;

	CohortStore(MongoTemplate mongo, Outbox outbox, OutboxUpdates updates) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.updates = updates;
		createIndexes(mongo.indexOps(CohortDocument.class));
	}

	/**
	 * The indexes of the collection, as they were declared on the document before (same
	 * names and keys, so a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(
				new CompoundIndexDefinition(new Document("startsOn", 1).append("name", 1)).named("starts_on_name"));
		indexes.createIndex(new CompoundIndexDefinition(new Document("enrollments.id", 1)).named("enrollments_id"));
		indexes
			.createIndex(new CompoundIndexDefinition(new Document("enrollments.email", 1)).named("enrollments_email"));
		indexes.createIndex(new CompoundIndexDefinition(new Document("enrollments.offerExpiresAt", 1))
			.named("enrollments_offer_expires_at"));
		indexes.createIndex(new Index().on("startsOn", Sort.Direction.ASC).named("startsOn"));
	}

	Optional<CohortDocument> cohort(String id) {
		return Optional.ofNullable(this.mongo.findById(id, CohortDocument.class));
	}

	/** Some cohorts, whole (rosters included): for staff's reports. */
	List<CohortDocument> cohorts(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().exclude("outbox");
		return this.mongo.find(query, CohortDocument.class);
	}

	/**
	 * The cohorts in which an address applied, without their outbox: for the leadership
	 * ladder's look-up of one person.
	 * @param email the address, normalized as enrollments keep it
	 */
	List<CohortDocument> cohortsOfAddress(String email) {
		Query query = Query.query(Criteria.where("enrollments.email").is(email));
		query.fields().exclude("outbox");
		return this.mongo.find(query, CohortDocument.class);
	}

	/** The cohort that holds an enrollment. */
	Optional<CohortDocument> cohortOfEnrollment(String enrollmentId) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where("enrollments.id").is(enrollmentId)),
				CohortDocument.class));
	}

	/** The ids of the cohorts with an offer open at or before this time. */
	List<String> cohortsWithOffersDueBy(Instant now) {
		return this.mongo.find(Query.query(Criteria.where("enrollments")
			.elemMatch(Criteria.where("status").is(EnrollmentStatus.OFFERED.name()).and("offerExpiresAt").lte(now))),
				CohortDocument.class)
			.stream()
			.map(CohortDocument::getId)
			.toList();
	}

	/**
	 * How many enrollments of running cohorts are in this status (the line, the open
	 * offers), counted from the statuses alone.
	 */
	long countInRunningCohorts(EnrollmentStatus status) {
		Query query = Query.query(Criteria.where("completedAt")
			.isNull()
			.and("enrollments")
			.elemMatch(Criteria.where("status").is(status.name())));
		query.fields().include("enrollments.status");
		return this.mongo.find(query, Document.class, CohortDocument.COLLECTION)
			.stream()
			.flatMap((cohort) -> cohort.getList("enrollments", Document.class, List.of()).stream())
			.filter((enrollment) -> status.name().equals(enrollment.getString("status")))
			.count();
	}

	/**
	 * A page of cohorts for the public list: the roster's statuses and order only,
	 * neither the trainees' details nor the outbox.
	 * @param track only the cohorts of this track, or {@code null} for every track
	 * @param open {@code true}: only the cohorts that take applications {@code today}
	 * (not completed, the deadline not passed); {@code false}: only the others;
	 * {@code null}: all
	 */
	Page<CohortDocument> page(Track track, Boolean open, LocalDate today, Pageable pageable) {
		List<Criteria> all = new ArrayList<>();
		if (track != null) {
			all.add(Criteria.where("track").is(track.name()));
		}
		if (Boolean.TRUE.equals(open)) {
			all.add(Criteria.where("completedAt").isNull());
			all.add(Criteria.where("applicationDeadline").gte(today));
		}
		else if (Boolean.FALSE.equals(open)) {
			all.add(new Criteria().orOperator(Criteria.where("completedAt").ne(null),
					Criteria.where("applicationDeadline").lt(today)));
		}
		Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
		Query query = new Query(criteria).with(pageable);
		List<CohortDocument> content = this.mongo.find(publicFields(query), CohortDocument.class);
		long total = this.mongo.count(new Query(criteria), CohortDocument.class);
		return new PageImpl<>(content, pageable, total);
	}

	/** One cohort for the public: as in {@link #page}, nothing of its trainees. */
	Optional<CohortDocument> publicCohort(String id) {
		return Optional.ofNullable(
				this.mongo.findOne(publicFields(Query.query(Criteria.where("_id").is(id))), CohortDocument.class));
	}

	private static Query publicFields(Query query) {
		query.fields()
			.exclude("outbox")
			.exclude("enrollments.state")
			.exclude("enrollments.attended")
			.exclude("enrollments.name")
			.exclude("enrollments.email")
			.exclude("enrollments.answers")
			.exclude("enrollments.office")
			.exclude("enrollments.manageTokenHash")
			.exclude("enrollments.offerTokenHash");
		return query;
	}

	/**
	 * Inserts a new cohort with its {@code CohortOpened}; the save wakes the relay up.
	 */
	void insert(Cohort.Opened opened) {
		CohortDocument document = CohortDocument.newCohort(opened.cohort());
		this.outbox.append(document, opened.event());
		this.mongo.insert(document);
	}

	/**
	 * Writes a cohort's change if the stored cohort is still at the version it was read
	 * at: its roster and capacity, and the events pushed to its outbox.
	 * @return whether it was written (false: another write came first; read again)
	 */
	boolean update(CohortDocument read, Cohort.Change change) {
		Cohort cohort = change.cohort();
		Update update = new Update().set("enrollments", CohortDocument.entries(cohort))
			.set("nextSequence", cohort.nextSequence())
			.set("capacity", cohort.capacity())
			.set("attendanceTaken", List.copyOf(cohort.attendanceTaken()))
			.set("completedAt", cohort.completedAt());
		return this.updates.updateIfUnchanged(CohortDocument.class, read.getId(), read.getVersion(), update,
				change.events());
	}

}
