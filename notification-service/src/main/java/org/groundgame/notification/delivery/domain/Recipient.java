package org.groundgame.notification.delivery.domain;

import java.util.Objects;

/**
 * Who a delivery is for: a chapter, a person (a volunteer, a trainee, a candidate) or
 * national staff. A recipient is identified by its id, not by its address, so that one
 * event reaches one recipient once per channel even if the address changes meanwhile.
 */
public record Recipient(Kind kind, String id) {

	public enum Kind {

		CHAPTER, PERSON, STAFF

	}

	public static final Recipient STAFF = new Recipient(Kind.STAFF, "staff");

	public Recipient {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
	}

	public static Recipient chapter(String chapterId) {
		return new Recipient(Kind.CHAPTER, chapterId);
	}

	public static Recipient person(String personId) {
		return new Recipient(Kind.PERSON, personId);
	}

	/** The chapter's id, for a chapter; {@code null} otherwise. */
	public String chapterId() {
		return (this.kind == Kind.CHAPTER) ? this.id : null;
	}

	/** The person's id, for a person; {@code null} otherwise. */
	public String personId() {
		return (this.kind == Kind.PERSON) ? this.id : null;
	}

	String key() {
		return this.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.id;
	}

}
