package org.groundgame.endorsement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.groundgame.endorsement.candidate.CandidateDocument;
import org.groundgame.endorsement.nomination.NominationDocument;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public endpoints tried as a stranger would, knowing only a person's e-mail address
 * or an id, over the real store and broker: what they learn or change is nothing they did
 * not already hold. Nominations to New Mexico's state house belong to this class.
 */
@EndorsementServiceIntegrationTest
class StrangerTests {

	private static final String STATE = "NM";

	@Autowired
	RestTestClient client;

	@Autowired
	MongoTemplate mongo;

	/**
	 * The attack: nominate, without a token, with the address of a candidate who is
	 * endorsed, to learn whether it is theirs (a refusal, or their id in the answer) or
	 * to change what is shown of them. The answer is the one anyone gets (no candidate's
	 * id, no refusal); the candidate, their endorsement and the public lists stay as they
	 * were, and nothing public shows an address.
	 */
	@Test
	void aNominationByAnyoneWithAnEndorsedCandidatesAddressTellsNothingAndChangesNothingOfThem() {
		NominationApi staff = new NominationApi(this.client);
		NominationApi stranger = staff.anonymous();
		String district = unique();
		Map<String, Object> real = nomination(district, "Jordan Real", "jordan-" + unique() + "@example.org",
				"https://jordan.example.org");
		JsonNode realNomination = staff.submit(real);
		String candidateId = realNomination.get("candidateId").asString();
		String endorsementId = staff.decide(realNomination.get("id").asString(), "ENDORSE", HttpStatus.OK)
			.get("endorsementId")
			.asString();
		JsonNode endorsedBefore = stranger.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId);
		JsonNode racesBefore = stranger.get("/api/races?state=" + STATE + "&size=100", HttpStatus.OK);
		String address = NominationApi.part(real, "candidate").get("email").toString();

		Map<String, Object> impostor = nomination(district, "Not Jordan", address.toUpperCase(Locale.ROOT),
				"https://impostor.example.org");
		Map<String, Object> someoneNew = nomination(district, "Someone New", "new-" + unique() + "@example.org",
				"https://new.example.org");
		JsonNode answerToImpostor = stranger.submit(impostor);
		JsonNode answerToSomeoneNew = stranger.submit(someoneNew);

		// The answer is the one anyone gets, and names no candidate.
		for (JsonNode answer : List.of(answerToImpostor, answerToSomeoneNew)) {
			assertThat(answer.get("status").asString()).isEqualTo("SUBMITTED");
			assertThat(answer.get("candidateId").isNull()).isTrue();
		}
		assertThat(fields(answerToImpostor)).isEqualTo(fields(answerToSomeoneNew));
		assertThat(answerToImpostor.toString()).doesNotContain(candidateId)
			.doesNotContain(endorsementId)
			.doesNotContain(realNomination.get("id").asString());

		// Nothing of the candidate changed: their endorsement, the race's list, their
		// name on file.
		assertThat(stranger.get("/api/endorsements/{id}", HttpStatus.OK, endorsementId)).isEqualTo(endorsedBefore);
		assertThat(stranger.get("/api/races?state=" + STATE + "&size=100", HttpStatus.OK)).isEqualTo(racesBefore);
		assertThat(this.mongo.findById(candidateId, CandidateDocument.class).getName()).isEqualTo("Jordan Real");

		// The nomination is staff's to weigh; a second endorsement in the race is refused
		// at the decision, as for any other nomination of an endorsed candidate.
		staff.decide(answerToImpostor.get("id").asString(), "ENDORSE", HttpStatus.CONFLICT);

