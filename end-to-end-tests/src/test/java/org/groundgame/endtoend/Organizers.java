package org.groundgame.endtoend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What chapters and national staff do, through the gateway's public API. Every chapter
 * and candidate gets a unique name, so that tests sharing one platform never see each
 * other's data by accident; every person is fictional.
 */
final class Organizers {

	/** The state of the tests' races and chapters; the demo data lives in MO. */
	static final String STATE = "KS";

	private final Gateway gateway;

	Organizers(Gateway gateway) {
		this.gateway = gateway;
	}

	/**
	 * Registers a chapter in {@link #STATE}.
	 * @return the chapter's id
	 */
	String registerChapter() {
		return registerChapter(STATE, "Lawrence");
	}

	/**
	 * Registers a chapter in a state of the test's choosing, where no other test's
	 * endorsements reach it.
	 * @param state the chapter's state
	 * @param city its city
	 * @return the chapter's id
	 */
	String registerChapter(String state, String city) {
		String suffix = unique();
		Map<String, Object> chapter = Map.of("name", "Prairie Organizers " + suffix, "state", state, "city", city,
				"contactEmail", "chapter-" + suffix + "@prairie-organizers.example");
		JsonNode registered = this.gateway.asStaff().post("/api/chapters", chapter).json(201);
		return registered.path("id").asString();
	}

	/**
	 * Nominates a candidate for a state race: the chapter's integration, with its own
	 * token.
	 * @param chapterId the nominating chapter
	 * @return the nomination's id
	 */
	String nominate(String chapterId) {
		return nominate(chapterId, STATE, "Kansas House of Representatives");
	}

	/**
	 * Nominates a candidate for a race of the chapter's own state, with the chapter's
	 * token.
	 * @param chapterId the nominating chapter
	 * @param state the chapter's (and the race's) state
	 * @param jurisdiction e.g. "Iowa House of Representatives"
	 * @return the nomination's id
	 */
	String nominate(String chapterId, String state, String jurisdiction) {
		String suffix = unique();
		return nominate(chapterId, state, jurisdiction, "Candidate " + suffix, "candidate-" + suffix + "@example.org");
	}

	/**
	 * Nominates a candidate of the test's choosing (a graduate of the school, say) for a
	 * race of the chapter's own state, with the chapter's token.
	 * @param chapterId the nominating chapter
	 * @param state the chapter's (and the race's) state
	 * @param jurisdiction e.g. "Minnesota House of Representatives"
	 * @param candidateName the candidate's name
	 * @param candidateEmail the candidate's e-mail address
	 * @return the nomination's id
	 */
	String nominate(String chapterId, String state, String jurisdiction, String candidateName, String candidateEmail) {
		Map<String, Object> nominatedBy = new LinkedHashMap<>();
		nominatedBy.put("name", "Rowan Ellis");
		nominatedBy.put("email", "rowan.ellis@example.org");
		nominatedBy.put("chapterId", chapterId);
		JsonNode submitted = this.gateway.asChapter(chapterId)
			.post("/api/nominations",
					nomination(state, jurisdiction, nominatedBy,
							Map.of("name", candidateName, "email", candidateEmail, "website",
									"https://" + unique() + ".candidate.example")))
			.json(201);
		return submitted.path("id").asString();
	}

	/**
	 * National staff submit a nomination themselves, in no chapter's name, for a state
	 * race.
	 * @param state the race's state
	 * @return the nomination's id
	 */
	String nominateAsStaff(String state) {
		Map<String, Object> nominatedBy = Map.of("name", "Sam Okafor", "email", "sam.okafor@example.org");
		JsonNode submitted = this.gateway.asStaff()
			.post("/api/nominations", nomination(state, state + " House of Representatives", nominatedBy))
			.json(201);
		return submitted.path("id").asString();
	}

	private static Map<String, Object> nomination(String state, String jurisdiction, Map<String, Object> nominatedBy) {
		String suffix = unique();
		return nomination(state, jurisdiction, nominatedBy, Map.of("name", "Candidate " + suffix, "email",
				"candidate-" + suffix + "@example.org", "website", "https://candidate-" + suffix + ".example"));
	}

	private static Map<String, Object> nomination(String state, String jurisdiction, Map<String, Object> nominatedBy,
			Map<String, Object> candidate) {
		return Map.of("candidate", candidate, "race",
				Map.of("office", "State Representative", "level", "STATE", "state", state, "district", "44",
						"jurisdiction", jurisdiction, "electionDate", LocalDate.now().plusYears(1).toString()),
				"nominatedBy", nominatedBy, "statement", "A fictional candidate nominated by an end-to-end test.");
	}

	/**
	 * National staff begin reviewing a nomination.
	 * @param nominationId the nomination
	 */
	void startReview(String nominationId) {
		this.gateway.asStaff()
			.post("/api/nominations/" + nominationId + "/review", Map.of("reviewer", "Dana Staff"))
			.json(200);
	}

	/**
	 * National staff endorse a nomination.
	 * @param nominationId the nomination
	 * @return the new endorsement's id
	 */
	String endorse(String nominationId) {
		JsonNode decided = this.gateway.asStaff()
			.post("/api/nominations/" + nominationId + "/decision",
					Map.of("decision", "ENDORSE", "reason", "A strong organizer with a record of wins."))
			.json(200);
		return decided.path("endorsementId").asString();
	}

	/**
	 * National staff record how an endorsed candidate's election went.
	 * @param result {@code WON}, {@code LOST} or {@code ADVANCED}
	 * @return the endorsement as answered
	 */
	JsonNode recordOutcome(String endorsementId, String result) {
		return this.gateway.asStaff()
			.post("/api/endorsements/" + endorsementId + "/outcome", Map.of("result", result))
			.json(200);
	}

	JsonNode nomination(String nominationId) {
		return this.gateway.asStaff().get("/api/nominations/" + nominationId).json(200);
	}

	/**
	 * Every entry of a chapter's inbox (which may not be reachable: then the list is
	 * empty and the caller's {@code await} tries again).
	 * @param chapterId the chapter
	 * @return its entries, newest first
	 */
	List<JsonNode> inbox(String chapterId) {
		Gateway.Answer answer = this.gateway.asChapter(chapterId)
			.get("/api/notifications/inbox?chapterId=" + chapterId + "&size=100");
		List<JsonNode> entries = new ArrayList<>();
		if (answer.status() == 200) {
			answer.json().path("content").forEach(entries::add);
		}
		return entries;
	}

	/**
	 * The entries of a chapter's inbox about one endorsement or nomination.
	 * @param chapterId the chapter
	 * @param subjectId the endorsement's or nomination's id
	 * @return the entries
	 */
	List<JsonNode> inboxEntriesAbout(String chapterId, String subjectId) {
		return inbox(chapterId).stream()
			.filter((entry) -> subjectId.equals(entry.path("subjectId").asString()))
			.toList();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
