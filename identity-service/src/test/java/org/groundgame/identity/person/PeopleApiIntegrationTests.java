package org.groundgame.identity.person;

import java.net.http.HttpResponse;

import org.groundgame.identity.Accounts;
import org.groundgame.identity.Browser;
import org.groundgame.identity.ChapterRegistrations;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.MailTestConfiguration;
import org.groundgame.identity.chapter.RegisteredChapters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/people}: staff manage people; nobody else may. */
@IdentityServiceIntegrationTest
class PeopleApiIntegrationTests {

	private final IdentityHttp http;

	private final Accounts accounts;

	private final RegisteredChapters chapters;

	@Autowired
	PeopleApiIntegrationTests(@LocalServerPort int port, RegisteredChapters chapters) {
		this.http = new IdentityHttp(port);
		this.accounts = new Accounts(this.http);
		this.chapters = chapters;
	}

	@Test
	void staffInviteAPersonWhoIsListedWithoutAnySecret() {
		String email = Accounts.newEmail("listed");
		HttpResponse<String> invited = this.accounts.invite(email, "Avery Lindqvist", "TRAINING_STAFF", null);

		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
		JsonNode body = IdentityHttp.json(invited);
		String id = body.get("id").asString();
		assertThat(invited.headers().firstValue("Location")).hasValue("/api/people/" + id);
		assertThat(body.get("email").asString()).isEqualTo(email);
		assertThat(body.get("status").asString()).isEqualTo("INVITED");
		assertThat(body.get("invitationExpiresAt").isNull()).isFalse();
		MailTestConfiguration.awaitLink(email, 1);

		HttpResponse<String> one = this.http.get("/api/people/" + id, this.http.staffToken());
		assertThat(IdentityHttp.json(one).get("role").asString()).isEqualTo("TRAINING_STAFF");
		HttpResponse<String> list = this.http.get("/api/people?size=100", this.http.staffToken());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(id)
			.doesNotContain("passwordHash")
			.doesNotContain("{bcrypt}")
			.doesNotContain("invitationHash")
			.doesNotContain("totpSecret")
			.doesNotContain("{kek:");
		assertThat(IdentityHttp.json(list).get("page").get("totalElements").asInt()).isPositive();
	}

	@Test
	void badInvitationsNameTheFieldsAtFault() {
		HttpResponse<String> empty = this.http.post("/api/people",
				"{\"email\":\"not an address\",\"displayName\":\"\"," + "\"role\":\"CHAPTER\"}",
				this.http.staffToken());
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(fields(empty)).contains("displayName");

		HttpResponse<String> notAnAddress = this.accounts.invite("not an address", "Avery", "CHAPTER", null);
		assertThat(notAnAddress.statusCode()).isEqualTo(400);
		assertThat(fields(notAnAddress)).contains("email", "chapterId");

		HttpResponse<String> unregistered = this.accounts.invite(Accounts.newEmail("x"), "Avery", "CHAPTER",
				"chapter-nobody-registered");
		assertThat(unregistered.statusCode()).isEqualTo(400);
		assertThat(fields(unregistered)).containsExactly("chapterId");

		HttpResponse<String> staffWithChapter = this.accounts.invite(Accounts.newEmail("x"), "Avery", "STAFF",
				"chapter-stl");
		assertThat(staffWithChapter.statusCode()).isEqualTo(400);
		assertThat(fields(staffWithChapter)).containsExactly("chapterId");

		HttpResponse<String> unknownRole = this.accounts.invite(Accounts.newEmail("x"), "Avery", "ADMIN", null);
		assertThat(unknownRole.statusCode()).isEqualTo(400);
		assertThat(fields(unknownRole)).containsExactly("role");
	}

	@Test
	void anAddressHasOneAccount() {
		String email = Accounts.newEmail("twice");
		this.accounts.invited(email, "TRAINING_STAFF", null);

		HttpResponse<String> again = this.accounts.invite(email.toUpperCase(), "Someone Else", "STAFF", null);

		assertThat(again.statusCode()).isEqualTo(409);
	}

	@Test
	void staffChangeAPersonsRoleAndChapter() {
		ChapterRegistrations.register("chapter-kc", this.chapters);
		String email = Accounts.newEmail("promoted");
		String id = this.accounts.active(email, "TRAINING_STAFF", null);

		HttpResponse<String> missingChapter = this.http.put("/api/people/" + id + "/role", "{\"role\":\"CHAPTER\"}",
				this.http.staffToken());
		assertThat(missingChapter.statusCode()).isEqualTo(400);
		assertThat(fields(missingChapter)).containsExactly("chapterId");
		HttpResponse<String> changed = this.http.put("/api/people/" + id + "/role",
				"{\"role\":\"CHAPTER\",\"chapterId\":\"chapter-kc\"}", this.http.staffToken());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

		Browser browser = new Browser(this.http);
		String token = browser.accessToken(browser.code(browser.signIn(email, Accounts.GOOD_PASSWORD)));
		assertThat(this.http.decoderFromJwks().decode(token).getClaimAsString("chapter_id")).isEqualTo("chapter-kc");
	}

