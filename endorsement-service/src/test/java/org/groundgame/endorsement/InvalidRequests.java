package org.groundgame.endorsement;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refused request of the web edge's tests must be. */
public final class InvalidRequests {

	private InvalidRequests() {
	}

	/**
	 * A {@code 400} problem document naming exactly these fields.
	 * @param result the answer
	 * @param fields the fields at fault, in any order
	 */
	public static void assertInvalid(MvcTestResult result, String... fields) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder((Object[]) fields);
	}

}
