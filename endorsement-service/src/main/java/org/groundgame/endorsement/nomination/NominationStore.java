package org.groundgame.endorsement.nomination;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.events.DomainEvent;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.support.store.DocumentFields;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Where nominations are kept, the only class that knows their collection and queries. A
 * nomination is inserted whole, with the events of its submission in its outbox; after
 * that it changes only in place, on the version it was read at, through
 * {@link OutboxUpdates}: what the command changed is {@code $set} (or {@code $unset} when
 * it became empty) and only the new events are pushed, so that a write never puts back an
 * event the relay published meanwhile. Also the filtered, paged lists of nominations and
 * endorsements, newest first.
 */
@Component
public class NominationStore {

	/**
	 * The fields a command may change; what a nomination was submitted with never
	 * changes.
	 */
	static final List<String> CHANGEABLE_FIELDS = List.of("status", "nominatedBy", "review", "hold", "research",
			"recommendation", "chapterForm", "closure", "questionnaire", "decision", "endorsement",
			"activeEndorsementKey");

	private final MongoTemplate mongo;

	private final NominationRepository repository;

	private final OutboxUpdates updates;

	NominationStore(MongoTemplate mongo, NominationRepository repository, OutboxUpdates updates) {
		this.mongo = mongo;
		this.repository = repository;
		this.updates = updates;
		IndexOperations indexes = mongo.indexOps(NominationDocument.class);
		indexes.createIndex(compound("status_submittedAt", new Document("status", 1).append("submittedAt", -1)));
		indexes.createIndex(compound("state_cycle", new Document("race.state", 1).append("cycle", 1)));
		indexes.createIndex(
				compound("chapter_submittedAt", new Document("nominatedBy.chapterId", 1).append("submittedAt", -1)));
		indexes.createIndex(compound("candidate_race", new Document("candidateId", 1).append("race.raceId", 1)));
		indexes
			.createIndex(compound("questionnaire_token", new Document("questionnaire.tokenHash", 1)).unique().sparse());
		indexes.createIndex(new Index().on("activeEndorsementKey", Sort.Direction.ASC)
			.named("activeEndorsementKey")
			.unique()
			.sparse());
		indexes.createIndex(new Index().on("endorsement.endorsementId", Sort.Direction.ASC)
			.named("endorsement.endorsementId")
			.unique()
			.sparse());
	}

