package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole endorsement process as organizers and a candidate live it, through the
 * gateway only: staff set the cycle's questionnaire; a chapter nominates a candidate with
 * its chapter form; the candidate finds the private link in their e-mail and answers on
 * the questionnaire page's API without an account; staff review and endorse; the public
 * sees the candidate among the current races; staff record a victory, after which the
 * race leaves the current races and counts in the results. The chapter's inbox then holds
 * the acknowledgement, the endorsement and the victory. The race is in a state no other
 * test uses.
 */
@ExtendWith(RunningPlatform.class)
class EndorsementProcessJourneyTests {

	private static final String STATE = "NM";

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	private static final Pattern PRIVATE_LINK = Pattern
		.compile("(https?://\\S+/questionnaire/#token=([A-Za-z0-9_-]+))");

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	EndorsementProcessJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void nominatedQuestionedReviewedEndorsedAndElectedTheChapterHearsOfEachStep() {
		// A cycle of its own: the demo data writes the questionnaires of the next two
		// cycles.
		LocalDate electionDay = LocalDate.now().plusYears(3).withMonth(11).withDayOfMonth(6);
		int cycle = electionDay.getYear();
		Gateway staff = this.gateway.asStaff();
		List<JsonNode> bank = questionBank(staff, cycle);

		String chapterId = this.organizers.registerChapter(STATE, "Albuquerque");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String candidateEmail = "candidate-" + suffix + "@example.org";
		String office = "State Senator " + suffix;
		JsonNode nomination = this.gateway.asChapter(chapterId)
			.post("/api/nominations",
					Map.of("candidate",
							Map.of("name", "Lucía Benally " + suffix, "email", candidateEmail, "website",
									"https://benally-" + suffix + ".example"),
							"race",
							Map.of("ocdDivisionId", "ocd-division/country:us/state:nm/sldu:12", "office", office,
									"level", "STATE", "stage", "GENERAL", "state", STATE, "district", "12",
									"electionDate", electionDay.toString()),
							"nominatedBy", Map.of("name", "Rowan Ellis", "chapterId", chapterId), "statement",
							"A fictional candidate nominated by an end-to-end test.", "chapterForm",
							Map.of("statement", "Our members voted to nominate her after a candidate forum.",
									"meetingDate", LocalDate.now().toString(), "votesFor", 31, "votesAgainst", 2)))
			.json(201);
		String nominationId = nomination.path("id").asString();
		assertThat(nomination.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(strings(nomination.path("missing"))).containsExactly("QUESTIONNAIRE");

		// The candidate's e-mail carries the private link; the token is in its fragment.
		JsonNode invitation = await().atMost(DELIVERY)
			.until(() -> this.mail.to(candidateEmail), (found) -> !found.isEmpty())
			.get(0);
		String text = this.mail.message(invitation).path("text").asString();
		Matcher link = PRIVATE_LINK.matcher(text);
		assertThat(link.find()).as("a private link in: %s", text).isTrue();
		assertThat(link.group(1)).startsWith("http://localhost:" + this.gateway.uri().getPort() + "/questionnaire/");
		String token = link.group(2);

		Gateway.Answer page = this.gateway.anonymous().get("/questionnaire/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");

		JsonNode questionnaire = this.gateway.anonymous()
			.sendRaw("GET", "/api/questionnaire", HttpRequest.BodyPublishers.noBody(), "X-Questionnaire-Token", token)
			.json(200);
		assertThat(questionnaire.path("nominationId").asString()).isEqualTo(nominationId);
		assertThat(questionnaire.path("questions").valueStream().map((question) -> question.path("id").asString()))
			.containsExactlyElementsOf(bank.stream().map((question) -> question.path("id").asString()).toList());
		Gateway.Answer answered = this.gateway.anonymous()
			.sendRaw("PUT", "/api/questionnaire",
					HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(answers(bank))),
					"X-Questionnaire-Token", token, "Content-Type", "application/json");
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(this.gateway.anonymous()
			.sendRaw("PUT", "/api/questionnaire",
					HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(answers(bank))),
					"X-Questionnaire-Token", "not-" + token, "Content-Type", "application/json")
			.status()).isEqualTo(401);

