package org.groundgame.endorsement.nomination;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;

/**
 * The body of {@code POST /api/nominations/{id}/chapter-form}, and the
 * {@code chapterForm} a chapter's nomination may carry: what the chapter says, when its
 * members met and how they voted.
 */
record ChapterFormRequest(@NotBlank @Size(max = Limits.STATEMENT) String statement, @NotNull LocalDate meetingDate,
		@NotNull @Min(0) @Max(Limits.MAX_VOTES) Integer votesFor,
		@NotNull @Min(0) @Max(Limits.MAX_VOTES) Integer votesAgainst) {
}
