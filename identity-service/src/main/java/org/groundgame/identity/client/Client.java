package org.groundgame.identity.client;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.groundgame.security.Role;
import org.groundgame.support.domain.InvalidInputException;

/**
 * A machine client of the platform (a chapter's integration, a staff or a school tool)
 * that gets tokens with its id and secret. A {@code CHAPTER} client acts for exactly one
 * chapter; a {@code STAFF} or {@code TRAINING_STAFF} client for none. A disabled client
 * gets no more tokens.
 */
record Client(String clientId, String name, Role role, String chapterId, Instant createdAt, boolean disabled) {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_CHAPTER_ID_LENGTH = 100;

	/** 256 bits: long enough that a fast hash would do; we store BCrypt anyway. */
	static final int SECRET_BYTES = 32;

	private static final int ID_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	Client {
		checkChapter(role, chapterId);
	}

	/**
	 * A new client with an id of the server's choosing.
	 * @throws InvalidInputException when the chapter does not fit the role
	 */
	static Client register(String name, Role role, String chapterId, Instant now) {
		String clientId = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + random(ID_BYTES);
		return new Client(clientId, name, role, chapterId, now, false);
	}

	/** A fresh secret: {@value #SECRET_BYTES} random bytes, URL-safe Base64. */
	static String newSecret() {
		return random(SECRET_BYTES);
	}

	Client disable() {
		return new Client(this.clientId, this.name, this.role, this.chapterId, this.createdAt, true);
	}

	static void checkChapter(Role role, String chapterId) {
		boolean hasChapter = chapterId != null && !chapterId.isBlank();
		if (role == Role.CHAPTER && !hasChapter) {
			throw new InvalidInputException("chapterId", "is required for a CHAPTER client");
		}
		if (role != Role.CHAPTER && chapterId != null) {
			throw new InvalidInputException("chapterId", "must be absent for a " + role + " client");
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
