package org.groundgame.endorsement.nomination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.RegisteredChapterFixture;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nominator erased by staff, by the address they nominated with (in the body, never in
 * a URL), over the real store: their name, address and statements leave every nomination
 * and slate they put forward, however the address was spelled; the nominating chapter
 * stays, and so does every other nominator. Bad input is a problem naming {@code email};
 * anyone but staff changes nothing. Nominations to Maine's state house belong to this
 * class.
 */
@EndorsementServiceIntegrationTest
class NominatorErasureTests {

	private static final String STATE = "ME";

	@Autowired
	RestTestClient client;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anErasedNominatorLeavesNoCopyInAnyNominationOrSlateAndTheChapterKeepsItsNominations() {
		NominationApi staff = new NominationApi(this.client);
		String chapterId = RegisteredChapterFixture.sharedChapter();
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Nell Nominator " + unique;
		String email = "nell-" + unique + "@example.org";
		String statement = "I, " + name + ", have known them for years";
		String single = staff.submit(nominatedBy(name, email, statement)).get("id").asString();
		// The same address spelled otherwise is the same person.
		String shouted = staff.submit(nominatedBy(name, email.toUpperCase(Locale.ROOT), statement))
			.get("id")
			.asString();
		JsonNode slate = staff.post("/api/slates", slateBy(name, email, statement), HttpStatus.CREATED);
		String slateId = slate.get("id").asString();
		List<String> inTheSlate = slate.get("nominations").valueStream().map((n) -> n.get("id").asString()).toList();
		Map<String, Object> someoneElses = NominationApi.nominationIn(STATE);
		String other = staff.submit(someoneElses).get("id").asString();
		String otherEmail = (String) NominationApi.part(someoneElses, "nominatedBy").get("email");
		assertThat(holdersOf(List.of(name, email))).hasSize(5);

		JsonNode erased = erase(TestTokens.staff(), Map.of("email", "Nell-" + email.substring("nell-".length())),
				HttpStatus.OK);

		assertThat(erased.get("nominations").asInt()).isEqualTo(4);
		assertThat(erased.get("slates").asInt()).isEqualTo(1);
		assertThat(holdersOf(List.of(name, email, "have known them for years"))).isEmpty();
		for (String nominationId : List.of(single, shouted, inTheSlate.get(0), inTheSlate.get(1))) {
			JsonNode kept = staff.get("/api/nominations/{id}", HttpStatus.OK, nominationId);
			assertThat(kept.get("status").asString()).isEqualTo("SUBMITTED");
			assertThat(kept.get("candidate").get("name").asString()).startsWith("Candidate ");
			assertThat(kept.get("nominatedBy").get("chapterId").asString()).isEqualTo(chapterId);
			assertThat(kept.get("nominatedBy").get("name").isNull()).isTrue();
			assertThat(kept.get("nominatedBy").get("email").isNull()).isTrue();
		}
		// The chapter still reads its nominations and its slate.
		NominationApi chapter = staff.as(TestTokens.chapter(chapterId));
		assertThat(chapter.get("/api/nominations/{id}", HttpStatus.OK, single).get("id").asString()).isEqualTo(single);
		assertThat(
				chapter.get("/api/slates/{id}", HttpStatus.OK, slateId).get("nominatedBy").get("chapterId").asString())
			.isEqualTo(chapterId);
		assertThat(staff.get("/api/nominations/{id}", HttpStatus.OK, other).get("nominatedBy").get("email").asString())
			.isEqualTo(otherEmail);
		// Each nomination's audit trail says that its nominator was erased, and by whom;
		// the request is on the record too.
		JsonNode trail = staff.get("/api/audit/endorsement-service/entries?resourceId={id}", HttpStatus.OK, single);
		assertThat(trail.get("content").valueStream().map((entry) -> entry.get("action").asString()))
			.contains(ErasureService.NOMINATOR_ERASED);
		assertThat(trail.toString()).doesNotContain(email);

		JsonNode again = erase(TestTokens.staff(), Map.of("email", email), HttpStatus.OK);
		assertThat(again.get("nominations").asInt()).isZero();
		assertThat(again.get("slates").asInt()).isZero();
	}

