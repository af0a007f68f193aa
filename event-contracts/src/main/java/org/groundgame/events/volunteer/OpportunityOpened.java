package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A volunteer opportunity opened: a volunteer team for an endorsed race, opened in draft
 * when the endorsement was granted (its organizers add shifts, then publish it), or an
 * opportunity staff or a chapter created directly (open at once unless created as a
 * draft). Carries nothing personal.
 *
 * @param type {@code CANVASS}, {@code PHONE_BANK}, {@code DEEP_CANVASS},
 * {@code TEXT_BANK}, {@code VOTER_REG}, {@code GOTV} or {@code TRAINING}; tolerate values
 * not listed yet
 * @param status {@code DRAFT} (volunteers cannot see it yet) or {@code OPEN}
 * @param state the two-letter US state code
 * @param chapterId the chapter organizing it, or {@code null} for national staff
 * @param endorsementId the endorsement the opportunity works for, or {@code null}
 * @param raceId the race of that endorsement, or {@code null}
 */
@EventType(value = "org.groundgame.volunteer.OpportunityOpened.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer opportunity opened, in draft (a team for an endorsed race) or open to volunteers.")
public record OpportunityOpened(String eventId, Instant occurredAt, String opportunityId, String title, String type,
		String status, String state, String chapterId, String endorsementId, String raceId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.opportunityId;
	}

}
