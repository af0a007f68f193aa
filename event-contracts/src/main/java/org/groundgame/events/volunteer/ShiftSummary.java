package org.groundgame.events.volunteer;

import java.time.Instant;

/**
 * What a person needs to know of a shift to turn up: which opportunity, when and where.
 * Carries nothing personal (a location is a meeting place, not a home).
 *
 * @param type the opportunity's type, e.g. {@code PHONE_BANK}; tolerate values not listed
 * yet
 * @param state the two-letter US state code
 * @param chapterId the chapter organizing it, or {@code null}
 * @param endorsementId the endorsement the opportunity works for, or {@code null}
 * @param location where to go, or {@code null} for a virtual shift
 * @param virtualLink where to join a virtual shift, or {@code null}
 */
public record ShiftSummary(String opportunityId, String title, String type, String state, String chapterId,
		String endorsementId, Instant startsAt, Instant endsAt, String location, String virtualLink) {

}
