package org.groundgame.training.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.groundgame.events.training.GraduateRanForOffice;
import org.groundgame.support.outbox.OutboxUpdates;

import org.springframework.dao.DuplicateKeyException;
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
 * Where the pipeline keeps its graduates and candidacies. Candidacies are upserted field
 * by field (their events come in any order); a graduate is inserted once and then changed
 * by targeted, version-checked updates, a link with its event in one write
 * ({@link OutboxUpdates}).
 */
@Component
class PipelineStore {

	/**
	 * How many times a link races another write to the same graduate before giving up.
	 */
	static final int MAX_ATTEMPTS = 16;

	private final MongoTemplate mongo;

	private final OutboxUpdates updates;

	PipelineStore(MongoTemplate mongo, OutboxUpdates updates) {
		this.mongo = mongo;
		this.updates = updates;
		createIndexes(mongo.indexOps(GraduateDocument.class));
		createIndexes(mongo.indexOps(CandidacyDocument.class));
	}

	/**
	 * The indexes of both collections, as they were declared on the documents before
	 * (same names and keys, so a deployment's existing indexes are the same ones): by
	 * e-mail key, and by name key and state.
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("nameKey", 1).append("state", 1))
			.named("name_key_state"));
		indexes.createIndex(new Index().on("emailKey", Sort.Direction.ASC).named("emailKey"));
	}

	/**
	 * Records what a nomination says of its candidate and race; one a chapter made is
	 * vouched for.
	 */
	void recordNomination(String nominationId, String candidateId, String nameKey, String emailKey,
			CandidacyDocument.RaceEntry race, Instant submittedAt, boolean byChapter) {
		Update update = new Update().set("candidateId", candidateId)
			.set("state", (race != null) ? state(race.state()) : null)
			.set("race", race)
			.set("submittedAt", submittedAt);
		if (byChapter) {
			update.set("vouched", true);
		}
		this.mongo.upsert(byId(nominationId), update, CandidacyDocument.class);
		// The match keys only while the candidate is not erased: the erasure may have
		// come first (its event is keyed by the candidate, this one by the nomination).
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(nominationId).and("erasedAt").is(null)),
				new Update().set("nameKey", nameKey).set("emailKey", emailKey), CandidacyDocument.class);
	}

	/**
	 * Drops the match keys of a candidate's candidacies (personal data) and marks them
	 * erased, known or not yet: their endorsements, outcomes and links stay.
	 */
	void eraseCandidacies(Collection<String> nominationIds, Instant erasedAt) {
		for (String nominationId : nominationIds) {
			this.mongo.upsert(byId(nominationId),
					new Update().unset("nameKey").unset("emailKey").set("erasedAt", erasedAt), CandidacyDocument.class);
		}
	}

	/** Staff took the nomination up: it is vouched for (never unset). */
	void recordVouched(String nominationId) {
		this.mongo.upsert(byId(nominationId), new Update().set("vouched", true), CandidacyDocument.class);
	}

	void recordEndorsed(String nominationId, String endorsementId) {
		this.mongo.upsert(byId(nominationId),
				new Update().set("endorsementId", endorsementId).set("endorsed", true).set("vouched", true),
				CandidacyDocument.class);
	}

	void recordRescinded(String nominationId, String endorsementId) {
		this.mongo.upsert(byId(nominationId), new Update().set("endorsementId", endorsementId).set("rescinded", true),
				CandidacyDocument.class);
	}

	/**
	 * Records an outcome unless a later one is already recorded (the last recorded is the
	 * current one, whatever a redelivery brings back).
	 */
	void recordOutcome(String nominationId, String endorsementId, String result, Instant recordedAt) {
		this.mongo.upsert(byId(nominationId), new Update().setOnInsert("endorsementId", endorsementId),
				CandidacyDocument.class);
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id")
					.is(nominationId)
					.orOperator(Criteria.where("outcomeAt").is(null), Criteria.where("outcomeAt").lte(recordedAt))),
				new Update().set("outcome", result).set("outcomeAt", recordedAt).set("endorsementId", endorsementId),
				CandidacyDocument.class);
	}

	Optional<CandidacyDocument> candidacy(String nominationId) {
		return Optional.ofNullable(this.mongo.findById(nominationId, CandidacyDocument.class));
	}

	List<CandidacyDocument> candidacies(Collection<String> nominationIds) {
		if (nominationIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(nominationIds)), CandidacyDocument.class);
	}

	/**
	 * The candidacies nominated since the graduate's cohort began that may be theirs:
	 * same e-mail key, or same name key and state (the graduate decides which match).
	 */
	List<CandidacyDocument> candidaciesThatMayBe(Graduate graduate) {
		List<Criteria> alike = alike(graduate.emailKey(), graduate.nameKey(), graduate.state());
		if (alike.isEmpty()) {
			return List.of();
		}
		Instant firstSession = graduate.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
		return this.mongo.find(
				Query.query(Criteria.where("submittedAt").gte(firstSession).orOperator(alike.toArray(Criteria[]::new))),
				CandidacyDocument.class);
	}

	/** The graduates a candidacy may belong to (the graduate decides which match). */
	List<GraduateDocument> graduatesThatMayBe(Candidacy candidacy) {
		List<Criteria> alike = alike(candidacy.emailKey(), candidacy.nameKey(), candidacy.state());
		if (alike.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(new Criteria().orOperator(alike.toArray(Criteria[]::new))),
				GraduateDocument.class);
	}

	private static List<Criteria> alike(String emailKey, String nameKey, String state) {
		List<Criteria> alike = new ArrayList<>();
		if (emailKey != null) {
			alike.add(Criteria.where("emailKey").is(emailKey));
		}
		if (nameKey != null && state != null) {
			alike.add(Criteria.where("nameKey").is(nameKey).and("state").is(state(state)));
		}
		return alike;
	}

	/**
	 * Inserts a graduate.
	 * @return whether it was new (false: already there, from an earlier delivery)
	 */
	boolean insert(GraduateDocument graduate) {
		try {
			this.mongo.insert(graduate);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<GraduateDocument> graduate(String enrollmentId) {
		return Optional.ofNullable(this.mongo.findById(enrollmentId, GraduateDocument.class));
	}

	/**
	 * The graduates with one of these e-mail keys, without their outbox: for the
	 * leadership ladder.
	 */
	List<GraduateDocument> graduatesWithEmailKeys(Collection<String> emailKeys) {
		if (emailKeys.isEmpty()) {
			return List.of();
		}
		Query query = Query.query(Criteria.where("emailKey").in(emailKeys));
		query.fields().exclude("outbox");
		return this.mongo.find(query, GraduateDocument.class);
	}

	/** The candidacies nominated with this e-mail key (none once erased). */
	List<CandidacyDocument> candidaciesWithEmailKey(String emailKey) {
		return this.mongo.find(Query.query(Criteria.where("emailKey").is(emailKey)), CandidacyDocument.class);
	}

	/** Every graduate, without their outbox, for the report. */
	List<GraduateDocument> graduates() {
		Query query = new Query();
		query.fields().exclude("outbox");
		return this.mongo.find(query, GraduateDocument.class);
	}

	/**
	 * Links a nomination to a graduate with the event announcing it, in one write, unless
	 * they are linked already.
	 * @return whether the link is new
	 */
	boolean link(String enrollmentId, String nominationId, GraduateRanForOffice event) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			GraduateDocument read = graduate(enrollmentId)
				.orElseThrow(() -> new IllegalStateException("Graduate " + enrollmentId + " is not in the pipeline"));
			if (read.getNominations().contains(nominationId)) {
				return false;
			}
			if (this.updates.updateIfUnchanged(GraduateDocument.class, enrollmentId, read.getVersion(),
					new Update().addToSet("nominations", nominationId), List.of(event))) {
				return true;
			}
		}
		throw new IllegalStateException("Graduate " + enrollmentId + " kept changing; the link will be retried");
	}

	/** Drops the graduate's match keys (personal data); their links and counts stay. */
	void erase(String enrollmentId, Instant erasedAt) {
		this.mongo.updateFirst(byId(enrollmentId),
				new Update().unset("emailKey").unset("nameKey").set("erasedAt", erasedAt).inc("version", 1),
				GraduateDocument.class);
	}

	static String state(String state) {
		return (state != null && !state.isBlank()) ? state.strip().toUpperCase(Locale.ROOT) : null;
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
