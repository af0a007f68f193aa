package org.groundgame.training.ladder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.VolunteerErased;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ladder's projection of volunteer-service's volunteers, by volunteer id: only what
 * the ladder needs — the e-mail key (computed on receipt: the address itself is never
 * kept), the chapter, and the hours of each shift sign-up. Plain documents rather than a
 * mapped class: the hours are a map keyed by sign-up id, written one entry at a time.
 * <p>
 * Events come in any order (sign-ups are keyed by the volunteer, attendance by the
 * shift): each write is conditional on what it would replace being older, and a
 * volunteer's erasure leaves only a mark that takes in nothing more.
 */
@Component
class LadderVolunteerStore {

	static final String COLLECTION = "ladder_volunteers";

	private final MongoTemplate mongo;

	LadderVolunteerStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).createIndex(new Index("emailKey", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index("chapterId", Sort.Direction.ASC));
	}

	/**
	 * Keeps the volunteer's key and chapter unless newer details are kept already, or
	 * they were erased.
	 */
	void profile(String volunteerId, String email, String chapterId, Instant occurredAt) {
		exists(volunteerId);
		this.mongo.updateFirst(Query.query(Criteria.where("_id")
			.is(volunteerId)
			.and("erasedAt")
			.is(null)
			.orOperator(Criteria.where("profileAt").is(null), Criteria.where("profileAt").lte(Date.from(occurredAt)))),
				new Update().set("emailKey", EmailKeys.of(email))
					.set("chapterId", (chapterId != null && !chapterId.isBlank()) ? chapterId : null)
					.set("profileAt", Date.from(occurredAt)),
				COLLECTION);
	}

	/**
	 * Keeps a sign-up's hours unless a newer record of that sign-up is kept already (a
	 * later record corrects an earlier one), or the volunteer was erased.
	 */
	void attendance(AttendanceRecorded recorded) {
		exists(recorded.volunteerId());
		String entry = "attendance." + recorded.signupId();
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id")
					.is(recorded.volunteerId())
					.and("erasedAt")
					.is(null)
					.orOperator(Criteria.where(entry + ".at").is(null),
							Criteria.where(entry + ".at").lte(Date.from(recorded.occurredAt())))),
				new Update().set(entry, new Document("hours", recorded.attended() ? Math.max(0, recorded.hours()) : 0.0)
					.append("at", Date.from(recorded.occurredAt()))),
				COLLECTION);
	}

	/** Drops everything but the mark that the volunteer was erased. */
	void erase(VolunteerErased erased) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(erased.volunteerId())),
				new Update().unset("emailKey")
					.unset("chapterId")
					.unset("attendance")
					.unset("profileAt")
					.set("erasedAt", Date.from(erased.occurredAt())),
				COLLECTION);
	}

	/**
	 * The volunteers with hours kept, of one chapter or all.
	 * @param chapterId a chapter, or {@code null} for all
	 */
	List<Volunteer> withAttendance(String chapterId) {
		Criteria criteria = Criteria.where("attendance").exists(true).and("erasedAt").is(null);
		if (chapterId != null) {
			criteria = criteria.and("chapterId").is(chapterId);
		}
		return read(Query.query(criteria));
	}

	/** The volunteers with this e-mail key (one, unless one was erased and came back). */
	List<Volunteer> withEmailKey(String emailKey) {
		return read(Query.query(Criteria.where("emailKey").is(emailKey).and("erasedAt").is(null)));
	}

	private List<Volunteer> read(Query query) {
		List<Volunteer> volunteers = new ArrayList<>();
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			double hours = 0;
			int shifts = 0;
			Document attendance = document.get("attendance", Document.class);
			if (attendance != null) {
				for (Map.Entry<String, Object> entry : attendance.entrySet()) {
					Number entryHours = ((Document) entry.getValue()).get("hours", Number.class);
					if (entryHours != null && entryHours.doubleValue() > 0) {
						hours += entryHours.doubleValue();
						shifts++;
					}
				}
			}
			volunteers.add(new Volunteer(document.getString("_id"), document.getString("emailKey"),
					document.getString("chapterId"), hours, shifts));
		}
		return volunteers;
	}

	/**
	 * Makes sure the volunteer has a document, so that the conditional writes above need
	 * no upsert (an upsert whose condition fails would try to insert the id again).
	 */
	private void exists(String volunteerId) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(volunteerId)),
					new Update().setOnInsert("_id", volunteerId), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// Inserted at the same moment by another write: it exists.
		}
	}

}