	@Test
	void aMalformedOrMissingAddressIsAProblemNamingTheFieldAndChangesNothing() {
		NominationApi staff = new NominationApi(this.client);
		Map<String, Object> nomination = NominationApi.nominationIn(STATE);
		String nominationId = staff.submit(nomination).get("id").asString();
		Document before = stored(nominationId);
		List<Map<String, Object>> bad = new ArrayList<>();
		bad.add(Map.of("email", "not-an-address"));
		bad.add(Map.of("email", "someone@localhost"));
		bad.add(Map.of("email", ""));
		bad.add(Map.of("email", 12345));
		bad.add(Map.of("email", List.of(NominationApi.part(nomination, "nominatedBy").get("email"))));
		bad.add(Map.of("email", "x".repeat(300) + "@example.org"));
		bad.add(Map.of("email", "a\u0000b@example.org"));
		bad.add(Map.of());

		for (Map<String, Object> body : bad) {
			JsonNode problem = erase(TestTokens.staff(), body, HttpStatus.BAD_REQUEST);
			assertThat(problem.get("status").asInt()).as("%s", body).isEqualTo(400);
			assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString())).as("%s", body)
				.contains("email");
		}
		assertThat(withoutOutbox(stored(nominationId))).isEqualTo(withoutOutbox(before));
	}

	/** The attack: anyone but staff, with the nominator's address, changes nothing. */
	@Test
	void nobodyButStaffErasesANominator() {
		NominationApi staff = new NominationApi(this.client);
		String chapterId = RegisteredChapterFixture.sharedChapter();
		Map<String, Object> nomination = NominationApi.nominationIn(STATE);
		String email = (String) NominationApi.part(nomination, "nominatedBy").get("email");
		String nominationId = staff.submit(nomination).get("id").asString();
		Document before = stored(nominationId);

		Map<String, Integer> refused = new LinkedHashMap<>();
		for (Map.Entry<String, String> attacker : CandidateErasureTests.attackers(chapterId).entrySet()) {
			refused.put(attacker.getKey(),
					erase(attacker.getValue(), Map.of("email", email), null).get("status").asInt());
		}
		int byVolunteerKey = this.client.post()
			.uri(ErasureController.NOMINATOR_ERASURES)
			.header("X-Manage-Token", "a-volunteers-manage-token")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email))
			.exchange()
			.returnResult()
			.getStatus()
			.value();

		assertThat(refused).containsEntry("nobody", 401)
			.containsEntry("forged, unsigned", 401)
			.containsEntry("forged, another key", 401)
			.containsEntry("staff, expired", 401)
			.containsEntry("the nominating chapter", 403)
			.containsEntry("training staff", 403)
			.containsEntry("no role", 403);
		assertThat(byVolunteerKey).isEqualTo(401);
		assertThat(withoutOutbox(stored(nominationId))).isEqualTo(withoutOutbox(before));
		assertThat(stored(nominationId).get("nominatedBy", Document.class).getString("email")).isEqualTo(email);
	}

	/**
	 * Staff decide a nomination while its nominator is erased, at the same moment: at
	 * most one decision wins, the erasure always completes, and the nomination is left
	 * without its nominator's data, and decided exactly when a decision was answered 200.
	 * A decision is a version-checked write, so the erasure's write landing between the
	 * deciders' reads and their writes may make every one of them a 409 (staff decide
	 * again): a legitimate order, allowed here rather than expecting a winner.
	 */
	@Test
	void anErasureRacingDecisionsLeavesTheNominationDecidedAndWithoutItsNominator() throws Exception {
		NominationApi staff = new NominationApi(this.client);
		Map<String, Object> nomination = NominationApi.nominationIn(STATE);
		Map<String, Object> nominator = NominationApi.part(nomination, "nominatedBy");
		JsonNode submitted = staff.submit(nomination);
		String nominationId = submitted.get("id").asString();
		NominationApi.Race race = staff.decideWhile(nominationId, "DECLINE", 6,
				() -> staff.tryToPost(ErasureController.NOMINATOR_ERASURES, Map.of("email", nominator.get("email"))));
		List<HttpStatus> decisions = race.decisions();
		HttpStatus erasure = race.other();

		assertThat(erasure).isEqualTo(HttpStatus.OK);
		assertThat(decisions).isSubsetOf(HttpStatus.OK, HttpStatus.CONFLICT);
		long won = decisions.stream().filter(HttpStatus.OK::equals).count();
		assertThat(won).isLessThanOrEqualTo(1);
		Document stored = stored(nominationId);
		assertThat(stored.getString("status")).isEqualTo((won == 1) ? "DECLINED" : submitted.get("status").asString());
		assertThat(stored.get("nominatedBy", Document.class))
			.isEqualTo(new Document("chapterId", nominator.get("chapterId")));
		assertThat(stored.get("statement")).isNull();
		assertThat(holdersOf(List.of((String) nominator.get("name"), (String) nominator.get("email")))).isEmpty();
	}

	private Map<String, Object> nominatedBy(String name, String email, String statement) {
		Map<String, Object> body = NominationApi.nominationIn(STATE);
		NominationApi.part(body, "nominatedBy").put("name", name);
		NominationApi.part(body, "nominatedBy").put("email", email);
		body.put("statement", statement);
		return body;
	}

	private Map<String, Object> slateBy(String name, String email, String statement) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Map<String, Object> nomination = NominationApi.nominationIn(STATE);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("candidate", nomination.get("candidate"));
			entry.put("race", nomination.get("race"));
			entries.add(entry);
		}
		Map<String, Object> nominator = new LinkedHashMap<>();
		nominator.put("name", name);
		nominator.put("email", email);
		nominator.put("chapterId", RegisteredChapterFixture.sharedChapter());
		Map<String, Object> slate = new LinkedHashMap<>();
		slate.put("name", "Maine Slate " + UUID.randomUUID());
		slate.put("nominatedBy", nominator);
		slate.put("statement", statement);
		slate.put("nominations", entries);
		return slate;
	}

	private JsonNode erase(String token, Object body, HttpStatus expected) {
		RestTestClient.RequestHeadersSpec<?> request = this.client.post()
			.uri(ErasureController.NOMINATOR_ERASURES)
			.contentType(MediaType.APPLICATION_JSON)
			.body(NominationApi.write(body));
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		var result = request.exchange().expectBody().returnResult();
		if (expected != null) {
			assertThat(result.getStatus().value()).isEqualTo(expected.value());
		}
		if (result.getStatus().isError()) {
			assertThat(result.getResponseHeaders().getContentType()).isNotNull()
				.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		}
		return NominationApi.read(new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8));
	}

	private Document stored(String nominationId) {
		return this.mongo.getCollection(NominationDocument.COLLECTION).find(new Document("_id", nominationId)).first();
	}

	private static Document withoutOutbox(Document document) {
		Document copy = new Document(document);
		copy.remove("outbox");
		return copy;
	}

	private List<String> holdersOf(List<String> values) {
		return CandidateErasureTests.holdersOf(this.mongo, values);
	}

}
