package org.groundgame.notification.delivery.domain;

import java.util.Objects;

/**
 * Who a delivery is for: a chapter, a person of the people projection (a volunteer, who
 * consented), an addressee the event itself named with their address (a candidate sent
 * their questionnaire), or national staff. A recipient is identified by its id, not by
 * its address, so that one event reaches one recipient once per channel even if the
 * address changes meanwhile.
 */
public record Recipient(Kind kind, String id) {

	public enum Kind {

		CHAPTER, PERSON,

		/**
		 * Someone the event named with their address, e-mailed for what happened to them
		 * (transactional, no consent record): what they are sent is kept only until the
		 * delivery is done.
		 */
		ADDRESSEE,

		STAFF

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

	/**
	 * An addressee, by an id that is not personal data (what the message is about, e.g. a
	 * nomination).
	 */
	public static Recipient addressee(String id) {
		return new Recipient(Kind.ADDRESSEE, id);
	}

	/**
	 * Whether the recipient's address is personal data, which the delivery log masks.
	 */
	public boolean hasPersonalAddress() {
		return this.kind == Kind.PERSON || this.kind == Kind.ADDRESSEE;
	}

	/**
	 * Whether what is sent, and where, is kept only until the delivery is done: an
	 * addressee's address came with the event (nothing else here would ever erase it) and
	 * their message may carry a secret (a private link).
	 */
	public boolean keepsMessageUntilDone() {
		return this.kind == Kind.ADDRESSEE;
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
