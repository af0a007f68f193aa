package org.groundgame.identity.person;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.groundgame.security.Role;
import org.groundgame.support.domain.FieldProblems;

/**
 * Someone who signs in through a browser, their username their e-mail address
 * (lower-cased) or, for a seeded person, what the configuration names. A {@code CHAPTER}
 * person acts for one chapter. Invited, a person has no password until they set one
 * through their link; a disabled person cannot sign in.
 *
 * @param id the opaque id the API names the person by (never the e-mail address, which
 * stays out of addresses and logs)
 * @param username what the person signs in with
 * @param displayName the name shown for the person
 * @param role what the person may do
 * @param chapterId the chapter of a {@code CHAPTER} person, else {@code null}
 * @param disabled whether the person is kept from signing in
 * @param passwordSet whether the person has set a password (accepted their invitation)
 * @param authenticatorEnrolled whether the person has an authenticator for one-time codes
 * @param createdAt when the person was invited or seeded
 */
public record Person(String id, String username, String displayName, Role role, String chapterId, boolean disabled,
		boolean passwordSet, boolean authenticatorEnrolled, Instant createdAt) {

	public static final int MAX_EMAIL_LENGTH = 254;

	public static final int MAX_NAME_LENGTH = 100;

	public static final int MAX_CHAPTER_ID_LENGTH = 100;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	public Person {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("A person needs a username");
		}
		if (role == null) {
			throw new IllegalArgumentException("A person needs a role");
		}
		if ((role == Role.CHAPTER) != (chapterId != null && !chapterId.isBlank())) {
			throw new IllegalArgumentException("A CHAPTER person has a chapter id, any other none");
		}
	}

	/**
	 * A person invited by e-mail, with no password yet.
	 * @throws org.groundgame.support.domain.InvalidInputException naming every field at
	 * fault
	 */
	public static Person invite(String id, String email, String displayName, Role role, String chapterId, Instant now) {
		FieldProblems problems = new FieldProblems();
		String username = username(problems, email);
		String name = problems.required("displayName", displayName, MAX_NAME_LENGTH);
		String chapter = checkedChapter(problems, role, chapterId);
		problems.throwIfAny();
		return new Person(id, username, name, role, chapter, false, false, false, now);
	}

	/**
	 * A person the deployment's settings declare ({@code groundgame.identity.users[]}):
	 * active at once, with the password the settings give, and enrolled in an
	 * authenticator when they give its secret.
	 * @throws IllegalArgumentException when the role and the chapter do not go together
	 */
	public static Person configured(String id, String username, String displayName, Role role, String chapterId,
			boolean authenticatorEnrolled, Instant now) {
		return new Person(id, username, displayName, role, chapterId, false, true, authenticatorEnrolled, now);
	}

	/**
	 * The person with another role (and chapter, for {@code CHAPTER}).
	 * @throws org.groundgame.support.domain.InvalidInputException naming the fields at
	 * fault
	 */
	public Person withRole(Role newRole, String newChapterId) {
		FieldProblems problems = new FieldProblems();
		String chapter = checkedChapter(problems, newRole, newChapterId);
		problems.throwIfAny();
		return new Person(this.id, this.username, this.displayName, newRole, chapter, this.disabled, this.passwordSet,
				this.authenticatorEnrolled, this.createdAt);
	}

	/** The username an e-mail address gives: stripped and lower-cased. */
	public static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Whether signing in takes a one-time code after the password: always for
	 * {@code STAFF}, and for anyone who enrolled an authenticator.
	 */
	public boolean needsSecondFactor() {
		return this.role == Role.STAFF || this.authenticatorEnrolled;
	}

	/** Whether the person may sign in at all. */
	public boolean maySignIn() {
		return !this.disabled && this.passwordSet;
	}

	/** INVITED (no password yet), ACTIVE or DISABLED. */
	public String status() {
		return this.disabled ? "DISABLED" : (this.passwordSet ? "ACTIVE" : "INVITED");
	}

	private static String username(FieldProblems problems, String email) {
		String username = normalise(problems.required("email", email, MAX_EMAIL_LENGTH));
		if (username != null && username.length() <= MAX_EMAIL_LENGTH && !EMAIL.matcher(username).matches()) {
			problems.add("email", "must be an e-mail address");
		}
		return username;
	}

	private static String checkedChapter(FieldProblems problems, Role role, String chapterId) {
		if (role == null) {
			problems.add("role", "is required");
			return null;
		}
		String chapter = problems.optional("chapterId", chapterId, MAX_CHAPTER_ID_LENGTH);
		if (role == Role.CHAPTER && chapter == null) {
			problems.add("chapterId", "is required for a CHAPTER person");
		}
		if (role != Role.CHAPTER && chapter != null) {
			problems.add("chapterId", "must be empty unless the role is CHAPTER");
		}
		return chapter;
	}

	/** Nothing personal: no username or name. */
	@Override
	public String toString() {
		return "Person[id=" + this.id + ", role=" + this.role + ", status=" + status() + "]";
	}

}
