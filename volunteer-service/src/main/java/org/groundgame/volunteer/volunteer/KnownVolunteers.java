package org.groundgame.volunteer.volunteer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the service's other features may know of its volunteers: whether one exists (and
 * is not erased), their chapter and the name organizers know them by, and whether a token
 * is their key. Never their contact details.
 */
@Component
public class KnownVolunteers {

	private final VolunteerStore volunteers;

	KnownVolunteers(VolunteerStore volunteers) {
		this.volunteers = volunteers;
	}

	/** The volunteer, unless unknown or erased. */
	public Optional<Member> find(String volunteerId) {
		if (volunteerId == null || volunteerId.isBlank()) {
			return Optional.empty();
		}
		return this.volunteers.volunteer(volunteerId.strip())
			.map(VolunteerDocument::toVolunteer)
			.filter((volunteer) -> !volunteer.erased())
			.map(KnownVolunteers::member);
	}

	/**
	 * Whether a token is the key of the volunteer (the token of the private link they
	 * were e-mailed): false for an unknown or erased volunteer, or any other token.
	 */
	public boolean holdsKey(String volunteerId, String token) {
		if (volunteerId == null || volunteerId.isBlank() || token == null || token.isBlank()) {
			return false;
		}
		return this.volunteers.volunteer(volunteerId.strip())
			.map((document) -> document.toVolunteer().holdsKey(token))
			.orElse(false);
	}

	/** Those of the ids that are known and not erased, by id. */
	public Map<String, Member> findAll(Collection<String> volunteerIds) {
		Map<String, Member> found = new LinkedHashMap<>();
		this.volunteers.volunteers(volunteerIds).forEach((document) -> {
			Volunteer volunteer = document.toVolunteer();
			if (!volunteer.erased()) {
				found.put(volunteer.id(), member(volunteer));
			}
		});
		return found;
	}

	private static Member member(Volunteer volunteer) {
		return new Member(volunteer.id(), volunteer.chapterId(), volunteer.name());
	}

	/**
	 * A volunteer as other features see them.
	 *
	 * @param chapterId their chapter, or {@code null}
	 * @param name personal data: show it only to staff and the volunteer's chapter, never
	 * log it
	 */
	public record Member(String id, String chapterId, String name) {

		@Override
		public String toString() {
			return "Member[id=" + this.id + ", chapterId=" + this.chapterId + "]";
		}

	}

}
