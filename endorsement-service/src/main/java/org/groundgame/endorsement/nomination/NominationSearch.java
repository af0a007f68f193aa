package org.groundgame.endorsement.nomination;

import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
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
	Page<NominationDocument> nominations(String chapterId, NominationStatus status, UsState state, int page, int size) {
		Criteria criteria = new Criteria();
		if (chapterId != null) {
			criteria.and("nominatedBy.chapterId").is(chapterId);
		}
		if (status != null) {
			criteria.and("status").is(status);
		}
		if (state != null) {
			criteria.and("race.state").is(state.code());
		}
		return find(criteria,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"))));
	}

	Page<NominationDocument> endorsements(UsState state, RaceLevel level, Integer cycle, int page, int size) {
		Criteria criteria = Criteria.where("endorsement").ne(null);
		if (state != null) {
			criteria.and("race.state").is(state.code());
		}
		if (level != null) {
			criteria.and("race.level").is(level);
		}
		if (cycle != null) {
			criteria.and("cycle").is(cycle);
		}
		return find(criteria,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("endorsement.endorsedAt"), Sort.Order.desc("id"))));
	}

	private Page<NominationDocument> find(Criteria criteria, PageRequest pageable) {
		Query query = new Query(criteria).with(pageable);
		query.fields().exclude(HasOutbox.FIELD);
		return PageableExecutionUtils.getPage(this.mongo.find(query, NominationDocument.class), pageable,
				() -> this.mongo.count(Query.of(query).limit(-1).skip(-1), NominationDocument.class));
	}

}
