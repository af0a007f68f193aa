package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.List;

/**
 * A cycle's question bank as endorsement-service shows it to staff ({@code GET
 * /api/questionnaires/{cycle}}): version 0 and no questions before staff set any.
 */
public record QuestionBank(int cycle, long version, List<Question> questions, Instant revisedAt, String revisedBy) {

	public QuestionBank {
		questions = (questions != null) ? questions : List.of();
	}

	/** {@code kind}: {@code AGREE_SCALE} or {@code FREE_TEXT}. */
	public record Question(String id, String text, String kind) {

		public boolean isScale() {
			return "AGREE_SCALE".equals(this.kind);
		}

	}

}
