package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;
import org.groundgame.support.domain.FieldProblems;

/**
 * The organization's announcement of an endorsed candidate's victory, as staff published
 * it: public on the candidate's page, sent to the chapters that hear of victories.
 *
 * @param headline one line
 * @param message plain text
 * @param publishedBy the staff member who published it (staff only, never public)
 */
public record Announcement(String headline, String message, Instant publishedAt, String publishedBy) {

	/** The longest headline: one line on a card or in a subject. */
	public static final int HEADLINE = 120;

	/** The longest message. */
	public static final int MESSAGE = 2000;

	public Announcement {
		headline = Text.optional(headline);
		message = Text.optional(message);
		FieldProblems problems = new FieldProblems();
		if (headline == null) {
			problems.add("headline", "must not be blank");
		}
		else if (headline.length() > HEADLINE || headline.contains("\n")) {
			problems.add("headline", "must be one line of at most " + HEADLINE + " characters");
		}
		if (message == null) {
			problems.add("message", "must not be blank");
		}
		else if (message.length() > MESSAGE) {
			problems.add("message", "must be at most " + MESSAGE + " characters");
		}
		problems.throwIfAny();
		Text.required(publishedAt, "publishedAt");
		publishedBy = Text.optional(publishedBy);
	}

	/** The same announcement without its words, which are about an erased candidate. */
	Announcement erased() {
		return new Announcement(Text.ERASED, Text.ERASED, this.publishedAt, this.publishedBy);
	}

}
