package org.groundgame.volunteer.hours;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Attendance as the opportunity feature stores it, read and summed by the store: the
 * signups embedded in each {@code shifts} document ({@code $unwind}, {@code $match},
 * {@code $group}). Chapters' names and states from {@code chapters}. Reads only.
 */
@Component
class AttendanceStore {

	static final String SHIFTS = "shifts";

	static final String CHAPTERS = "chapters";

	static final String ATTENDED = "ATTENDED";

	static final String NO_SHOW = "NO_SHOW";

	private final MongoTemplate mongo;

	AttendanceStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** One volunteer's attended and missed shifts, soonest first. */
	List<Attendance> attendanceOf(String volunteerId) {
		List<Document> pipeline = List.of(new Document("$match", new Document("signups.volunteerId", volunteerId)),
				new Document("$unwind", "$signups"),
				new Document("$match",
						new Document("signups.volunteerId", volunteerId).append("signups.status",
								new Document("$in", List.of(ATTENDED, NO_SHOW)))),
				new Document("$sort", new Document("startsAt", 1).append("_id", 1)));
		List<Attendance> attendance = new ArrayList<>();
		for (Document shift : aggregate(pipeline)) {
			Document signup = shift.get("signups", Document.class);
			boolean attended = ATTENDED.equals(signup.getString("status"));
			attendance.add(new Attendance(string(shift.get("_id")), string(shift.get("opportunityId")),
					shift.getString("title"), shift.get("startsAt", Date.class).toInstant(), attended,
					attended ? number(signup.get("hours")) : 0));
		}
		return attendance;
	}

	/**
	 * Each volunteer's attended hours and shifts in the selection, with the chapter they
	 * were a member of at their latest shift.
	 * @param chapterIds only hours counted for these chapters, or {@code null} for all
	 */
	List<Totals> volunteerTotals(HoursSelection selection, Collection<String> chapterIds) {
		List<Document> pipeline = new ArrayList<>(attended(selection, chapterIds, false));
		pipeline.add(new Document("$sort", new Document("startsAt", 1).append("_id", 1)));
		pipeline.add(new Document("$group",
				new Document("_id", "$signups.volunteerId").append("hours", new Document("$sum", "$signups.hours"))
					.append("shifts", new Document("$sum", 1))
					.append("chapterId", new Document("$last", "$signups.volunteerChapterId"))));
		// A signup whose volunteer was erased may keep no volunteer id: its hours still
		// count for the chapter, but belong to no one on this board.
		return aggregate(pipeline).stream()
			.filter((total) -> total.get("_id") != null)
			.map((total) -> new Totals(string(total.get("_id")), total.getString("chapterId"),
					number(total.get("hours")), number(total.get("shifts")).intValue(), 1))
			.toList();
	}

	/**
	 * Each chapter's attended hours in the selection, with how many of its volunteers and
	 * distinct shifts.
	 * @param chapterIds only these chapters, or {@code null} for all
	 */
	List<Totals> chapterTotals(HoursSelection selection, Collection<String> chapterIds) {
		List<Document> pipeline = new ArrayList<>(attended(selection, chapterIds, true));
		pipeline.add(new Document("$group",
				new Document("_id", "$signups.volunteerChapterId")
					.append("hours", new Document("$sum", "$signups.hours"))
					.append("volunteers", new Document("$addToSet", "$signups.volunteerId"))
					.append("shifts", new Document("$addToSet", "$_id"))));
		return aggregate(pipeline).stream()
			.map((total) -> new Totals(null, string(total.get("_id")), number(total.get("hours")),
					distinct(total.getList("shifts", Object.class)),
					distinct(total.getList("volunteers", Object.class))))
			.toList();
	}

	/** The registered chapters among these ids, by id. */
	Map<String, Chapter> chapters(Collection<String> ids) {
		Map<String, Chapter> chapters = new HashMap<>();
		if (!ids.isEmpty()) {
			Query query = Query.query(Criteria.where("_id").in(ids));
			query.fields().include("name", "state");
			this.mongo.find(query, Document.class, CHAPTERS)
				.forEach((chapter) -> chapters.put(string(chapter.get("_id")), new Chapter(string(chapter.get("_id")),
						chapter.getString("name"), chapter.getString("state"))));
		}
		return chapters;
	}

	/** The ids of the chapters registered in a state. */
	List<String> chaptersIn(String state) {
		Query query = Query.query(Criteria.where("state").is(state));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, CHAPTERS).stream().map((c) -> string(c.get("_id"))).toList();
	}

	/**
	 * The attended signups of the selected shifts, one per document: the shifts first (by
	 * their indexed fields), then their signups.
	 */
	private static List<Document> attended(HoursSelection selection, Collection<String> chapterIds,
			boolean withChapter) {
		Document shifts = new Document("signups.status", ATTENDED);
		if (selection.raceId() != null) {
			shifts.append("raceId", selection.raceId());
		}
		if (selection.endorsementId() != null) {
			shifts.append("endorsementId", selection.endorsementId());
		}
		Document startsAt = new Document();
		if (selection.from() != null) {
			startsAt.append("$gte", Date.from(selection.from()));
		}
		if (selection.to() != null) {
			startsAt.append("$lt", Date.from(selection.to()));
		}
		if (!startsAt.isEmpty()) {
			shifts.append("startsAt", startsAt);
		}
		Document signups = new Document("signups.status", ATTENDED);
		if (chapterIds != null) {
			shifts.append("signups.volunteerChapterId", new Document("$in", List.copyOf(chapterIds)));
			signups.append("signups.volunteerChapterId", new Document("$in", List.copyOf(chapterIds)));
		}
		else if (withChapter) {
			signups.append("signups.volunteerChapterId", new Document("$ne", null));
		}
		return List.of(new Document("$match", shifts), new Document("$unwind", "$signups"),
				new Document("$match", signups));
	}

	private List<Document> aggregate(List<Document> pipeline) {
		return this.mongo.getCollection(SHIFTS).aggregate(pipeline).into(new ArrayList<>());
	}

	/** An id as stored (a string, or whatever the writer chose), as a string. */
	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/** How many distinct ids, the missing ones (an erased volunteer's) not counted. */
	private static int distinct(List<Object> ids) {
		return (int) ids.stream().filter(Objects::nonNull).distinct().count();
	}

	private static Double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : 0.0;
	}

	/** One shift a volunteer attended or missed. */
	record Attendance(String shiftId, String opportunityId, String title, Instant startsAt, boolean attended,
			double hours) {
	}

	/**
	 * Sums of attended signups.
	 *
	 * @param volunteerId the volunteer, for a volunteer's totals
	 * @param chapterId the chapter (a volunteer's latest)
	 */
	record Totals(String volunteerId, String chapterId, double hours, int shifts, int volunteers) {
	}

	/** A registered chapter as leaderboards show it. */
	record Chapter(String id, String name, String state) {
	}

}
