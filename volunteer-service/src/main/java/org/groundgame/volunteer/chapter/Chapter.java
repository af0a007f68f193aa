package org.groundgame.volunteer.chapter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.groundgame.support.geography.UsState;

/**
 * A local chapter of the organization, such as Mobilize Missouri in St. Louis. Its name
 * is unique within its state, whatever the case or spacing ({@link ChapterName#key()});
 * the store enforces that across concurrent registrations and updates. A chapter may
 * belong to a parent organization ("Our Revolution") and name its sister chapters
 * (Columbia, Kansas City and St. Joseph for Mobilize Missouri); sisterhood is shown both
 * ways, but only the chapter that names a sister holds its id.
 *
 * @param parentOrganization the organization the chapter belongs to, or {@code null}
 * @param sisterChapterIds the registered chapters this one names as its sisters, never
 * itself, without duplicates, in the order given
 */
record Chapter(String id, ChapterName name, UsState state, String city, ContactEmail contactEmail,
		String parentOrganization, List<String> sisterChapterIds, Instant registeredAt) {

	static final int MAX_CITY_LENGTH = 100;

	static final int MAX_PARENT_ORGANIZATION_LENGTH = 200;

	static final int MAX_SISTER_CHAPTERS = 50;

	static final String NOT_A_REGISTERED_CHAPTER = "must be the id of a registered chapter";

	Chapter {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(contactEmail, "contactEmail");
		Objects.requireNonNull(registeredAt, "registeredAt");
		city = validCity(city);
		parentOrganization = validParentOrganization(parentOrganization);
		sisterChapterIds = (sisterChapterIds != null) ? List.copyOf(sisterChapterIds) : List.of();
	}

	/**
	 * Registers a new chapter with an id of its own.
	 * @param registry which of the sister chapters named are registered
	 * @return the chapter and the event that announces it
	 * @throws InvalidInputException naming every field that breaks a rule
	 */
	static Registration register(RegisterChapter command, ChapterRegistry registry, Clock clock) {
		// Millisecond precision: what the store keeps, so the answer to the registration
		// and every later read agree.
		Instant now = now(clock);
		String id = UUID.randomUUID().toString();
		List<FieldError> errors = new ArrayList<>();
		UsState state = checked(errors, () -> UsState.of("state", command.state()));
		Details details = Details.checked(command.name(), command.city(), command.contactEmail(),
				command.parentOrganization(), command.sisterChapterIds(), id, registry, errors);
		Chapter chapter = new Chapter(id, details.name(), state, details.city(), details.contactEmail(),
				details.parentOrganization(), details.sisterChapterIds(), now);
		ChapterRegistered event = new ChapterRegistered(UUID.randomUUID().toString(), now, chapter.id(),
				chapter.name().value(), chapter.state().code(), chapter.city(), chapter.contactEmail().value(),
				chapter.parentOrganization(), chapter.sisterChapterIds());
		return new Registration(chapter, event);
	}

	/**
	 * Replaces the chapter's details with those given; its id, state and registration
	 * time stay.
	 * @param registry which of the sister chapters named are registered
	 * @return the chapter as it now is and the event that announces all of its details
	 * @throws InvalidInputException naming every field that breaks a rule, {@code state}
	 * when the command asks for another state
	 */
	Updated update(UpdateChapter command, ChapterRegistry registry, Clock clock) {
		List<FieldError> errors = new ArrayList<>();
		if (command.state() != null && !command.state().isBlank()) {
			Optional<UsState> asked = UsState.fromCode(command.state());
			if (asked.isEmpty()) {
				errors.add(new FieldError("state", UsState.INVALID_MESSAGE));
			}
			else if (asked.get() != this.state) {
				errors.add(new FieldError("state", "cannot change: a chapter stays in " + this.state.code()));
			}
		}
		Details details = Details.checked(command.name(), command.city(), command.contactEmail(),
				command.parentOrganization(), command.sisterChapterIds(), this.id, registry, errors);
		Instant now = now(clock);
		Chapter chapter = new Chapter(this.id, details.name(), this.state, details.city(), details.contactEmail(),
				details.parentOrganization(), details.sisterChapterIds(), this.registeredAt);
		ChapterUpdated event = new ChapterUpdated(UUID.randomUUID().toString(), now, chapter.id(),
				chapter.name().value(), chapter.state().code(), chapter.city(), chapter.contactEmail().value(),
				chapter.parentOrganization(), chapter.sisterChapterIds());
		return new Updated(chapter, event);
	}

	private static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String validCity(String city) {
		if (city == null || city.isBlank()) {
			throw new InvalidInputException("city", "must not be blank");
		}
		String stripped = city.strip();
		if (stripped.length() > MAX_CITY_LENGTH) {
			throw new InvalidInputException("city", "must be at most " + MAX_CITY_LENGTH + " characters");
		}
		return stripped;
	}

	/** Optional: a blank one is none. */
	private static String validParentOrganization(String parentOrganization) {
		if (parentOrganization == null || parentOrganization.isBlank()) {
			return null;
		}
		String stripped = parentOrganization.strip();
		if (stripped.length() > MAX_PARENT_ORGANIZATION_LENGTH) {
			throw new InvalidInputException("parentOrganization",
					"must be at most " + MAX_PARENT_ORGANIZATION_LENGTH + " characters");
		}
		return stripped;
	}

	/**
	 * The sister chapters named, stripped and without duplicates; every one at fault is
	 * named by its index ({@code sisterChapterIds[2]}).
	 */
	private static List<String> validSisterChapterIds(List<String> given, String self, ChapterRegistry registry,
			List<FieldError> errors) {
		if (given == null || given.isEmpty()) {
			return List.of();
		}
		Map<String, Integer> indexById = new LinkedHashMap<>();
		List<FieldError> found = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String id = given.get(i);
			String field = "sisterChapterIds[" + i + "]";
			if (id == null || id.isBlank()) {
				found.add(new FieldError(field, NOT_A_REGISTERED_CHAPTER));
			}
			else if (id.strip().equals(self)) {
				found.add(new FieldError(field, "must not be the chapter itself"));
			}
			else {
				indexById.putIfAbsent(id.strip(), i);
			}
		}
		if (indexById.size() > MAX_SISTER_CHAPTERS) {
			// Not worth asking the store about so many.
			errors.add(new FieldError("sisterChapterIds", "must name at most " + MAX_SISTER_CHAPTERS + " chapters"));
			return List.of();
		}
		Set<String> registered = registry.registeredAmong(indexById.keySet());
		indexById.forEach((id, index) -> {
			if (!registered.contains(id)) {
				found.add(new FieldError("sisterChapterIds[" + index + "]", NOT_A_REGISTERED_CHAPTER));
			}
		});
		found.sort((a, b) -> Integer.compare(index(a), index(b)));
		errors.addAll(found);
		return List.copyOf(indexById.keySet());
	}

	private static int index(FieldError error) {
		String field = error.field();
		return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
	}

	/** The value, or {@code null} with its field errors added to the others. */
	private static <T> T checked(List<FieldError> errors, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

	/** Which chapters are registered, asked of the store once for all of them. */
	@FunctionalInterface
	interface ChapterRegistry {

		/** Those of the ids that are registered chapters. */
		Set<String> registeredAmong(Collection<String> chapterIds);

	}

	/**
	 * What a registration asks for, as given.
	 *
	 * @param parentOrganization optional
	 * @param sisterChapterIds optional
	 */
	record RegisterChapter(String name, String state, String city, String contactEmail, String parentOrganization,
			List<String> sisterChapterIds) {

		/** A chapter without parent organization or sisters. */
		RegisterChapter(String name, String state, String city, String contactEmail) {
			this(name, state, city, contactEmail, null, null);
		}

	}

	/**
	 * What an update asks for, as given: every detail, replacing the known ones (a
	 * missing parent organization or list of sisters is none).
	 *
	 * @param state optional; when given, the chapter's own state
	 */
	record UpdateChapter(String name, String state, String city, String contactEmail, String parentOrganization,
			List<String> sisterChapterIds) {

	}

	/** A new chapter and the event to publish about it. */
	record Registration(Chapter chapter, ChapterRegistered event) {
	}

	/** A chapter as updated and the event to publish about it. */
	record Updated(Chapter chapter, ChapterUpdated event) {
	}

	/** The details a registration and an update both check, all at once. */
	private record Details(ChapterName name, String city, ContactEmail contactEmail, String parentOrganization,
			List<String> sisterChapterIds) {

		/**
		 * @throws InvalidInputException naming every field at fault, these and those
		 * already found
		 */
		static Details checked(String name, String city, String contactEmail, String parentOrganization,
				List<String> sisterChapterIds, String self, ChapterRegistry registry, List<FieldError> errors) {
			ChapterName checkedName = Chapter.checked(errors, () -> new ChapterName(name));
			String checkedCity = Chapter.checked(errors, () -> validCity(city));
			ContactEmail checkedEmail = Chapter.checked(errors, () -> new ContactEmail(contactEmail));
			String checkedParent = Chapter.checked(errors, () -> validParentOrganization(parentOrganization));
			List<String> sisters = validSisterChapterIds(sisterChapterIds, self, registry, errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return new Details(checkedName, checkedCity, checkedEmail, checkedParent, sisters);
		}

	}

}
