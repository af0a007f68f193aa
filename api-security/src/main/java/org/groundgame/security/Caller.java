package org.groundgame.security;

import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Who is calling, as the token says and nothing else: staff, a chapter (with its id), or
 * nobody (a public endpoint without a token). Controllers take it as an argument and hand
 * it to the application service, which decides what this caller may see and change.
 *
 * @param role the role, or {@code null} for an anonymous caller or a token without one
 * @param subject the token's subject (a client id or a person's user name), or
 * {@code null} when anonymous
 * @param chapterId the chapter a {@link Role#CHAPTER} token belongs to, else {@code null}
 */
public record Caller(Role role, String subject, String chapterId) {

	private static final Caller ANONYMOUS = new Caller(null, null, null);

	public Caller {
		if (role == Role.CHAPTER && (chapterId == null || chapterId.isBlank())) {
			throw new IllegalArgumentException("A chapter's caller needs its chapter id");
		}
		if (role != Role.CHAPTER) {
			chapterId = null;
		}
	}

	public static Caller anonymous() {
		return ANONYMOUS;
	}

	public static Caller staff(String subject) {
		return new Caller(Role.STAFF, subject, null);
	}

	public static Caller chapter(String subject, String chapterId) {
		return new Caller(Role.CHAPTER, subject, chapterId);
	}

	public boolean isAnonymous() {
		return this.subject == null;
	}

	public boolean isStaff() {
		return this.role == Role.STAFF;
	}

	public static Caller trainingStaff(String subject) {
		return new Caller(Role.TRAINING_STAFF, subject, null);
	}

	public boolean isTrainingStaff() {
		return this.role == Role.TRAINING_STAFF;
	}

	/**
	 * Whether this caller runs the Campaign Leadership School: its training staff, or
	 * national staff.
	 * @return whether the school's staff operations are allowed
	 */
	public boolean mayRunTheSchool() {
		return isStaff() || isTrainingStaff();
	}

	public boolean isChapter() {
		return this.role == Role.CHAPTER;
	}

	/**
	 * Whether this caller may read and change the data of a chapter: staff may for every
	 * chapter, a chapter only for itself.
	 * @param chapterId the chapter that owns the data, possibly {@code null} (owned by no
	 * chapter: only staff)
	 * @return whether access is allowed
	 */
	public boolean mayAccessChapter(String chapterId) {
		return isStaff() || (isChapter() && Objects.equals(this.chapterId, chapterId));
	}

	/**
	 * Refuses anyone but staff.
	 * @throws AuthenticationCredentialsNotFoundException (a {@code 401}) without a token
	 * @throws AccessDeniedException (a {@code 403}) for any other caller
	 */
	public void requireStaff() {
		requireToken();
		if (!isStaff()) {
			throw new AccessDeniedException("Only national staff may do this");
		}
	}

	/**
	 * Refuses anyone but the school's training staff and national staff.
	 * @throws AuthenticationCredentialsNotFoundException (a {@code 401}) without a token
	 * @throws AccessDeniedException (a {@code 403}) for any other caller
	 */
	public void requireSchoolStaff() {
		requireToken();
		if (!mayRunTheSchool()) {
			throw new AccessDeniedException("Only the school's staff may do this");
		}
	}

	/**
	 * Refuses anyone but staff and the chapter that owns the data.
	 * @param chapterId the owning chapter
	 * @throws AuthenticationCredentialsNotFoundException (a {@code 401}) without a token
	 * @throws AccessDeniedException (a {@code 403}) for another chapter or a caller
	 * without a role
	 */
	public void requireChapterAccess(String chapterId) {
		requireToken();
		if (!mayAccessChapter(chapterId)) {
			throw new AccessDeniedException("This belongs to another chapter");
		}
	}

	/**
	 * Refuses a caller without a token.
	 * @throws AuthenticationCredentialsNotFoundException (a {@code 401}) when anonymous
	 */
	public void requireToken() {
		if (isAnonymous()) {
			throw new AuthenticationCredentialsNotFoundException("A bearer token is needed");
		}
	}

	@Override
	public String toString() {
		// Subjects are client ids or user names, not secrets, but keep log lines short.
		return isAnonymous() ? "anonymous" : (this.role + ((this.chapterId != null) ? "(" + this.chapterId + ")" : ""));
	}

}
