package org.groundgame.endtoend;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * National staff's work in the organizers' console, in a real browser: the nominations
 * queue, a nomination's review from start to endorsement, a decision someone else made
 * meanwhile shown rather than overwritten, and the school's staff refused a nomination by
 * link and by form. Every page is checked for accessibility as it loads, and saved as a
 * screenshot at each step.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserStaffConsoleJourneyTests {

	private static final By MAIN = By.tagName("main");

	private final Browser browser;

	private final ConsoleSignIn signIn;

	private final Organizers organizers;

	private final Gateway gateway;

	BrowserStaffConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
		this.organizers = new Organizers(gateway);
	}

	@Test
	void staffReviewsResearchesAndEndorsesANominationFromTheQueue() {
		String chapterId = this.organizers.registerChapter();
		String candidate = "Candidate " + UUID.randomUUID().toString().substring(0, 8);
		String nominationId = this.organizers.nominate(chapterId, Organizers.STATE, "Kansas House of Representatives",
				candidate, "candidate-" + UUID.randomUUID() + "@example.org");

		// The queue, narrowed with its filters (htmx swaps the list in place): from the
		// endorsed ones, where the new nomination is not, to the submitted ones.
		this.signIn.asStaff("/console/nominations?status=ENDORSED");
		assertThat(this.browser.heading()).isEqualTo("Nominations");
		assertThat(this.browser.text(MAIN)).doesNotContain(candidate);
		this.browser.choose("Status", "Submitted");
		this.browser.fillIn("State", Organizers.STATE);
		this.browser.choose("Level", "State");
		this.browser.fillIn("Election year", String.valueOf(LocalDate.now().plusYears(1).getYear()));
		this.browser.pressInPlace("Show");
		this.browser.awaitText(MAIN, candidate);
		assertThat(this.browser.text(By.cssSelector(".status-counts"))).contains("Submitted")
			.contains("Under review")
			.contains("Endorsed");
		this.browser.checkAccessibility();
		this.browser.screenshot("console-staff-review", "1-queue");

		// The nomination's page: the candidate, the race, the nominating chapter.
		this.browser.follow(candidate);
		assertThat(this.browser.address().getPath()).isEqualTo("/console/nominations/" + nominationId);
		assertThat(this.browser.heading()).isEqualTo(candidate);
		assertThat(this.browser.text(MAIN)).contains("SUBMITTED")
			.contains("State Representative")
			.contains("Prairie Organizers")
			.contains("Rowan Ellis")
			.contains("The chapter's form and vote")
			.contains("Questionnaire")
			.contains("History");
		this.browser.screenshot("console-staff-review", "2-nomination");

		this.browser.press("Start the review");
		// Badges read as the browser shows them, in capitals.
		assertThat(this.browser.text(MAIN)).contains("The review has started.").contains("UNDER REVIEW");
		this.browser.screenshot("console-staff-review", "3-under-review");

		this.browser.fillIn("Why it waits (optional)", "Waiting for the chapter's vote");
		this.browser.press("Put on hold");
		assertThat(this.browser.text(MAIN)).contains("The nomination is on hold.")
			.contains("Waiting for the chapter's vote");
		// The history says who did it (the hold is on the trail as it is answered).
		assertThat(this.browser.text(By.cssSelector("#h-history + .table-wrap"))).contains("Put on hold");
		assertThat(this.browser.text(MAIN)).doesNotContain("Record the decision");
		this.browser.screenshot("console-staff-review", "4-on-hold");

		this.browser.press("Resume the review");
		assertThat(this.browser.text(MAIN)).contains("The review has resumed.");

		// A win number that is not a number is refused next to its field.
		this.browser.fillIn("Win number", "lots");
		this.browser.press("Save the research");
		assertThat(this.browser.text(MAIN)).contains("Give a whole number.");
		this.browser.screenshot("console-staff-review", "5-research-refused");

		this.browser.choose("Incumbency", "Open seat");
		this.browser.fillIn("Win number", "4200");
		this.browser.fillIn("Research notes", "An open seat; the district voted for us by 6 points last cycle.");
		this.browser.press("Save the research");
		assertThat(this.browser.text(MAIN)).contains("The research is saved.").contains("4200").contains("Open seat");

		this.browser.choose("Recommendation", "Endorse");
		this.browser.choose("Tier", "Tier 1");
		this.browser.fillIn("Rationale", "A proven organizer in a winnable open seat.");
		this.browser.press("Save the recommendation");
		assertThat(this.browser.text(MAIN)).contains("The recommendation is saved.").contains("Tier 1");
		this.browser.screenshot("console-staff-review", "6-recommended");

		this.browser.tick("Endorse");
		this.browser.fillIn("Reason", "A proven organizer in a winnable open seat.");
		this.browser.press("Record the decision");
		assertThat(this.browser.text(MAIN)).contains("The decision is recorded.").contains("ENDORSED");
		assertThat(this.browser.text(MAIN)).doesNotContain("What to do");
		this.browser.screenshot("console-staff-review", "7-endorsed");

		JsonNode nomination = this.organizers.nomination(nominationId);
		assertThat(nomination.path("status").asString()).isEqualTo("ENDORSED");
		assertThat(nomination.path("decisionReason").asString())
			.isEqualTo("A proven organizer in a winnable open seat.");
		assertThat(nomination.path("research").path("winNumber").asLong()).isEqualTo(4200);
		assertThat(nomination.path("research").path("incumbency").asString()).isEqualTo("OPEN_SEAT");
		assertThat(nomination.path("recommendation").path("tier").asString()).isEqualTo("TIER_1");
		assertThat(nomination.path("endorsementId").asString()).isNotBlank();
	}

	@Test
	void aDecisionMadeMeanwhileIsShownNotOverwritten() {
		String nominationId = this.organizers.nominateAsStaff(Organizers.STATE);
		this.signIn.asStaff("/console/nominations/" + nominationId);
		this.browser.tick("Decline");
		this.browser.fillIn("Reason", "Not aligned with our platform on housing.");

		// Someone else endorses it while the page is open.
		this.organizers.endorse(nominationId);
		this.browser.press("Record the decision");

		assertThat(this.browser.text(MAIN)).contains("Someone else changed this nomination meanwhile.")
			.contains("the nomination is now Endorsed")
			.contains("A strong organizer with a record of wins.");
		assertThat(this.browser.text(MAIN)).doesNotContain("The decision is recorded.");
		this.browser.screenshot("console-staff-conflict", "1-decided-meanwhile");
		JsonNode nomination = this.organizers.nomination(nominationId);
		assertThat(nomination.path("status").asString()).isEqualTo("ENDORSED");
		assertThat(nomination.path("decision").asString()).isEqualTo("ENDORSE");
		assertThat(nomination.path("decisionReason").asString()).isEqualTo("A strong organizer with a record of wins.");
	}

	@Test
	void staffRecordAnOutcomeAndRescindAnEndorsementWithAReason() {
		String nominationId = this.organizers.nominateAsStaff(Organizers.STATE);
		String endorsementId = this.organizers.endorse(nominationId);
		String candidate = this.organizers.nomination(nominationId).path("candidate").path("name").asString();

		this.signIn.asStaff("/console/endorsements?state=" + Organizers.STATE);
		assertThat(this.browser.heading()).isEqualTo("Endorsements");
		assertThat(this.browser.text(MAIN)).contains(candidate);
		this.browser.screenshot("console-staff-endorsements", "1-list");

		this.browser.follow(candidate);
		assertThat(this.browser.address().getPath()).isEqualTo("/console/endorsements/" + endorsementId);
		assertThat(this.browser.text(MAIN)).contains("ACTIVE").contains("No outcome recorded yet.");
		this.browser.choose("Stage", "Primary");
		this.browser.choose("Result", "Advanced");
		this.browser.press("Record the outcome");
		assertThat(this.browser.text(MAIN)).contains("The outcome is recorded.").contains("ADVANCED");
		this.browser.screenshot("console-staff-endorsements", "2-outcome");

		this.browser.fillIn("Why it is rescinded", "The candidate left the race's coalition.");
		this.browser.press("Rescind the endorsement");
		assertThat(this.browser.text(MAIN)).contains("The endorsement is rescinded.")
			.contains("RESCINDED")
			.contains("The candidate left the race's coalition.");
		assertThat(this.browser.text(MAIN)).doesNotContain("What to do");
		this.browser.screenshot("console-staff-endorsements", "3-rescinded");

		JsonNode endorsement = this.gateway.get("/api/endorsements/" + endorsementId).json(200);
		assertThat(endorsement.path("status").asString()).isEqualTo("RESCINDED");
		assertThat(endorsement.path("rescindedReason").asString())
			.isEqualTo("The candidate left the race's coalition.");
		assertThat(endorsement.path("outcomes").get(0).path("stage").asString()).isEqualTo("PRIMARY");
		assertThat(endorsement.path("outcomes").get(0).path("result").asString()).isEqualTo("ADVANCED");
	}

	@Test
	void staffPublishAVictoryAnnouncementThatTheCandidatesPageAndTheChaptersInboxShow() {
		String chapterId = this.organizers.registerChapter();
		String endorsementId = this.organizers.endorse(this.organizers.nominate(chapterId));
		this.organizers.recordOutcome(endorsementId, "WON");
		String headline = "Victory in the Kansas House " + UUID.randomUUID().toString().substring(0, 8);
		String message = "Thank you to the volunteers who knocked on 9,000 doors.";

		this.signIn.asStaff("/console/endorsements/" + endorsementId);
		assertThat(this.browser.headings(3)).contains("Publish a victory announcement");
		// Too long for a headline: the service names the field, nothing is published.
		this.browser.fillIn("Headline", "A headline that goes on and on ".repeat(5));
		this.browser.fillIn("Message", message);
		this.browser.press("Publish a victory announcement");
		assertThat(this.browser.text(MAIN)).contains("Publish a victory announcement")
			.doesNotContain("The victory announcement is published.");
		assertThat(this.browser.text(By.cssSelector(".field .error"))).isNotBlank();
		assertThat(this.gateway.get("/api/endorsements/" + endorsementId).json(200).path("announcement").isNull())
			.isTrue();

		this.browser.fillIn("Headline", headline);
		this.browser.press("Publish a victory announcement");
		assertThat(this.browser.text(MAIN)).contains("The victory announcement is published.")
			.contains(headline)
			.contains(message);
		assertThat(this.browser.headings(3)).doesNotContain("Publish a victory announcement");
		this.browser.screenshot("console-staff-endorsements", "4-announced");

		// Public on the candidate's page, and news for the nominating chapter.
		this.browser.open("/candidates/" + endorsementId);
		assertThat(this.browser.text(MAIN)).contains(headline).contains(message);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId))
				.anySatisfy((entry) -> assertThat(entry.path("title").asString()).isEqualTo(headline)));
	}

	@Test
	void staffApproveTheProfileRevisionTheyReadAndNotAChangeMadeSince() {
		String nominationId = this.organizers.nominateAsStaff(Organizers.STATE);
		JsonNode nomination = this.organizers.nomination(nominationId);
		String candidateId = nomination.path("candidateId").asString();
		String candidate = nomination.path("candidate").path("name").asString();
		String profile = "/api/candidates/" + candidateId + "/profile";
		this.gateway.asStaff()
			.send("PUT", profile, Map.of("biography", "Tenant organizer for ten years.", "party", "Democratic"))
			.json(200);

		this.signIn.asStaff("/console/profiles");
		assertThat(this.browser.heading()).isEqualTo("Profiles to approve");
		this.browser.screenshot("console-staff-profiles", "1-waiting");
		this.browser.follow(candidate);
		assertThat(this.browser.text(MAIN)).contains("Tenant organizer for ten years.").contains("Nothing is public.");
		this.browser.screenshot("console-staff-profiles", "2-draft");

		// The draft changes while staff read revision 1: approving it approves nothing.
		this.gateway.asStaff()
			.send("PUT", profile, Map.of("biography", "Tenant organizer for eleven years.", "party", "Democratic"))
			.json(200);
		this.browser.press("Approve revision 1");
		assertThat(this.browser.text(MAIN)).contains("The profile changed since you read it.")
			.contains("Tenant organizer for eleven years.");
		assertThat(this.gateway.asStaff().get(profile).json(200).path("approved").isNull()).isTrue();
		this.browser.screenshot("console-staff-profiles", "3-changed-meanwhile");

		this.browser.press("Approve revision 2");
		assertThat(this.browser.text(MAIN)).contains("Approved: this version is public.");
		JsonNode approved = this.gateway.asStaff().get(profile).json(200);
		assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.path("approved").path("biography").asString())
			.isEqualTo("Tenant organizer for eleven years.");
		this.browser.screenshot("console-staff-profiles", "4-approved");
	}

	@Test
	void staffWriteReorderAndPreviewACyclesQuestionsAndDoNotOverwriteAnotherRevision() {
		int cycle = 2040 + ThreadLocalRandom.current().nextInt(60);
		String bank = "/api/questionnaires/" + cycle;

		this.signIn.asStaff("/console/questionnaires");
		this.browser.fillIn("Election year", String.valueOf(cycle));
		this.browser.press("Open its questions");
		assertThat(this.browser.heading()).isEqualTo("Questions for " + cycle);
		assertThat(this.browser.text(MAIN)).contains("No questions yet for this cycle");

		this.browser.fillIn("Text of the new question", "Housing is a human right.");
		this.browser.press("Save the questions");
		assertThat(this.browser.text(MAIN)).contains("The questions are saved.");
		this.browser.fillIn("Text of the new question", "What would you do first in office?");
		this.browser.choose("How the new question is answered", "Written words");
		this.browser.press("Save the questions");
		this.browser.screenshot("console-staff-questions", "1-two-questions");

		// The second first.
		this.browser.fillIn("Place of question 1", "2");
		this.browser.fillIn("Place of question 2", "1");
		this.browser.press("Save the questions");
		JsonNode saved = this.gateway.asStaff().get(bank).json(200);
		assertThat(saved.path("questions").get(0).path("text").asString())
			.isEqualTo("What would you do first in office?");
		assertThat(saved.path("questions").get(0).path("kind").asString()).isEqualTo("FREE_TEXT");
		assertThat(saved.path("questions").get(1).path("text").asString()).isEqualTo("Housing is a human right.");

		this.browser.follow("Preview as candidates see it");
		assertThat(this.browser.heading()).isEqualTo("Preview: the " + cycle + " questionnaire");
		assertThat(this.browser.text(MAIN)).contains("1. What would you do first in office?")
			.contains("2. Housing is a human right.")
			.contains("Strongly agree");
		this.browser.screenshot("console-staff-questions", "2-preview");

		// Someone else revises the bank while the page is open: removing a question now
		// would drop theirs too, so nothing is saved.
		this.browser.follow("Back to editing");
		this.gateway.asStaff()
			.send("PUT", bank,
					Map.of("questions",
							List.of(Map.of("text", "Will you refuse corporate PAC money?", "kind", "AGREE_SCALE"))))
			.json(200);
		this.browser.tick("Remove question 1");
		this.browser.press("Save the questions");
		// The page now shows the other revision (the fourth), to start again from.
		assertThat(this.browser.text(MAIN)).contains("Someone else changed these questions meanwhile.")
			.contains("Version 4,");
		this.browser.screenshot("console-staff-questions", "3-changed-meanwhile");
		JsonNode after = this.gateway.asStaff().get(bank).json(200);
		assertThat(after.path("questions")).hasSize(1);
		assertThat(after.path("questions").get(0).path("text").asString())
			.isEqualTo("Will you refuse corporate PAC money?");
	}

	@Test
	void staffCreateAnApiClientWhoseSecretIsShownOnceAndDisableIt() {
		String name = "Integration " + UUID.randomUUID().toString().substring(0, 8);

		this.signIn.asStaff("/console/clients");
		assertThat(this.browser.heading()).isEqualTo("API clients");
		this.browser.fillIn("Name", name);
		this.browser.tick("National staff");
		this.browser.press("Create the client");
		assertThat(this.browser.heading()).isEqualTo("The client is created");
		String clientId = this.browser.text(By.cssSelector("dd code:not(.secret)"));
		String secret = this.browser.text(By.cssSelector("code.secret"));
		this.browser.screenshot("console-staff-clients", "1-secret-once");
		assertThat(this.gateway.tokens().ask(clientId, secret).status()).isEqualTo(200);

		this.browser.follow("Back to the clients");
		assertThat(this.browser.text(MAIN)).contains(name).doesNotContain(secret);
		this.browser.press("Disable");
		assertThat(this.browser.text(MAIN)).contains("Client " + clientId + " is disabled");
		this.browser.screenshot("console-staff-clients", "2-disabled");
		assertThat(this.gateway.asStaff().get("/api/clients/" + clientId).json(200).path("disabled").asBoolean())
			.isTrue();
		assertThat(this.gateway.tokens().ask(clientId, secret).status()).isNotEqualTo(200);
	}

	@Test
	void staffRegisterAChapterAndMakeAnotherItsSister() {
		String sisterId = this.organizers.registerChapter("NE", "Omaha");
		String sister = this.gateway.get("/api/chapters/" + sisterId).json(200).path("name").asString();
		String name = "Lincoln Organizers " + UUID.randomUUID().toString().substring(0, 8);

		this.signIn.asStaff("/console/chapters?state=NE");
		assertThat(this.browser.heading()).isEqualTo("Chapters");
		this.browser.follow("Register a chapter");
		this.browser.fillIn("Name", name);
		this.browser.fillIn("City", "Lincoln");
		this.browser.fillIn("State", "ZZ");
		this.browser.fillIn("Contact e-mail", "lincoln@organizers.example");
		this.browser.press("Register a chapter");
		// Refused next to the field, nothing registered: the form again, as typed.
		assertThat(this.browser.address().getPath()).isEqualTo("/console/chapters");
		assertThat(this.browser.heading()).isEqualTo("Register a chapter");
		this.browser.screenshot("console-staff-chapters", "1-refused");

		this.browser.fillIn("State", "NE");
		this.browser.press("Register a chapter");
		assertThat(this.browser.text(MAIN)).contains("The chapter is registered.");
		assertThat(this.browser.heading()).isEqualTo(name);
		String chapterId = this.browser.address().getPath().substring("/console/chapters/".length());

		this.browser.tick(sister + " (Omaha)");
		this.browser.fillIn("Parent organization (optional)", "Our Revolution");
		this.browser.press("Save the chapter");
		assertThat(this.browser.text(MAIN)).contains("The chapter is saved.");
		this.browser.screenshot("console-staff-chapters", "2-sister");
		JsonNode chapter = this.gateway.get("/api/chapters/" + chapterId).json(200);
		assertThat(chapter.path("parentOrganization").asString()).isEqualTo("Our Revolution");
		assertThat(chapter.path("sisterChapterIds").get(0).asString()).isEqualTo(sisterId);
	}

	@Test
	void theSchoolsStaffCannotOpenANominationNorDecideItByForm() {
		String nominationId = this.organizers.nominateAsStaff(Organizers.STATE);

		this.signIn.asTrainingStaff("/console/nominations/" + nominationId);
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		assertThat(this.browser.text(MAIN)).doesNotContain("Sam Okafor");
		this.browser.screenshot("console-training-refused", "1-nomination-by-link");

		this.browser.open("/console/nominations");
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");

		// The decision's form, forged from a console page of their own with its CSRF
		// token: refused, and nothing changes.
		this.browser.open("/console");
		this.browser.postForged("/console/nominations/" + nominationId + "/decision",
				Map.of("decision", "DECLINE", "decisionReason", "Forged by someone who decides no endorsement."));
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		this.browser.screenshot("console-training-refused", "2-decision-by-form");
		JsonNode nomination = this.organizers.nomination(nominationId);
		assertThat(nomination.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(nomination.path("decision").isNull() || nomination.path("decision").isMissingNode()).isTrue();
	}

}
