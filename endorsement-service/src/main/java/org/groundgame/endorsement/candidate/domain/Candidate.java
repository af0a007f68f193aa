package org.groundgame.endorsement.candidate.domain;

import org.groundgame.endorsement.common.domain.Text;

/**
 * The person nominated for endorsement.
 *
 * @param name required
 * @param email optional; private (never in events or public views)
 * @param website optional; public
 */
public record Candidate(String name, String email, String website) {

	/**
	 * What a nomination shows of a candidate whose personal data was erased: a name is
	 * required, and this one names nobody.
	 */
	public static final String ERASED_NAME = "Erased candidate";

	public Candidate {
		name = Text.required(name, "candidate.name");
		email = Text.optional(email);
		website = Text.optional(website);
	}

	/** The candidate as kept once their personal data is erased: nothing of them. */
	public static Candidate erased() {
		return new Candidate(ERASED_NAME, null, null);
	}

	/**
	 * Whether this is the person named so in another nomination: by e-mail when both have
	 * one (two people can share a name), else by name.
	 */
	public boolean isSamePersonAs(String otherName, String otherEmail) {
		String theirEmail = Text.optional(otherEmail);
		if (this.email != null && theirEmail != null) {
			return this.email.equalsIgnoreCase(theirEmail);
		}
		return Text.comparable(this.name).equals(Text.comparable(otherName));
	}

	/**
	 * What makes two nominations name the same person: their e-mail (case aside) when
	 * given, else their name (case, accents and blanks aside) in the same race.
	 */
	public String matchKey(String raceId) {
		if (this.email != null) {
			return "email:" + this.email.toLowerCase(java.util.Locale.ROOT);
		}
		return "name:" + Text.comparable(this.name) + "|race:" + raceId;
	}

}
