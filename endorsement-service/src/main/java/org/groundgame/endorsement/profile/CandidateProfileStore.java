package org.groundgame.endorsement.profile;

import java.time.Instant;
import java.util.List;

import org.groundgame.endorsement.profile.domain.CandidateProfile;
import org.groundgame.support.store.DocumentFields;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Where candidates' profiles are kept, under the candidate's id. A profile is inserted by
 * its first write (a duplicate id if another came first, or a tombstone is there); after
 * that each write is in place on the version it was read at ({@code $set} of what it
 * holds, {@code $unset} of what became empty), so that a concurrent write fails instead
 * of being overwritten, and no write gets past an erasure's tombstone.
 */
@Component
class CandidateProfileStore {

	/** The fields a write of the profile sets (all but the id, version and tombstone). */
	private static final List<String> WRITTEN_FIELDS = List.of(ProfileDocument.DRAFT, "revision", "changedAt",
			"changedBy", "approved", "approvedRevision", "approvedAt", ProfileDocument.IMAGES);

	private final MongoTemplate mongo;

	CandidateProfileStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A profile, with or without its stored images; {@code null} when none. */
	ProfileDocument find(String candidateId, boolean withImages) {
		Query query = Query.query(Criteria.where("_id").is(candidateId));
		if (!withImages) {
			query.fields().exclude(ProfileDocument.IMAGES);
		}
		return this.mongo.findOne(query, ProfileDocument.class);
	}

	/**
	 * The profiles whose draft waits for staff's approval (never approved, or changed
	 * since), the latest change first, without their images.
	 */
	Page<ProfileDocument> awaitingApproval(int page, int size) {
		Criteria criteria = Criteria.where("draft")
			.ne(null)
			.and("erasedAt")
			.is(null)
			.andOperator(Criteria.expr(ComparisonOperators.valueOf("revision").notEqualTo("approvedRevision")));
		PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("changedAt"), Sort.Order.asc("_id")));
		Query query = new Query(criteria).with(pageable);
		// Not the stored images: only the draft's words and revision are needed here.
		query.fields().exclude(ProfileDocument.IMAGES);
		return PageableExecutionUtils.getPage(this.mongo.find(query, ProfileDocument.class), pageable,
				() -> this.mongo.count(Query.of(query).limit(-1).skip(-1), ProfileDocument.class));
	}

	/** The approved profiles among these candidates', without images or drafts. */
	List<ProfileDocument> approved(List<String> candidateIds) {
		Query query = Query
			.query(Criteria.where("_id").in(candidateIds).and("approved").ne(null).and("erasedAt").is(null));
		query.fields().exclude(ProfileDocument.IMAGES).exclude(ProfileDocument.DRAFT);
		return this.mongo.find(query, ProfileDocument.class);
	}

	/**
	 * Writes a profile: inserted when there was none, else in place if still at the
	 * version read.
	 * @param read the profile as read with its images, or {@code null} when there was
	 * none
	 * @throws DuplicateKeyException when there was none and another write (or an erasure)
	 * came first
	 * @throws OptimisticLockingFailureException when another write came first
	 */
	void write(ProfileDocument read, String candidateId, CandidateProfile profile, StoredImage uploaded) {
		if (read == null) {
			ProfileDocument created = ProfileDocument.newFor(candidateId);
			created.update(profile, uploaded);
			this.mongo.insert(created);
			return;
		}
		read.update(profile, uploaded);
		Update update = DocumentFields.setOrUnset(this.mongo.getConverter(), read, WRITTEN_FIELDS);
		update.inc("version", 1);
		long matched = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(read.getId()).and("version").is(read.getVersion())),
					update, ProfileDocument.class)
			.getMatchedCount();
		if (matched == 0) {
			throw new OptimisticLockingFailureException(
					"The profile of candidate " + read.getId() + " was changed meanwhile; read it again");
		}
	}

	/**
	 * A candidate's erasure: their profile goes, leaving a tombstone (its id and when)
	 * that a write begun earlier cannot get past. Erasing again changes nothing.
	 */
	void erase(String candidateId, Instant erasedAt) {
		Query unerased = Query.query(Criteria.where("_id").is(candidateId).and("erasedAt").is(null));
		Update tombstone = new Update().set("erasedAt", erasedAt)
			.unset(ProfileDocument.DRAFT)
			.unset("approved")
			.unset(ProfileDocument.IMAGES)
			.unset("changedAt")
			.unset("changedBy")
			.unset("approvedAt")
			.unset("revision")
			.unset("approvedRevision")
			.inc("version", 1);
		try {
			this.mongo.upsert(unerased, tombstone, ProfileDocument.class);
		}
		catch (DuplicateKeyException erasedAlready) {
			// Its tombstone is there: nothing left to erase.
		}
	}

}
