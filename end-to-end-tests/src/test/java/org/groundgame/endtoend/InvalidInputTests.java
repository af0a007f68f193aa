package org.groundgame.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input gets a clear answer through the gateway: an RFC 9457 problem document with
 * the fields at fault, a 4xx and never a 5xx.
 */
@ExtendWith(RunningPlatform.class)
class InvalidInputTests {

	private final Gateway gateway;

	InvalidInputTests(Gateway gateway) {
		this.gateway = gateway;
	}

	@Test
	void anInvalidChapterIsA400ProblemNamingEveryFieldAtFault() {
		Gateway.Answer answer = this.gateway.asStaff()
			.post("/api/chapters",
					Map.of("name", "", "state", "Missouri", "city", "Columbia", "contactEmail", "not an address"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		JsonNode problem = answer.json();
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(fields(problem)).contains("name", "state", "contactEmail").doesNotContain("city");
	}

	@Test
	void anInvalidNominationIsA400ProblemNamingNestedFields() {
		Gateway.Answer answer = this.gateway.post("/api/nominations",
				Map.of("candidate", Map.of("name", " ", "email", "candidate-at-example"), "race",
						Map.of("office", "Mayor", "level", "LOCAL", "state", "ZZ", "electionDate", "2001-01-01")));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(fields(answer.json())).contains("candidate.name", "candidate.email", "race.state",
				"race.electionDate");
	}

	@Test
	void aValueThatIsNotOneOfTheChoicesIsA400ProblemNamingItsField() {
		Gateway.Answer answer = this.gateway.post("/api/nominations", Map.of("candidate", Map.of("name", "Jo Park"),
				"race", Map.of("office", "Mayor", "level", "GALACTIC", "state", "KS", "electionDate", "2099-11-03")));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(fields(answer.json())).containsExactly("race.level");
	}

	@Test
	void aNominationWithoutABodyOrWithBrokenJsonIsA400Problem() {
		Gateway.Answer missing = this.gateway.postJson("/api/nominations", "");
		Gateway.Answer broken = this.gateway.postJson("/api/nominations", "{\"candidate\": {\"name\": ");
		Gateway.Answer empty = this.gateway.postJson("/api/nominations", "{}");

		assertThat(List.of(missing, broken, empty)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		});
		assertThat(fields(empty.json())).contains("candidate", "race");
	}

	@Test
	void aDecisionThatIsNotOneOfTheChoicesIsA400AndChangesNothing() {
		Organizers organizers = new Organizers(this.gateway);
		String nominationId = organizers.nominate(organizers.registerChapter());

		Gateway.Answer answer = this.gateway.asStaff()
			.post("/api/nominations/" + nominationId + "/decision", Map.of("decision", "MAYBE"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(organizers.nomination(nominationId).path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void anUnknownNominationIsA404Problem() {
		Gateway.Answer answer = this.gateway.asStaff().get("/api/nominations/no-such-nomination");

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aBadParameterOfTheInboxOrTheDeliveryLogIsA400ProblemNamingIt() {
		Gateway staff = this.gateway.asStaff();
		// Without a chapter, staff read their own inbox: only what is asked wrongly is
		// refused.
		assertThat(staff.get("/api/notifications/inbox").status()).isEqualTo(200);
		Map<String, String> wrong = Map.of("/api/notifications/inbox?size=0", "size",
				"/api/notifications/inbox?size=101", "size", "/api/notifications/inbox?page=-1", "page",
				"/api/notifications/inbox?read=maybe", "read", "/api/notifications/deliveries?status=LOST", "status",
				"/api/notifications/deliveries?channel=PIGEON", "channel");

		wrong.forEach((path, parameter) -> {
			Gateway.Answer answer = staff.get(path);
			assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
			assertThat(fields(answer.json())).as(path).contains(parameter);
		});
	}

	@Test
	void aSubscriptionWithAPrivateWebhookAnInvalidAddressAndAnUnknownTopicIsA400ProblemNamingEach() {
		String chapterId = new Organizers(this.gateway).registerChapter();
		Gateway staff = this.gateway.asStaff();
		Map<String, Object> subscription = Map.of("topics", List.of("ENDORSEMENTS", "GOSSIP"), "email",
				"not an address", "webhook", Map.of("url", "http://10.1.2.3/hooks"), "inbox", true);

		// The notification-service knows the chapter once it no longer answers 404.
		Gateway.Answer answer = await().atMost(Duration.ofSeconds(30))
			.until(() -> staff.send("PUT", "/api/notifications/subscriptions/" + chapterId, subscription),
					(put) -> put.status() != 404);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(fields(answer.json())).contains("topics[1]", "email", "webhook.url");
		Gateway.Answer replay = staff.post("/api/notifications/subscriptions/" + chapterId + "/webhook/replay",
				Map.of("since", Instant.now().plus(Duration.ofHours(1)).toString()));
		assertThat(replay.status()).as(replay.body()).isEqualTo(400);
		assertThat(fields(replay.json())).contains("since");
	}

	@Test
	void aNulByteInTheEndorsementSearchIsA400NamingItNotA500() {
		// Control characters in a query are refused by the gateway before any route
		// (naming
		// the query); a bidi override passes it and is refused by the service (naming the
		// parameter).
		Map<String, String> refusals = Map.of("a%00b", "query", "a%01b", "query", "a%E2%80%AEb", "office");
		refusals.forEach((office, field) -> {
			Gateway.Answer answer = this.gateway.get("/api/endorsements?office=" + office);

			assertThat(answer.status()).as(office + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(fields(answer.json())).as(office).containsExactly(field);
		});
		assertThat(this.gateway.get("/api/endorsements?office=a%25b%5C(").status()).isEqualTo(200);
	}

	@Test
	void anEscapedSlashBackslashOrNulInAPathIsA400ProblemDocumentNotAnHtmlPage() {
		for (String path : List.of("/api/chapters/a%2Fb", "/api/chapters/a%5Cb", "/api/chapters/a%00b",
				"/api/endorsements/..%2F..%2Factuator", "/api//chapters", "/api/chapters/a;b=c")) {
			Gateway.Answer answer = this.gateway.get(path);

			assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
			assertThat(answer.body()).as(path).doesNotContain("<html");
			assertThat(answer.json().path("status").asInt()).isEqualTo(400);
		}
	}

	@Test
	void aNumberOrBooleanForTextOrANumberForAChoiceIsRefusedNamingTheField() {
		Map<String, Object> race = Map.of("office", "Mayor", "level", "LOCAL", "state", "KS", "electionDate",
				"2099-11-03");

		Gateway.Answer numberForName = this.gateway.post("/api/nominations",
				Map.of("candidate", Map.of("name", 12345), "race", race));
		Gateway.Answer booleanForName = this.gateway.post("/api/nominations",
				Map.of("candidate", Map.of("name", true), "race", race));
		Gateway.Answer ordinalForLevel = this.gateway.post("/api/nominations",
				Map.of("candidate", Map.of("name", "Jo Park"), "race",
						Map.of("office", "Mayor", "level", 0, "state", "KS", "electionDate", "2099-11-03")));

		assertThat(List.of(numberForName, booleanForName)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(fields(answer.json())).containsExactly("candidate.name");
		});
		assertThat(ordinalForLevel.status()).as(ordinalForLevel.body()).isEqualTo(400);
		assertThat(fields(ordinalForLevel.json())).containsExactly("race.level");
	}

	@Test
	void aNameWithANulABidiOverrideOrAnUnpairedSurrogateIsRefusedNamingTheField() {
		for (String name : List.of("Jo\\u0000Park", "Jo \\u202eParK", "Jo \\ud800Park", "Jo\\u0085Park")) {
			Gateway.Answer answer = this.gateway.postJson("/api/nominations",
					"{\"candidate\":{\"name\":\"" + name
							+ "\"},\"race\":{\"office\":\"Mayor\",\"level\":\"LOCAL\",\"state\":\"KS\","
							+ "\"electionDate\":\"2099-11-03\"}}");

			assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(fields(answer.json())).as(name).containsExactly("candidate.name");
		}
	}

	private static List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

}
