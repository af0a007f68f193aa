package org.groundgame.web.candidates;

import java.time.Instant;
import java.util.List;

/**
 * An endorsement as the public API shows it: the candidate, the race, and where it
 * stands.
 *
 * @param id the endorsement's id
 * @param candidateId the candidate's id
 * @param candidate who is endorsed
 * @param race the race they run in
 * @param cycle the election cycle
 * @param status {@code ACTIVE} or {@code RESCINDED}
 * @param outcome the newest result ({@code WON}, {@code LOST}, {@code ADVANCED}) or none
 * @param reEndorsement whether an incumbent was endorsed again
 * @param endorsedAt when
 * @param profile what the candidate wrote about themselves, as staff approved it, or none
 */
public record Endorsement(String id, String candidateId, Candidate candidate, Race race, Integer cycle, String status,
		String outcome, boolean reEndorsement, Instant endorsedAt, Profile profile) {

	/**
	 * The badge a candidate card shows: the result once there is one, else whether this
	 * is a re-endorsement.
	 * @return the badge's style and message key suffix: {@code won}, {@code advanced},
	 * {@code lost}, {@code reendorsed} or {@code endorsed}
	 */
	public String badge() {
		if (this.outcome != null) {
			return this.outcome.toLowerCase(java.util.Locale.ROOT);
		}
		return this.reEndorsement ? "reendorsed" : "endorsed";
	}

	/** The first letter of the candidate's name, for a card without a photo. */
	public String initial() {
		String name = (this.candidate != null) ? this.candidate.name() : null;
		return (name == null || name.isBlank()) ? "?" : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * @param name the candidate's name
	 * @param website the campaign's website
	 */
	public record Candidate(String name, String website) {

	}

	/**
	 * A candidate's public profile.
	 *
	 * @param photoUrl the photo's address (the service's own or an https URL)
	 * @param biography in the candidate's words
	 * @param party the party, if any
	 * @param links the campaign's links: website, donate, volunteer, social
	 */
	public record Profile(String photoUrl, String biography, String party, List<Link> links) {

		public Profile {
			links = (links != null) ? links : List.of();
		}

	}

	/**
	 * @param kind {@code WEBSITE}, {@code DONATE}, {@code VOLUNTEER} or a social network
	 * @param url where it goes
	 */
	public record Link(String kind, String url) {

	}

}
