package org.groundgame.notification.inbox.domain;

import java.util.Objects;

/**
 * Whose inbox an entry is in: one chapter's, or national staff's (one inbox shared by all
 * staff, for what they must act on, such as nominations to review).
 *
 * @param chapterId the chapter, or {@code null} for staff
 */
public record Recipient(String chapterId) {

	private static final Recipient STAFF = new Recipient(null);

	private static final String STAFF_KEY = "staff";

	private static final String CHAPTER_PREFIX = "chapter:";

	public Recipient {
		if (chapterId != null && chapterId.isBlank()) {
			throw new IllegalArgumentException("A chapter's id must not be blank");
		}
	}

	public static Recipient staff() {
		return STAFF;
	}

	public static Recipient chapter(String chapterId) {
		return new Recipient(Objects.requireNonNull(chapterId, "chapterId"));
	}

	public boolean isStaff() {
		return this.chapterId == null;
	}

	/**
	 * The recipient as stored: {@code staff}, or {@code chapter:} and the chapter's id.
	 * The prefix keeps the two apart whatever a chapter's id is, so no chapter ever reads
	 * or shadows the staff inbox.
	 */
	public String key() {
		return isStaff() ? STAFF_KEY : CHAPTER_PREFIX + this.chapterId;
	}

	/** The recipient of a stored key. */
	public static Recipient ofKey(String key) {
		if (STAFF_KEY.equals(key)) {
			return STAFF;
		}
		if (key != null && key.startsWith(CHAPTER_PREFIX)) {
			return chapter(key.substring(CHAPTER_PREFIX.length()));
		}
		throw new IllegalArgumentException("Not a recipient: " + key);
	}

	@Override
	public String toString() {
		return key();
	}

}