		// No public list shows an address: not the candidate's, not a nominator's.
		for (String publicList : List.of("/api/endorsements?state=" + STATE + "&size=100",
				"/api/endorsements/" + endorsementId, "/api/races?state=" + STATE + "&size=100",
				"/api/endorsements/results?state=" + STATE)) {
			assertThat(stranger.get(publicList, HttpStatus.OK).toString()).as(publicList)
				.doesNotContain(address)
				.doesNotContain("@example.org");
		}
	}

	/**
	 * The attack: nominate, without a token, any address with a name and race of one's
	 * choosing, to make the platform e-mail it that text. Nothing is sent until staff
	 * take the nomination up; then the candidate gets the questionnaire, once.
	 */
	@Test
	void aNominationByAnyoneSendsNothingToTheAddressGivenUntilStaffTakeItUp() {
		NominationApi staff = new NominationApi(this.client);
		Map<String, Object> nomination = nomination(unique(), "Click https://phish.example now",
				"someone-" + unique() + "@example.org", null);

		String id = staff.anonymous().submit(nomination).get("id").asString();
		staff.review(id, "Dana Staff");

		// One nomination's events are on one partition in the order they happened: read
		// up
		// to a later one (its decision), so that a fourth before it would be seen.
		staff.decide(id, "DECLINE", HttpStatus.OK);
		List<String> types = await().atMost(Duration.ofSeconds(20))
			.until(() -> typesOf(id), (found) -> found.contains("EndorsementDeclined"));
		assertThat(types).containsExactly("NominationSubmitted", "NominationReviewStarted", "QuestionnaireIssued",
				"EndorsementDeclined");
	}

	/** A slate by anyone names no candidate's id either. */
	@Test
	void aSlateByAnyoneAnswersWithoutTheCandidatesIds() {
		NominationApi staff = new NominationApi(this.client);
		String district = unique();
		Map<String, Object> known = nomination(district, "Known Person", "known-" + unique() + "@example.org", null);
		String candidateId = staff.submit(known).get("candidateId").asString();
		Map<String, Object> entry = nomination(district, "Known Person",
				NominationApi.part(known, "candidate").get("email").toString(), null);
		entry.remove("nominatedBy");
		entry.remove("statement");

		JsonNode slate = staff.anonymous()
			.post("/api/slates", Map.of("name", "Slate " + unique(), "nominations", List.of(entry)),
					HttpStatus.CREATED);

		assertThat(slate.get("nominations")).singleElement()
			.satisfies((nomination) -> assertThat(nomination.get("candidateId").isNull()).isTrue());
		assertThat(slate.toString()).doesNotContain(candidateId);
	}

	/**
	 * A chapter named in a nomination or a slate must be registered with the platform:
	 * staff naming one the service has never heard of get a {@code 400} naming the field,
	 * and nothing is stored; one announced by volunteer-service is taken.
	 */
	@Test
	void staffNamingAChapterThatIsNotRegisteredIsAProblemNamingTheFieldAndStoresNothing() {
		NominationApi staff = new NominationApi(this.client);
		Map<String, Object> unknown = nomination(unique(), "Unclaimed Candidate " + unique(), null, null);
		NominationApi.part(unknown, "nominatedBy").put("chapterId", "no-such-chapter-" + unique());
		Map<String, Object> entry = new LinkedHashMap<>(unknown);
		entry.remove("nominatedBy");
		Map<String, Object> slate = Map.of("name", "Slate " + unique(), "nominatedBy",
				NominationApi.part(unknown, "nominatedBy"), "nominations", List.of(entry));

		JsonNode refused = staff.submit(unknown, HttpStatus.BAD_REQUEST);
		JsonNode refusedSlate = staff.post("/api/slates", slate, HttpStatus.BAD_REQUEST);

		for (JsonNode problem : List.of(refused, refusedSlate)) {
			assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
				.containsExactly("nominatedBy.chapterId");
		}
		assertThat(this.mongo.count(
				Query.query(Criteria.where("candidate.name").is(NominationApi.part(unknown, "candidate").get("name"))),
				NominationDocument.class))
			.isZero();

		String registered = RegisteredChapterFixture.newChapter();
		NominationApi.part(unknown, "nominatedBy").put("chapterId", registered);
		assertThat(staff.submit(unknown).get("nominatedBy").get("chapterId").asString()).isEqualTo(registered);
	}

	@Test
	void anUnregisteredChapterAndAnUnknownRaceAreNamedInTheSameProblem() {
		NominationApi staff = new NominationApi(this.client);
		Map<String, Object> unknown = nomination(unique(), "Unplaced Candidate " + unique(), null, null);
		NominationApi.part(unknown, "nominatedBy").put("chapterId", "no-such-chapter-" + unique());
		unknown.remove("race");
		unknown.put("raceId", "no-such-race-" + unique());
		Map<String, Object> entry = new LinkedHashMap<>(unknown);
		entry.remove("nominatedBy");
		Map<String, Object> slate = Map.of("name", "Slate " + unique(), "nominatedBy",
				NominationApi.part(unknown, "nominatedBy"), "nominations", List.of(entry));

		JsonNode refused = staff.submit(unknown, HttpStatus.BAD_REQUEST);
		JsonNode refusedSlate = staff.post("/api/slates", slate, HttpStatus.BAD_REQUEST);

		assertThat(refused.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("nominatedBy.chapterId", "raceId");
		assertThat(refusedSlate.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("nominatedBy.chapterId", "nominations[0].raceId");
		assertThat(this.mongo.count(
				Query.query(Criteria.where("candidate.name").is(NominationApi.part(unknown, "candidate").get("name"))),
				NominationDocument.class))
			.isZero();
	}

	/**
	 * A chapter's own token names its own chapter, which identity-service vouched for
	 * when it made the client: the projection's lag does not hold it up.
	 */
	@Test
	void aChapterNamingItsOwnChapterIsTakenOnItsTokensWord() {
		String chapter = "chapter-" + UUID.randomUUID();
		Map<String, Object> nomination = nomination(unique(), "Own Chapter's Pick " + unique(), null, null);
		NominationApi.part(nomination, "nominatedBy").put("chapterId", chapter);

		JsonNode created = new NominationApi(this.client).as(TestTokens.chapter(chapter)).submit(nomination);

		assertThat(created.get("nominatedBy").get("chapterId").asString()).isEqualTo(chapter);
	}

	private static Map<String, Object> nomination(String district, String name, String email, String website) {
		Map<String, Object> body = NominationApi.nominationIn(STATE);
		NominationApi.part(body, "nominatedBy").remove("chapterId");
		NominationApi.part(body, "race").put("district", district);
		Map<String, Object> candidate = new LinkedHashMap<>();
		candidate.put("name", name);
		if (email != null) {
			candidate.put("email", email);
		}
		if (website != null) {
			candidate.put("website", website);
		}
		body.put("candidate", candidate);
		return body;
	}

	/** The types of the events keyed by a nomination, in the topic's order. */
	private static List<String> typesOf(String nominationId) {
		return EndorsementTopic.readAll()
			.stream()
			.filter((event) -> nominationId.equals(event.key()))
			.map((event) -> event.type().replace("org.groundgame.endorsement.", "").replace(".v1", ""))
			.toList();
	}

	private static List<String> fields(JsonNode answer) {
		List<String> names = new ArrayList<>(answer.propertyNames());
		names.sort(null);
		return names;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