	@Test
	void aDisabledPersonCannotSignInNorRedeemACodeIssuedBefore() {
		String email = Accounts.newEmail("leaver");
		String id = this.accounts.active(email, "TRAINING_STAFF", null);
		Browser before = new Browser(this.http);
		String code = before.code(before.signIn(email, Accounts.GOOD_PASSWORD));

		HttpResponse<String> disabled = this.http.post("/api/people/" + id + "/disable", "", this.http.staffToken());

		assertThat(disabled.statusCode()).isEqualTo(200);
		assertThat(IdentityHttp.json(disabled).get("status").asString()).isEqualTo("DISABLED");
		HttpResponse<String> redeemed = before.redeem(code);
		assertThat(redeemed.statusCode()).isEqualTo(400);
		assertThat(IdentityHttp.json(redeemed).get("error").asString()).isEqualTo("invalid_grant");
		Browser after = new Browser(this.http);
		assertThat(after.location(after.signIn(email, Accounts.GOOD_PASSWORD))).endsWith("/login?error");

		HttpResponse<String> enabled = this.http.post("/api/people/" + id + "/enable", "", this.http.staffToken());
		assertThat(IdentityHttp.json(enabled).get("status").asString()).isEqualTo("ACTIVE");
		Browser again = new Browser(this.http);
		again.accessToken(again.code(again.signIn(email, Accounts.GOOD_PASSWORD)));
	}

	@Test
	void aNewInvitationReplacesTheOldLink() {
		String email = Accounts.newEmail("resent");
		String id = this.accounts.invited(email, "TRAINING_STAFF", null);
		String first = MailTestConfiguration.awaitLink(email, 1);

		HttpResponse<String> resent = this.http.post("/api/people/" + id + "/invitation", "", this.http.staffToken());

		assertThat(resent.statusCode()).isEqualTo(200);
		String second = MailTestConfiguration.awaitLink(email, 2);
		assertThat(second).isNotEqualTo(first);
		Browser browser = new Browser(this.http);
		assertThat(browser.get(first).statusCode()).isEqualTo(404);
		assertThat(browser.get(second).statusCode()).isEqualTo(200);
	}

	@Test
	void anActivePersonIsNotInvitedAgain() {
		String id = this.accounts.active(Accounts.newEmail("active"), "TRAINING_STAFF", null);

		HttpResponse<String> resent = this.http.post("/api/people/" + id + "/invitation", "", this.http.staffToken());

		assertThat(resent.statusCode()).isEqualTo(409);
	}

	@Test
	void anUnknownPersonIs404() {
		assertThat(this.http.get("/api/people/nobody", this.http.staffToken()).statusCode()).isEqualTo(404);
		assertThat(this.http.post("/api/people/nobody/disable", "", this.http.staffToken()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void chapterAndTrainingStaffTokensCannotManagePeople() {
		String chapterToken = this.http.accessToken(IdentityHttp.CHAPTER_CLIENT, IdentityHttp.CHAPTER_SECRET);
		Browser trainer = new Browser(this.http);
		String trainingToken = trainer.accessToken(trainer.code(trainer.signIn("trainer", "trainer-pw")));
		String id = this.accounts.invited(Accounts.newEmail("protected"), "TRAINING_STAFF", null);

		for (String token : new String[] { chapterToken, trainingToken }) {
			assertThat(this.http.get("/api/people", token).statusCode()).isEqualTo(403);
			assertThat(this.http.get("/api/people/" + id, token).statusCode()).isEqualTo(403);
			assertThat(this.accounts.inviteWith(token, Accounts.newEmail("y"), "STAFF").statusCode()).isEqualTo(403);
			assertThat(this.http.post("/api/people/" + id + "/disable", "", token).statusCode()).isEqualTo(403);
			assertThat(this.http.put("/api/people/" + id + "/role", "{\"role\":\"STAFF\"}", token).statusCode())
				.isEqualTo(403);
		}
		assertThat(this.http.get("/api/people", null).statusCode()).isEqualTo(401);
		assertThat(IdentityHttp.json(this.http.get("/api/people/" + id, this.http.staffToken())).get("role").asString())
			.isEqualTo("TRAINING_STAFF");
	}

	private static java.util.List<String> fields(HttpResponse<String> problem) {
		JsonNode errors = IdentityHttp.json(problem).get("errors");
		assertThat(errors).as(problem.body()).isNotNull();
		java.util.List<String> fields = new java.util.ArrayList<>();
		errors.forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

}
