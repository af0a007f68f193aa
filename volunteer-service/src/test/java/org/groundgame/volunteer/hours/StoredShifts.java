package org.groundgame.volunteer.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Opportunities and shifts stored exactly as the opportunity feature stores them (the
 * stored field names fixed by the plan of issue 6), for the tests of the features that
 * only read them: calendars and hours.
 * <p>
 * Deliberately raw documents, written past {@code OpportunityStore} and
 * {@code ShiftStore}: these readers must read the stored shape a running deployment holds
 * (shifts long over, attendance recorded in the past, a signup whose volunteer id was
 * dropped), which neither the API nor the domain can produce today; going through the
 * stores would test the writer against itself.
 */
public final class StoredShifts {

	private final MongoTemplate mongo;

	public StoredShifts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores an opportunity and answers its id. */
	public String opportunity(String status, String chapterId, String title, String description) {
		String id = UUID.randomUUID().toString();
		Document opportunity = new Document("_id", id).append("title", title)
			.append("description", description)
			.append("type", "PHONE_BANK")
			.append("status", status)
			.append("state", "MO")
			.append("chapterId", chapterId)
			.append("endorsementId", null)
			.append("raceId", null)
			.append("location", "Mobilize Missouri HQ")
			.append("virtualLink", null)
			.append("createdAt", new Date())
			.append("publishedAt", "OPEN".equals(status) ? new Date() : null)
			.append("outbox", List.of())
			.append("version", 0L);
		this.mongo.insert(opportunity, "opportunities");
		return id;
	}

	/** A shift to shape, then {@link Shift#store() store}. */
	public Shift shift(String opportunityId, Instant startsAt, Duration length) {
		return new Shift(opportunityId, startsAt, startsAt.plus(length));
	}

	/** One shift as stored, with its signups. */
	public final class Shift {

		private final Document document;

		private final List<Document> signups = new ArrayList<>();

		private Shift(String opportunityId, Instant startsAt, Instant endsAt) {
			this.document = new Document("_id", UUID.randomUUID().toString()).append("opportunityId", opportunityId)
				.append("title", "Phone bank")
				.append("type", "PHONE_BANK")
				.append("state", "MO")
				.append("chapterId", null)
				.append("endorsementId", null)
				.append("raceId", null)
				.append("startsAt", Date.from(startsAt))
				.append("endsAt", Date.from(endsAt))
				.append("location", "Mobilize Missouri HQ")
				.append("virtualLink", null)
				.append("capacity", 20)
				.append("status", "SCHEDULED");
		}

		public Shift set(String field, Object value) {
			this.document.append(field, value);
			return this;
		}

		public Shift race(String raceId, String endorsementId) {
			return set("raceId", raceId).set("endorsementId", endorsementId);
		}

		/** A signup; {@code hours} only for {@code ATTENDED}. */
		public Shift signup(String volunteerId, String volunteerChapterId, String status, Double hours) {
			Date now = new Date();
			boolean recorded = "ATTENDED".equals(status) || "NO_SHOW".equals(status);
			this.signups.add(new Document("id", UUID.randomUUID().toString()).append("volunteerId", volunteerId)
				.append("volunteerChapterId", volunteerChapterId)
				.append("status", status)
				.append("sequence", (long) this.signups.size() + 1)
				.append("signedUpAt", now)
				.append("registeredAt", "WAITLISTED".equals(status) ? null : now)
				.append("cancelledAt", "CANCELLED".equals(status) ? now : null)
				.append("hours", "ATTENDED".equals(status) ? hours : ("NO_SHOW".equals(status) ? 0.0 : null))
				.append("attendanceRecordedAt", recorded ? now : null)
				.append("remindedAt", null)
				.append("manageTokenHash", "hash-" + UUID.randomUUID()));
			if (volunteerId == null) {
				// What may be left of an erased volunteer's record: no volunteer id.
				this.signups.get(this.signups.size() - 1).remove("volunteerId");
			}
			return this;
		}

		/** Stores the shift and answers its id. */
		public String store() {
			this.document.append("signups", this.signups)
				.append("nextSequence", (long) this.signups.size() + 1)
				.append("outbox", List.of())
				.append("version", 4L);
			StoredShifts.this.mongo.insert(this.document, "shifts");
			return this.document.getString("_id");
		}

	}

}
