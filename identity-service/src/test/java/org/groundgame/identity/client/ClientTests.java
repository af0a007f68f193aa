package org.groundgame.identity.client;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.groundgame.security.Role;
import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void aChapterClientActsForItsChapter() {
		Client client = Client.register("St. Louis CRM", Role.CHAPTER, "chapter-stl", NOW);

		assertThat(client.clientId()).startsWith("chapter-").hasSizeGreaterThan(16);
		assertThat(client.chapterId()).isEqualTo("chapter-stl");
		assertThat(client.disabled()).isFalse();
		assertThat(client.disable().disabled()).isTrue();
	}

	@Test
	void aChapterClientNeedsAChapter() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Client.register("No chapter", Role.CHAPTER, " ", NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("chapterId"));
	}

	@Test
	void aStaffClientHasNoChapter() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Client.register("Staff", Role.STAFF, "chapter-stl", NOW));
		assertThat(Client.register("Staff", Role.STAFF, null, NOW).clientId()).startsWith("staff-");
	}

	@Test
	void aTrainingStaffClientHasNoChapterEither() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Client.register("School", Role.TRAINING_STAFF, "chapter-stl", NOW))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("chapterId"));
		Client client = Client.register("School", Role.TRAINING_STAFF, null, NOW);
		assertThat(client.clientId()).startsWith("training-staff-").hasSize("training-staff-".length() + 16);
		assertThat(client.role()).isEqualTo(Role.TRAINING_STAFF);
	}

	@Test
	void secretsAreLongRandomAndUrlSafe() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String secret = Client.newSecret();
			assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
			secrets.add(secret);
		}
		assertThat(secrets).hasSize(100);
	}

}