	private static CompoundIndexDefinition compound(String name, Document keys) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
		index.named(name);
		return index;
	}

	Optional<NominationDocument> find(String nominationId) {
		return this.repository.findById(nominationId);
	}

	Optional<NominationDocument> findByEndorsement(String endorsementId) {
		return this.repository.findByEndorsementEndorsementId(endorsementId);
	}

	Optional<NominationDocument> findByQuestionnaireToken(String tokenHash) {
		return this.repository.findByQuestionnaireTokenHash(tokenHash);
	}

	/** Whether a nomination holds this active endorsement key. */
	boolean holdsActiveEndorsement(String activeEndorsementKey) {
		return this.repository.existsByActiveEndorsementKey(activeEndorsementKey);
	}

	/** Whether a nomination other than this one holds this active endorsement key. */
	boolean anotherHoldsActiveEndorsement(String activeEndorsementKey, String nominationId) {
		return this.repository.existsByActiveEndorsementKeyAndIdNot(activeEndorsementKey, nominationId);
	}

	/** The endorsed nominations for races in a state in cycles before the given one. */
	List<NominationDocument> endorsedBefore(String state, int cycle) {
		return this.repository.findByRaceStateAndCycleLessThanAndEndorsementIsNotNull(state, cycle);
	}

	long countByStatusIn(Collection<NominationStatus> statuses) {
		return this.repository.countByStatusIn(statuses);
	}

	/**
	 * Inserts a new nomination with the events in its outbox; the insert wakes the relay.
	 */
	void insert(NominationDocument document) {
		this.mongo.insert(document);
	}

	/** Inserts a slate's new nominations in one write. */
	public void insertAll(List<NominationDocument> documents) {
		this.mongo.insert(documents, NominationDocument.class);
	}

	/**
	 * Writes what a command changed, and pushes the events it caused, if the stored
	 * nomination is still at the version it was read at.
	 * @param read the document as read (its id and version)
	 * @param changed the nomination after the command
	 * @return whether it was written ({@code false}: another write came first; read
	 * again)
	 * @throws org.springframework.dao.DuplicateKeyException when the change would give a
	 * second nomination the same active endorsement
	 */
	boolean update(NominationDocument read, Nomination changed, Collection<? extends DomainEvent> events) {
		NominationDocument after = read.changedTo(changed);
		return this.updates.updateIfUnchanged(NominationDocument.class, read.getId(), read.getVersion(),
				setOrUnset(after, CHANGEABLE_FIELDS), events);
	}

	/**
	 * Writes the erasable fields of a nomination as an erasure left them, in place, if it
	 * is still at the version read. No event: the events pending in its outbox are left
	 * to the relay.
	 * @return whether it was written
	 */
	boolean updateErased(NominationDocument read, NominationDocument erased) {
		return this.updates.updateIfUnchanged(NominationDocument.class, read.getId(), read.getVersion(),
				setOrUnset(erased, NominationDocument.ERASABLE_FIELDS), List.of());
	}

	/** Each field {@code $set} to the document's value, or {@code $unset} when empty. */
	private Update setOrUnset(NominationDocument document, List<String> fields) {
		return DocumentFields.setOrUnset(this.mongo.getConverter(), document, fields);
	}

	/** The ids of the nominations naming a candidate, oldest first. */
	List<String> idsNaming(String candidateId) {
		Query query = Query.query(Criteria.where("candidateId").is(candidateId)).with(Sort.by("submittedAt", "_id"));
		return ids(query);
	}

	/** The ids of the nominations whose nominator gave this address (case aside). */
	List<String> idsNominatedBy(String address) {
		return ids(Query.query(byNominatorAddress(address)));
	}

	public static Criteria byNominatorAddress(String address) {
		return Criteria.where("nominatedBy.email").regex("^" + literal(address) + "$", "i");
	}

	private List<String> ids(Query query) {
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, NominationDocument.COLLECTION)
			.stream()
			.map((document) -> String.valueOf(document.get("_id")))
			.toList();
	}

	/** The address as a regular expression that matches it and nothing else. */
	private static String literal(String text) {
		StringBuilder literal = new StringBuilder(text.length() * 2);
		text.codePoints().forEach((codePoint) -> {
			if (!Character.isLetterOrDigit(codePoint) && codePoint < 128) {
				literal.append('\\');
			}
			literal.appendCodePoint(codePoint);
		});
		return literal.toString();
	}

	/**
	 * @param chapterId only the nominations attributed to this chapter, or {@code null}
	 * for all
	 */
	Page<NominationDocument> nominations(String chapterId, NominationStatus status, NominationFilter filter, int page,
			int size) {
		Criteria criteria = nominationCriteria(chapterId, filter);
		if (status != null) {
			criteria.and("status").is(status);
		}
		return find(criteria,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"))));
	}

	/**
	 * How many nominations match the filter, per status (every status, zero included),
	 * counted by the store in one aggregation.
	 * @param chapterId only the nominations attributed to this chapter, or {@code null}
	 * for all
	 */
	Map<NominationStatus, Long> countsByStatus(String chapterId, NominationFilter filter) {
		Map<NominationStatus, Long> counts = new EnumMap<>(NominationStatus.class);
		for (NominationStatus status : NominationStatus.values()) {
			counts.put(status, 0L);
		}
		Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(nominationCriteria(chapterId, filter)),
				Aggregation.group("status").count().as("n"));
		for (Document group : this.mongo.aggregate(aggregation, NominationDocument.class, Document.class)) {
			counts.put(NominationStatus.valueOf(group.getString("_id")), ((Number) group.get("n")).longValue());
		}
		return counts;
	}

	/**
	 * What a list of nominations may be narrowed to besides its status; {@code null} for
	 * any.
	 *
	 * @param cycle the election year
	 */
	record NominationFilter(UsState state, Integer cycle, RaceLevel level) {
	}

	private static Criteria nominationCriteria(String chapterId, NominationFilter filter) {
		Criteria criteria = new Criteria();
		if (chapterId != null) {
			criteria.and("nominatedBy.chapterId").is(chapterId);
		}
		if (filter.state() != null) {
			criteria.and("race.state").is(filter.state().code());
		}
		if (filter.cycle() != null) {
			criteria.and("cycle").is(filter.cycle());
		}
		if (filter.level() != null) {
			criteria.and("race.level").is(filter.level());
		}
		return criteria;
	}

	/**
	 * The endorsements that match every filter given, newest first: by when they were
	 * granted, or by when their last outcome was recorded (those with none last).
	 */
	public Page<NominationDocument> endorsements(EndorsementFilter filter, EndorsementOrder order, int page, int size) {
		Criteria criteria = endorsementCriteria(filter.state(), filter.level(), filter.cycle(), filter.status());
		if (filter.office() != null && !filter.office().isBlank()) {
			criteria.and("race.office").regex(Pattern.quote(filter.office().strip()), "i");
		}
		if (filter.candidateId() != null) {
			criteria.and("candidateId").is(filter.candidateId());
		}
		if (filter.outcome() != null) {
			criteria.and("endorsement.outcome").is(filter.outcome());
		}
		Sort sort = switch (order) {
			case ENDORSED -> Sort.by(Sort.Order.desc("endorsement.endorsedAt"), Sort.Order.desc("id"));
			case OUTCOME -> Sort.by(Sort.Order.desc("endorsement.outcomeRecordedAt"),
					Sort.Order.desc("endorsement.endorsedAt"), Sort.Order.desc("id"));
		};
		return find(criteria, PageRequest.of(page, size, sort));
	}

	/**
	 * What a list of endorsements may be narrowed to; {@code null} for any.
	 *
	 * @param office part of the office's name (or the measure's title), any case
	 * @param outcome the outcome last recorded
	 */
	public record EndorsementFilter(UsState state, RaceLevel level, Integer cycle, String office,
			EndorsementStatus status, String candidateId, ElectionOutcome outcome) {
	}

	/** The order of a list of endorsements, newest first. */
	public enum EndorsementOrder {

		/** By when they were granted. */
		ENDORSED,

		/** By when their last outcome was recorded: the latest victories first. */
		OUTCOME

	}

	/** Every endorsement that matches, without paging: for races and tallies. */
	public List<NominationDocument> allEndorsements(UsState state, RaceLevel level, Integer cycle,
			EndorsementStatus status) {
		Query query = new Query(endorsementCriteria(state, level, cycle, status));
		query.fields().exclude(HasOutbox.FIELD);
		return this.mongo.find(query, NominationDocument.class);
	}

	public List<NominationDocument> endorsementsInRace(String raceId) {
		Query query = new Query(Criteria.where("endorsement").ne(null).and("race.raceId").is(raceId));
		query.fields().exclude(HasOutbox.FIELD);
		return this.mongo.find(query, NominationDocument.class);
	}

	/** The ids of pending nominations whose election was on or before that day. */
	List<String> pendingElectedBefore(LocalDate lastPassedDay) {
		Query query = new Query(Criteria.where("status")
			.in(NominationStatus.PENDING)
			.and("race.electionDate")
			.lte(lastPassedDay.toString()));
		query.fields().include("_id");
		return this.mongo.find(query, NominationDocument.class).stream().map(NominationDocument::getId).toList();
	}

	private static Criteria endorsementCriteria(UsState state, RaceLevel level, Integer cycle,
			EndorsementStatus status) {
		Criteria criteria = Criteria.where("endorsement").ne(null);
		if (status != null) {
			criteria.and("endorsement.status").is(status);
		}
		if (state != null) {
			criteria.and("race.state").is(state.code());
		}
		if (level != null) {
			criteria.and("race.level").is(level);
		}
		if (cycle != null) {
			criteria.and("cycle").is(cycle);
		}
		return criteria;
	}

	private Page<NominationDocument> find(Criteria criteria, PageRequest pageable) {
		Query query = new Query(criteria).with(pageable);
		query.fields().exclude(HasOutbox.FIELD);
		return PageableExecutionUtils.getPage(this.mongo.find(query, NominationDocument.class), pageable,
				() -> this.mongo.count(Query.of(query).limit(-1).skip(-1), NominationDocument.class));
	}

}
