package org.groundgame.notification.chapter.domain;

import java.util.Locale;
import java.util.Objects;

import org.groundgame.events.volunteer.ChapterRegistered;

/**
 * What notification-service knows of a chapter, from volunteer-service's events: enough
 * to target it by state and to address it.
 *
 * @param contactEmail the chapter's own organizational address, kept for the e-mail
 * channel; never logged nor shown in the inbox
 */
public record Chapter(String id, String name, String state, String city, String contactEmail) {

	public Chapter {
		Objects.requireNonNull(id, "id");
		state = normalizedState(state);
	}

	public static Chapter registered(ChapterRegistered event) {
		return new Chapter(event.chapterId(), event.name(), event.state(), event.city(), event.contactEmail());
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
