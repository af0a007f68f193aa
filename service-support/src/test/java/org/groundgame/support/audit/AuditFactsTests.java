package org.groundgame.support.audit;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.PersonalData;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFactsTests {

	private final AuditFacts facts = new AuditFacts();

	@Test
	void anEventKeepsItsIdsAndStatesAndLosesItsPersonalFields() {
		String payload = "{\"eventId\":\"e1\",\"volunteerId\":\"v1\",\"chapterId\":\"c1\",\"name\":\"Rosa Example\","
				+ "\"email\":\"rosa@example.org\",\"state\":\"MO\",\"consent\":{\"email\":true,\"sms\":false}}";

		String kept = this.facts.ofEvent("org.groundgame.volunteer.VolunteerSignedUp.v1", payload);

		assertThat(kept).isEqualTo("{\"eventId\":\"e1\",\"volunteerId\":\"v1\",\"chapterId\":\"c1\",\"state\":\"MO\","
				+ "\"consent\":{\"email\":true,\"sms\":false}}");
	}

	@Test
	void aPrivateLinkIsLeftOutLikeANameOrAnAddress() {
		assertThat(AuditFacts.personalPathsOf(SeatOffered.class)).containsExactlyInAnyOrder(List.of("name"),
				List.of("email"), List.of("acceptUrl"));
		assertThat(AuditFacts.personalPathsOf(VolunteerSignedUp.class)).containsExactlyInAnyOrder(List.of("name"),
				List.of("email"));
	}

	@Test
	void personalFieldsInsideNestedRecordsAndListsAreFound() {
		assertThat(AuditFacts.personalPathsOf(Slate.class)).containsExactlyInAnyOrder(List.of("nominator", "email"),
				List.of("candidates", "[]", "name"));
	}

	@Test
	void anUnknownTypeKeepsNothingSinceItsPersonalFieldsCannotBeKnown() {
		assertThat(this.facts.ofEvent("org.example.Unknown.v1", "{\"name\":\"Rosa\"}")).isEqualTo("{}");
	}

	record Person(@PersonalData String name, String id) {
	}

	record Nominator(@PersonalData String email, String chapterId) {
	}

	record Slate(String slateId, Nominator nominator, List<Person> candidates, Instant at) {
	}

}
