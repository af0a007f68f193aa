package org.groundgame.web.candidates;

import java.time.LocalDate;
import java.util.List;

/**
 * A race as the public API shows it, with its endorsed candidates when listed as a
 * current race.
 *
 * @param id the race's id
 * @param office the office
 * @param level {@code FEDERAL}, {@code STATE} or {@code LOCAL}
 * @param state the two-letter state code
 * @param district the district, if any
 * @param jurisdiction the jurisdiction
 * @param electionDate the election's date
 * @param cycle the election cycle
 * @param stage {@code PRIMARY}, {@code GENERAL}, …
 * @param ballotMeasure whether this is a ballot measure rather than an office
 * @param candidates the endorsed candidates (current races only)
 */
public record Race(String id, String office, String level, String state, String district, String jurisdiction,
		LocalDate electionDate, Integer cycle, String stage, boolean ballotMeasure,
		List<EndorsedCandidate> candidates) {

	public Race {
		candidates = (candidates != null) ? candidates : List.of();
	}

	/**
	 * @param endorsementId the endorsement's id (its page)
	 * @param candidateId the candidate's id
	 * @param name the candidate's name
	 * @param website the campaign's website
	 * @param position for a ballot measure, the position endorsed
	 * @param party the party, from the approved profile
	 * @param photo the photo, from the approved profile
	 */
	public record EndorsedCandidate(String endorsementId, String candidateId, String name, String website,
			String position, String party, Endorsement.Photo photo) {

	}

}
