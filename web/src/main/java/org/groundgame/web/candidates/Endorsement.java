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
 * @param announcement the organization's announcement of the candidate's victory, or none
 */
public record Endorsement(String id, String candidateId, Candidate candidate, Race race, Integer cycle, String status,
		String outcome, boolean reEndorsement, Instant endorsedAt, Profile profile, Announcement announcement) {

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
	 * The victory announcement, as staff published it.
	 *
	 * @param headline one line
	 * @param message plain text, in paragraphs
	 */
	public record Announcement(String headline, String message, Instant publishedAt) {

	}

	/**
	 * @param name the candidate's name
	 * @param website the campaign's website
	 */
	public record Candidate(String name, String website) {

	}

	/**
	 * A candidate's public profile, as staff approved it.
	 *
	 * @param biography in the candidate's words
	 * @param party the party, if any
	 * @param photo their photo, if any
	 * @param links the campaign's links
	 */
	public record Profile(String biography, String party, Photo photo, Links links) {

		public Profile {
			links = (links != null) ? links : new Links(null, null, null, List.of());
		}

		/** The photo's address, or none. */
		public String photoUrl() {
			return (this.photo != null) ? this.photo.url() : null;
		}

	}

	/**
	 * @param source {@code UPLOAD} (served by the platform) or {@code URL}
	 * @param url where it is
	 * @param width its width, for an upload
	 * @param height its height, for an upload
	 */
	public record Photo(String source, String url, Integer width, Integer height) {

	}

	/**
	 * @param website the campaign's website
	 * @param donate where to donate
	 * @param volunteer where to volunteer for the campaign
	 * @param social their social media
	 */
	public record Links(String website, String donate, String volunteer, List<Link> social) {

		public Links {
			social = (social != null) ? social : List.of();
		}

	}

	/**
	 * @param kind {@code FACEBOOK}, {@code INSTAGRAM}, {@code X}, … or {@code OTHER}
	 * @param url where it goes
	 */
	public record Link(String kind, String url) {

	}

	/** The campaign's website: the profile's, else the one given when nominated. */
	public String website() {
		if (this.profile != null && this.profile.links().website() != null) {
			return this.profile.links().website();
		}
		return (this.candidate != null) ? this.candidate.website() : null;
	}

}
