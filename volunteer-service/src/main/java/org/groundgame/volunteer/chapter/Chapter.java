package org.groundgame.volunteer.chapter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.geography.UsState;

/**
 * A local chapter of the organization, such as Mobilize Missouri in St. Louis. Its name
 * is unique within its state, whatever the case or spacing ({@link ChapterName#key()});
 * the store enforces that across concurrent registrations.
 */
record Chapter(String id, ChapterName name, UsState state, String city, ContactEmail contactEmail,
		Instant registeredAt) {

	static final int MAX_CITY_LENGTH = 100;

	Chapter {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(contactEmail, "contactEmail");
		Objects.requireNonNull(registeredAt, "registeredAt");
		if (city == null || city.isBlank()) {
			throw new InvalidInputException("city", "must not be blank");
		}
		city = city.strip();
		if (city.length() > MAX_CITY_LENGTH) {
			throw new InvalidInputException("city", "must be at most " + MAX_CITY_LENGTH + " characters");
		}
	}

	/**
	 * Registers a new chapter with an id of its own.
	 * @return the chapter and the event that announces it
	 * @throws InvalidInputException when a field breaks a rule
	 */
	static Registration register(RegisterChapter command, Clock clock) {
		// Millisecond precision: what the store keeps, so the answer to the registration
		// and every later read agree.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Chapter chapter = new Chapter(UUID.randomUUID().toString(), new ChapterName(command.name()),
				UsState.of("state", command.state()), command.city(), new ContactEmail(command.contactEmail()), now);
		ChapterRegistered event = new ChapterRegistered(UUID.randomUUID().toString(), now, chapter.id(),
				chapter.name().value(), chapter.state().code(), chapter.city(), chapter.contactEmail().value());
		return new Registration(chapter, event);
	}

	/** What a registration asks for, as given. */
	record RegisterChapter(String name, String state, String city, String contactEmail) {
	}

	/** A new chapter and the event to publish about it. */
	record Registration(Chapter chapter, ChapterRegistered event) {
	}

}
