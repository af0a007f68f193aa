package org.groundgame.volunteer.effort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The effort read model: the volunteer work behind endorsements, summed by the store from
 * the shifts as the opportunity feature stores them (each shift carries copies of its
 * opportunity's {@code endorsementId}, {@code chapterId} and {@code type}, and its roster
 * in {@code signups}). Two aggregations per question: the shifts not cancelled
 * ({@code $match}, {@code $group}), then their signups that hold a seat ({@code $unwind},
 * {@code $match}, {@code $group} by status). Work counts for the chapter that organized
 * the shift. Chapters' names and states from {@code chapters}. Reads only.
 */
@Component
class EffortStore {

	static final String SHIFTS = "shifts";

	static final String CHAPTERS = "chapters";

	/** The signups' statuses that hold a seat. */
	static final List<String> SEATED = List.of("REGISTERED", "CONFIRMED", "ATTENDED", "NO_SHOW");

	private final MongoTemplate mongo;

	EffortStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The effort behind one endorsement, by organizing chapter and type of opportunity.
	 * @param chapterId only this chapter's shifts, or {@code null} for every chapter's
	 * (and those of no chapter)
	 * @return by chapter (a {@code null} chapter for shifts no chapter organizes) and
	 * type; nothing for an endorsement without shifts
	 */
	Map<ChapterAndType, Effort> ofEndorsement(String endorsementId, String chapterId) {
		Document shifts = new Document("endorsementId", endorsementId);
		if (chapterId != null) {
			shifts.append("chapterId", chapterId);
		}
		return sum(shifts, new Document("chapterId", "$chapterId").append("type", "$type"),
				(key) -> new ChapterAndType(string(key.get("chapterId")), string(key.get("type"))));
	}

	/**
	 * The effort behind each endorsement.
	 * @param endorsementIds only these, or {@code null} for every endorsement with shifts
	 * @param chapterId only this chapter's shifts, or {@code null} for every chapter's
	 * @return by endorsement id; nothing for an endorsement without shifts
	 */
	Map<String, Effort> byEndorsement(Collection<String> endorsementIds, String chapterId) {
		Document shifts = new Document("endorsementId", (endorsementIds != null)
				? new Document("$in", List.copyOf(endorsementIds)) : new Document("$ne", null));
		if (chapterId != null) {
			shifts.append("chapterId", chapterId);
		}
		return sum(shifts, new Document("endorsementId", "$endorsementId"), (key) -> string(key.get("endorsementId")));
	}

	/** The registered chapters among these ids, by id. */
	Map<String, Chapter> chapters(Collection<String> ids) {
		Map<String, Chapter> chapters = new HashMap<>();
		List<String> known = ids.stream().filter(Objects::nonNull).distinct().toList();
		if (!known.isEmpty()) {
			Query query = Query.query(Criteria.where("_id").in(known));
			query.fields().include("name", "state");
			this.mongo.find(query, Document.class, CHAPTERS)
				.forEach((chapter) -> chapters.put(string(chapter.get("_id")), new Chapter(string(chapter.get("_id")),
						chapter.getString("name"), chapter.getString("state"))));
		}
		return chapters;
	}

	/**
	 * @param selection which shifts (a cancelled one never counts)
	 * @param group the {@code $group} key, from the shift's fields
	 * @param key the map's key, from the {@code $group} key
	 */
	private <K> Map<K, Effort> sum(Document selection, Document group, Function<Document, K> key) {
		Document shifts = new Document(selection).append("status", new Document("$ne", "CANCELLED"));
		Map<K, Effort> effort = new HashMap<>();
		List<Document> shiftTotals = List.of(new Document("$match", shifts),
				new Document("$group", new Document("_id", group).append("shifts", new Document("$sum", 1))
					.append("seats", new Document("$sum", "$capacity"))));
		for (Document total : aggregate(shiftTotals)) {
			effort.merge(key.apply(total.get("_id", Document.class)),
					Effort.shifts(integer(total.get("shifts")), integer(total.get("seats"))), Effort::plus);
		}
		Document byStatus = new Document(group).append("status", "$signups.status");
		List<Document> signupTotals = List.of(
				new Document("$match", new Document(shifts).append("signups.status", new Document("$in", SEATED))),
				new Document("$unwind", "$signups"),
				new Document("$match", new Document("signups.status", new Document("$in", SEATED))),
				new Document("$group",
						new Document("_id", byStatus).append("signups", new Document("$sum", 1))
							.append("hours", new Document("$sum", "$signups.hours"))
							.append("volunteers", new Document("$addToSet", "$signups.volunteerId"))));
		for (Document total : aggregate(signupTotals)) {
			Document id = total.get("_id", Document.class);
			int signups = integer(total.get("signups"));
			Effort signed = switch (String.valueOf(id.get("status"))) {
				case "ATTENDED" -> Effort.attended(signups, number(total.get("hours")),
						ids(total.getList("volunteers", Object.class)));
				case "NO_SHOW" -> Effort.noShows(signups);
				default -> Effort.seated(signups);
			};
			effort.merge(key.apply(id), signed, Effort::plus);
		}
		return effort;
	}

	private List<Document> aggregate(List<Document> pipeline) {
		return this.mongo.getCollection(SHIFTS).aggregate(pipeline).into(new ArrayList<>());
	}

	/** The volunteers' ids, those missing (an erased volunteer's) left out. */
	private static Set<String> ids(List<Object> ids) {
		Set<String> volunteers = new LinkedHashSet<>();
		if (ids != null) {
			ids.stream().filter(Objects::nonNull).map(Object::toString).forEach(volunteers::add);
		}
		return volunteers;
	}

	/** An id as stored (a string, or whatever the writer chose), as a string. */
	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static int integer(Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : 0.0;
	}

	/**
	 * Where work counts: the chapter that organized the shift ({@code null}: none) and
	 * the opportunity's type.
	 */
	record ChapterAndType(String chapterId, String type) {
	}

	/** A registered chapter as the effort names it. */
	record Chapter(String id, String name, String state) {
	}

}
