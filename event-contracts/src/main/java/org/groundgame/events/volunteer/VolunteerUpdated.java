package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.Objects;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A volunteer's details changed: they signed up again with the same e-mail (new contact
 * details or consent), or moved to another chapter. Carries the details consumers keep,
 * as they now are: consumers keep the newest by {@code occurredAt}.
 * <p>
 * Personal data: {@code name} and {@code email}, as in {@link VolunteerSignedUp}; no
 * phone, zip or interests.
 *
 * @param chapterId the volunteer's chapter now, or {@code null}
 * @param previousChapterId the chapter before the change; equal to {@code chapterId} when
 * the chapter did not change
 * @param consent the channels the volunteer agreed to be contacted through, as of now
 * @param language the language the volunteer reads, {@code en} or {@code es}, as of now;
 * {@code null} from earlier producers (read it as {@code en}). Not personal data.
 */
@EventType(value = "org.groundgame.volunteer.VolunteerUpdated.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer's contact details, consent or chapter changed.")
public record VolunteerUpdated(String eventId, Instant occurredAt, String volunteerId, String chapterId,
		String previousChapterId, @PersonalData String name, @PersonalData String email, String state,
		VolunteerSignedUp.Consent consent, String language) implements DomainEvent {

	/** A change as the event described it before it carried the language. */
	public VolunteerUpdated(String eventId, Instant occurredAt, String volunteerId, String chapterId,
			String previousChapterId, String name, String email, String state, VolunteerSignedUp.Consent consent) {
		this(eventId, occurredAt, volunteerId, chapterId, previousChapterId, name, email, state, consent, null);
	}

	@Override
	public String aggregateId() {
		return this.volunteerId;
	}

	/** Whether the volunteer moved to another chapter. */
	public boolean chapterChanged() {
		return !Objects.equals(this.chapterId, this.previousChapterId);
	}

	/**
	 * Without the name and the e-mail address, so that logging an event leaks neither.
	 */
	@Override
	public String toString() {
		return "VolunteerUpdated[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", volunteerId="
				+ this.volunteerId + ", chapterId=" + this.chapterId + ", previousChapterId=" + this.previousChapterId
				+ ", state=" + this.state + ", consent=" + this.consent + ", language=" + this.language + "]";
	}

}
