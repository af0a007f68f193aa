package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.groundgame.endorsement.common.domain.Text;

/**
 * The nominating chapter's endorsement form: what the chapter says of the candidate and
 * how its members voted.
 *
 * @param chapterId the chapter that filed it, or {@code null} when staff filed it for a
 * nomination of no chapter
 */
public record ChapterForm(String statement, LocalDate meetingDate, int votesFor, int votesAgainst, String chapterId,
		Instant filedAt) {

	public ChapterForm {
		statement = Text.required(statement, "statement");
		Text.required(meetingDate, "meetingDate");
		if (votesFor < 0) {
			throw new org.groundgame.support.domain.InvalidInputException("votesFor", "must not be negative");
		}
		if (votesAgainst < 0) {
			throw new org.groundgame.support.domain.InvalidInputException("votesAgainst", "must not be negative");
		}
		chapterId = Text.optional(chapterId);
		Text.required(filedAt, "filedAt");
	}

}
