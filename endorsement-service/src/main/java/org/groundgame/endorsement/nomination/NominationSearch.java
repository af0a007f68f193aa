package org.groundgame.endorsement.nomination;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/** The filtered, paged lists of nominations and endorsements, newest first. */
@Component
class NominationSearch {

	private final MongoTemplate mongo;

	NominationSearch(MongoTemplate mongo) {
		this.mongo = mongo;
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
	Page<NominationDocument> endorsements(EndorsementFilter filter, EndorsementOrder order, int page, int size) {
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
	record EndorsementFilter(UsState state, RaceLevel level, Integer cycle, String office, EndorsementStatus status,
			String candidateId, ElectionOutcome outcome) {
	}

	/** The order of a list of endorsements, newest first. */
	enum EndorsementOrder {

		/** By when they were granted. */
		ENDORSED,

		/** By when their last outcome was recorded: the latest victories first. */
		OUTCOME

	}

	/** Every endorsement that matches, without paging: for races and tallies. */
	List<NominationDocument> allEndorsements(UsState state, RaceLevel level, Integer cycle, EndorsementStatus status) {
		Query query = new Query(endorsementCriteria(state, level, cycle, status));
		query.fields().exclude(HasOutbox.FIELD);
		return this.mongo.find(query, NominationDocument.class);
	}

	List<NominationDocument> endorsementsInRace(String raceId) {
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
