package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Tell me when the next cohort opens", through the gateway only: two people ask (one in
 * Spanish), each answer saying nothing but that it was received; each is e-mailed the
 * private link that shows and stops their alert; a stranger with the address, or with
 * another token, reads and stops nothing; staff open a cohort of the track and each
 * person still waiting gets one e-mail, in their language, with the cohort's page, and
 * their link opens nothing any more. The campaign manager track is this journey's alone.
 */
@ExtendWith(RunningPlatform.class)
class CohortAlertJourneyTests {

	private static final String PATH = "/api/training/cohort-alerts";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final Pattern ALERT_LINK = Pattern
		.compile("https?://[^/\\s]+/training/alerts#token=([A-Za-z0-9_-]+)");

	private final Gateway gateway;

	private final CaughtMail mail;

	CohortAlertJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.gateway = gateway;
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void peopleWhoAskAreEmailedOnceWhenACohortOfTheirTrackOpensAndOnlyTheirLinkStopsIt() {
		String english = "alert-" + unique() + "@example.org";
		String spanish = "alerta-" + unique() + "@example.org";
		String stopping = "stops-" + unique() + "@example.org";

		for (String[] person : List.of(new String[] { english, "en" }, new String[] { spanish, "es" },
				new String[] { stopping, "en" })) {
			JsonNode answer = ask(person[0], person[1]).json(202);
			assertThat(answer.propertyNames()).containsExactly("track");
		}
		// Asking again with someone's address answers the same and changes nothing.
		assertThat(ask(english.toUpperCase(), "es").json(202)).isEqualTo(ask(spanish, "es").json(202));

		String englishToken = tokenMailedTo(english);
		String spanishToken = tokenMailedTo(spanish);
		String stoppingToken = tokenMailedTo(stopping);
		assertThat(subjects(spanish)).contains("Te avisaremos cuando abra el próximo grupo de jefes de campaña");
		JsonNode shown = alert(englishToken).json(200);
		assertThat(shown.path("track").asString()).isEqualTo("CAMPAIGN_MANAGER");
		assertThat(shown.path("language").asString()).isEqualTo("en");
		assertThat(shown.toString()).doesNotContain(english);

		// A stranger: no token, another token.
		assertThat(this.gateway.anonymous().sendRaw("GET", PATH, HttpRequest.BodyPublishers.noBody()).status())
			.isEqualTo(400);
		assertThat(alert("not-" + englishToken).status()).isEqualTo(404);
		assertThat(stop("not-" + englishToken).status()).isEqualTo(204);
		assertThat(alert(englishToken).status()).isEqualTo(200);
		// Its owner stops one.
		assertThat(stop(stoppingToken).status()).isEqualTo(204);
		assertThat(alert(stoppingToken).status()).isEqualTo(404);

		String cohortName = "Campaign managers " + unique();
		JsonNode cohort = openCohort(cohortName);

		String opened = "Applications are open: " + cohortName;
		String abierto = "Inscripciones abiertas: " + cohortName;
		await().atMost(EVENTUALLY)
			.until(() -> subjects(english).contains(opened) && subjects(spanish).contains(abierto));
		assertThat(subjects(english)).filteredOn(opened::equals).hasSize(1);
		assertThat(subjects(spanish)).filteredOn(abierto::equals).hasSize(1);
		assertThat(text(english, opened)).contains("/training/cohorts/" + cohort.path("id").asString());
		assertThat(subjects(stopping)).doesNotContain(opened);
		assertThat(alert(englishToken).status()).isEqualTo(404);
		assertThat(alert(spanishToken).status()).isEqualTo(404);
	}

	private Gateway.Answer ask(String email, String language) {
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("name", "Someone Fictional");
		body.put("track", "CAMPAIGN_MANAGER");
		body.put("consent", true);
		body.put("language", language);
		return this.gateway.anonymous().post(PATH, body);
	}

	private Gateway.Answer alert(String token) {
		return this.gateway.anonymous()
			.sendRaw("GET", PATH, HttpRequest.BodyPublishers.noBody(), "X-Alert-Token", token);
	}

	private Gateway.Answer stop(String token) {
		return this.gateway.anonymous()
			.sendRaw("DELETE", PATH, HttpRequest.BodyPublishers.noBody(), "X-Alert-Token", token);
	}

	private JsonNode openCohort(String name) {
		String start = LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("track", "CAMPAIGN_MANAGER");
		body.put("sessions", List.of(start));
		body.put("format", "ONLINE");
		body.put("capacity", 10);
		body.put("applicationDeadline", start);
		return this.gateway.asStaff().post("/api/training/cohorts", body).json(201);
	}

	/** The token of the alert's link in the latest confirmation mailed to the address. */
	private String tokenMailedTo(String email) {
		return await().atMost(EVENTUALLY).until(() -> {
			for (JsonNode listed : this.mail.to(email)) {
				Matcher link = ALERT_LINK.matcher(this.mail.message(listed).path("text").asString());
				if (link.find()) {
					return link.group(1);
				}
			}
			return null;
		}, (token) -> token != null);
	}

	private List<String> subjects(String email) {
		return this.mail.to(email).stream().map((listed) -> listed.path("subject").asString()).toList();
	}

	private String text(String email, String subject) {
		return this.mail
			.message(this.mail.to(email)
				.stream()
				.filter((listed) -> subject.equals(listed.path("subject").asString()))
				.findFirst()
				.orElseThrow())
			.path("text")
			.asString();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
