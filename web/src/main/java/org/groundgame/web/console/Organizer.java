package org.groundgame.web.console;

import java.util.Collection;
import java.util.Locale;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in to the console, as their ID token from identity-service names
 * them: national staff, the school's training staff, or one chapter's organizer. What a
 * page shows follows the role; what the person may actually read and change is decided by
 * the services, which check the person's own access token on every call.
 *
 * @param username their user name (their e-mail address)
 * @param name how they are greeted
 * @param role their role
 * @param chapterId the chapter a chapter organizer acts for, else {@code null}
 */
public record Organizer(String username, String name, Role role, String chapterId) {

	/** The console's view of the platform's roles. */
	public enum Role {

		STAFF, TRAINING_STAFF, CHAPTER, NONE

	}

	/**
	 * The organizer an ID token names.
	 * @param user the signed-in person
	 * @return the organizer
	 */
	public static Organizer of(OidcUser user) {
		Role role = Role.NONE;
		Object roles = user.getClaims().get("roles");
		if (roles instanceof Collection<?> names) {
			for (Role candidate : new Role[] { Role.STAFF, Role.TRAINING_STAFF, Role.CHAPTER }) {
				if (names.stream()
					.anyMatch((name) -> candidate.name().equals(String.valueOf(name).toUpperCase(Locale.ROOT)))) {
					role = candidate;
					break;
				}
			}
		}
		String chapterId = (role == Role.CHAPTER) ? user.getClaimAsString("chapter_id") : null;
		if (role == Role.CHAPTER && (chapterId == null || chapterId.isBlank())) {
			role = Role.NONE;
		}
		String name = user.getClaimAsString("name");
		return new Organizer(user.getSubject(), (name != null && !name.isBlank()) ? name : user.getSubject(), role,
				chapterId);
	}

	public boolean isStaff() {
		return this.role == Role.STAFF;
	}

	public boolean isTrainingStaff() {
		return this.role == Role.TRAINING_STAFF;
	}

	/** National staff and training staff both run the school. */
	public boolean runsTheSchool() {
		return this.role == Role.STAFF || this.role == Role.TRAINING_STAFF;
	}

	public boolean isChapterOrganizer() {
		return this.role == Role.CHAPTER;
	}

}