		JsonNode complete = this.organizers.nomination(nominationId);
		assertThat(strings(complete.path("missing"))).isEmpty();
		assertThat(complete.path("complete").asBoolean()).isTrue();

		JsonNode underReview = staff
			.post("/api/nominations/" + nominationId + "/review", Map.of("reviewer", "National staff reviewer"))
			.json(200);
		assertThat(underReview.path("status").asString()).isEqualTo("UNDER_REVIEW");
		String endorsementId = this.organizers.endorse(nominationId);

		JsonNode races = this.gateway.anonymous().get("/api/races?state=" + STATE + "&cycle=" + cycle).json(200);
		assertThat(races.path("content")
			.valueStream()
			.filter((race) -> office.equals(race.path("office").asString()))
			.flatMap((race) -> race.path("candidates").valueStream())
			.map((endorsed) -> endorsed.path("endorsementId").asString())).containsExactly(endorsementId);

		assertThat(this.organizers.recordOutcome(endorsementId, "WON").path("outcome").asString()).isEqualTo("WON");

		assertThat(this.gateway.anonymous()
			.get("/api/races?state=" + STATE + "&cycle=" + cycle)
			.json(200)
			.path("content")
			.valueStream()
			.map((race) -> race.path("office").asString())).doesNotContain(office);
		JsonNode results = this.gateway.anonymous()
			.get("/api/endorsements/results?state=" + STATE + "&cycle=" + cycle)
			.json(200);
		assertThat(results.path("total").path("elected").asInt()).isEqualTo(1);
		assertThat(results.path("total").path("won").asInt()).isEqualTo(1);

		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(inboxAbout(chapterId, nominationId, endorsementId))
				.extracting((entry) -> entry.path("eventType").asString())
				.contains("org.groundgame.endorsement.NominationSubmitted.v1",
						"org.groundgame.endorsement.EndorsementGranted.v1",
						"org.groundgame.endorsement.ElectionOutcomeRecorded.v1"));
		assertThat(inboxAbout(chapterId, nominationId, endorsementId))
			.anySatisfy((entry) -> assertThat(entry.path("title").asString()).startsWith("Victory: "));
	}

	/** Staff set the cycle's question bank, unless an earlier run did. */
	private static List<JsonNode> questionBank(Gateway staff, int cycle) {
		List<Map<String, Object>> questions = List.of(
				Map.of("text", "Will you support Medicare for All?", "kind", "AGREE_SCALE"),
				Map.of("text", "Will you refuse corporate PAC money?", "kind", "AGREE_SCALE"),
				Map.of("text", "Why are you running?", "kind", "FREE_TEXT"));
		JsonNode bank = staff.send("PUT", "/api/questionnaires/" + cycle, Map.of("questions", questions)).json(200);
		List<JsonNode> saved = new ArrayList<>();
		bank.path("questions").forEach(saved::add);
		assertThat(saved).hasSize(3);
		return saved;
	}

	private static Map<String, Object> answers(List<JsonNode> bank) {
		List<Map<String, Object>> answers = new ArrayList<>();
		for (JsonNode question : bank) {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("questionId", question.path("id").asString());
			if ("AGREE_SCALE".equals(question.path("kind").asString())) {
				answer.put("agreement", "STRONGLY_AGREE");
			}
			else {
				answer.put("text", "Because our neighborhoods deserve a voice in Santa Fe.");
			}
			answers.add(answer);
		}
		return Map.of("answers", answers);
	}

	private List<JsonNode> inboxAbout(String chapterId, String... subjectIds) {
		List<JsonNode> entries = new ArrayList<>();
		for (String subjectId : subjectIds) {
			entries.addAll(this.organizers.inboxEntriesAbout(chapterId, subjectId));
		}
		return entries;
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
