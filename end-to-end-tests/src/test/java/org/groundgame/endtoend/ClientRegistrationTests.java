package org.groundgame.endtoend;

import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chapter's client is made only for a registered chapter: identity-service checks the
 * chapter against what it heard from volunteer-service.
 */
@ExtendWith(RunningPlatform.class)
class ClientRegistrationTests {

	private final Gateway gateway;

	private final Organizers organizers;

	ClientRegistrationTests(Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
	}

	@Test
	void aClientForAChapterThatDoesNotExistIsRefusedNamingTheChapter() {
		Gateway.Answer answer = this.gateway.asStaff()
			.send("POST", "/api/clients",
					Map.of("name", "A made-up chapter", "role", "CHAPTER", "chapterId", "no-such-chapter"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		JsonNode error = answer.json().path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("chapterId");
	}

	@Test
	void aRegisteredChapterGetsItsClientAndItsClientItsToken() throws Exception {
		String chapterId = this.organizers.registerChapter();

		// Made once identity-service has heard of the chapter (Tokens waits for that).
		String token = this.gateway.tokens().chapter(chapterId);

		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("chapter_id")).isEqualTo(chapterId);
	}

}
