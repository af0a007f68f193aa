package org.groundgame.notification.chapter.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;

/**
 * What notification-service knows of a chapter, from volunteer-service's events: enough
 * to target it by state and to address it, and how it stands in the organization.
 *
 * @param contactEmail the chapter's own organizational address, kept for the e-mail
 * channel; never logged nor shown in the inbox
 * @param parentOrganization the organization it belongs to, or {@code null}
 * @param sisterChapterIds the chapters it names as its sisters; empty when none
 */
public record Chapter(String id, String name, String state, String city, String contactEmail, String parentOrganization,
		List<String> sisterChapterIds) {

	public Chapter {
		Objects.requireNonNull(id, "id");
		state = normalizedState(state);
		sisterChapterIds = (sisterChapterIds != null) ? List.copyOf(sisterChapterIds) : List.of();
	}

	/** A chapter without parent organization or sisters. */
	public Chapter(String id, String name, String state, String city, String contactEmail) {
		this(id, name, state, city, contactEmail, null, List.of());
	}

	public static Chapter registered(ChapterRegistered event) {
		return new Chapter(event.chapterId(), event.name(), event.state(), event.city(), event.contactEmail(),
				event.parentOrganization(), event.sisterChapterIds());
	}

	/** The chapter as an update tells of it: every detail as it now is. */
	public static Chapter updated(ChapterUpdated event) {
		return new Chapter(event.chapterId(), event.name(), event.state(), event.city(), event.contactEmail(),
				event.parentOrganization(), event.sisterChapterIds());
	}

	/**
	 * Whether an event about a chapter is to replace what is known of it: it is not older
	 * than the event the known details came from (of two at the same millisecond, the
	 * later delivered wins). The events of one chapter come in order, but an older one
	 * may still come again (a redelivery, a replay) after newer ones, and must then
	 * change nothing.
	 * @param occurredAt when the incoming event occurred
	 * @param known when the event the known details came from occurred, if any is known
	 */
	public static boolean replaces(Instant occurredAt, Optional<Instant> known) {
		Instant incoming = occurredAt.truncatedTo(ChronoUnit.MILLIS);
		return known.map((asOf) -> !incoming.isBefore(asOf.truncatedTo(ChronoUnit.MILLIS))).orElse(true);
	}

	/**
	 * States are two-letter codes; upper case whatever the producer sent, so that
	 * targeting by state cannot miss a chapter over a letter's case.
	 */
	public static String normalizedState(String state) {
		return (state != null) ? state.strip().toUpperCase(Locale.ROOT) : null;
	}

	@Override
	public String toString() {
		return "Chapter[id=" + this.id + ", state=" + this.state + "]";
	}

}
