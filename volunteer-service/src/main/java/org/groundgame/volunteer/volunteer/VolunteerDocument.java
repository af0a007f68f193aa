package org.groundgame.volunteer.volunteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A volunteer as stored, with the events not yet published (the embedded outbox). The
 * unique index on the e-mail key keeps one volunteer per address even when sign-ups race;
 * an erased volunteer's key is {@code erased:<id>}, so the tombstone names nobody and the
 * person may sign up afresh. The volunteer's key and a pending change are kept as hashes
 * of their tokens only; the index on the pending change's hash finds the volunteer a
 * confirmation link is for (the indexes are {@link VolunteerStore}'s).
 */
@Document(VolunteerDocument.COLLECTION)
class VolunteerDocument implements HasOutbox {

	static final String COLLECTION = "volunteers";

	/** The stored fields a change writes (all but the id, the outbox and the version). */
	static final List<String> FIELDS = List.of("emailKey", "name", "email", "phone", "zip", "state", "chapterId",
			"interests", "emailConsent", "smsConsent", "source", "referralCode", "signedUpAt", "updatedAt", "erasedAt",
			"manageTokenHash", "pendingChange", "language");

	@Id
	private final String id;

	private final String emailKey;

	private final String name;

	private final String email;

	private final String phone;

	private final String zip;

	private final String state;

	private final String chapterId;

	private final List<String> interests;

	private final ChannelConsent emailConsent;

	private final ChannelConsent smsConsent;

	private final String source;

	private final String referralCode;

	private final Instant signedUpAt;

	private final Instant updatedAt;

	private final Instant erasedAt;

	private final String manageTokenHash;

	private final PendingChangeDocument pendingChange;

	/**
	 * {@code en} or {@code es}; absent on volunteers from before (read as {@code en}).
	 */
	private final String language;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	VolunteerDocument(String id, String emailKey, String name, String email, String phone, String zip, String state,
			String chapterId, List<String> interests, ChannelConsent emailConsent, ChannelConsent smsConsent,
			String source, String referralCode, Instant signedUpAt, Instant updatedAt, Instant erasedAt,
			String manageTokenHash, PendingChangeDocument pendingChange, String language, List<OutboxEvent> outbox,
			Long version) {
		this.id = id;
		this.emailKey = emailKey;
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.zip = zip;
		this.state = state;
		this.chapterId = chapterId;
		this.interests = (interests != null) ? List.copyOf(interests) : List.of();
		this.emailConsent = emailConsent;
		this.smsConsent = smsConsent;
		this.source = source;
		this.referralCode = referralCode;
		this.signedUpAt = signedUpAt;
		this.updatedAt = updatedAt;
		this.erasedAt = erasedAt;
		this.manageTokenHash = manageTokenHash;
		this.pendingChange = pendingChange;
		this.language = language;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	static VolunteerDocument newVolunteer(Volunteer volunteer) {
		return of(volunteer, new ArrayList<>(), null);
	}

	/**
	 * This document's volunteer as changed: the same version (checked on save) and the
	 * events still pending.
	 */
	VolunteerDocument changedTo(Volunteer volunteer) {
		return of(volunteer, this.outbox, this.version);
	}

	private static VolunteerDocument of(Volunteer volunteer, List<OutboxEvent> outbox, Long version) {
		return new VolunteerDocument(volunteer.id(), volunteer.emailKey(), volunteer.name(), volunteer.email(),
				volunteer.phone(), volunteer.zip(), (volunteer.state() != null) ? volunteer.state().code() : null,
				volunteer.chapterId(), volunteer.interests().stream().map(Interest::name).sorted().toList(),
				volunteer.erased() ? null : volunteer.emailConsent(),
				volunteer.erased() ? null : volunteer.smsConsent(), volunteer.source(), volunteer.referralCode(),
				volunteer.signedUpAt(), volunteer.updatedAt(), volunteer.erasedAt(), volunteer.manageTokenHash(),
				PendingChangeDocument.of(volunteer.pendingChange()),
				volunteer.erased() ? null : volunteer.language().code(), outbox, version);
	}

	Volunteer toVolunteer() {
		Set<Interest> interests = EnumSet.noneOf(Interest.class);
		this.interests.forEach((interest) -> interests.add(Interest.valueOf(interest)));
		return new Volunteer(this.id, this.name, this.email, this.phone, this.zip,
				(this.state != null) ? UsState.fromCode(this.state).orElse(null) : null, this.chapterId, interests,
				this.emailConsent, this.smsConsent, this.source, this.referralCode, this.signedUpAt, this.updatedAt,
				this.erasedAt, this.manageTokenHash,
				(this.pendingChange != null) ? this.pendingChange.toPending() : null,
				Language.parse(this.language).orElse(Language.EN));
	}

	String getId() {
		return this.id;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

	Long getVersion() {
		return this.version;
	}

	/**
	 * A change asked for with the volunteer's address, as stored until confirmed: the
	 * details asked for, the hash of the link's token and its expiry.
	 */
	record PendingChangeDocument(String name, String email, String phone, String zip, String state, String chapterId,
			List<String> interests, ChannelConsent emailConsent, ChannelConsent smsConsent, String source,
			String referralCode, String tokenHash, Instant requestedAt, Instant expiresAt, String language,
			List<VolunteerShifts.HeldSignup> held) {

		static PendingChangeDocument of(Volunteer.PendingChange pending) {
			if (pending == null) {
				return null;
			}
			Contact contact = pending.contact();
			return new PendingChangeDocument(contact.name(), contact.email(), contact.phone(), contact.zip(),
					(contact.state() != null) ? contact.state().code() : null, contact.chapterId(),
					contact.interests().stream().map(Interest::name).sorted().toList(), contact.emailConsent(),
					contact.smsConsent(), contact.source(), contact.referralCode(), pending.tokenHash(),
					pending.requestedAt(), pending.expiresAt(),
					(contact.language() != null) ? contact.language().code() : null,
					pending.held().isEmpty() ? null : pending.held());
		}

		Volunteer.PendingChange toPending() {
			Set<Interest> wanted = EnumSet.noneOf(Interest.class);
			if (this.interests != null) {
				this.interests.forEach((interest) -> wanted.add(Interest.valueOf(interest)));
			}
			Contact contact = new Contact(this.name, this.email, this.phone, this.zip,
					(this.state != null) ? UsState.fromCode(this.state).orElse(null) : null, this.chapterId, wanted,
					(this.emailConsent != null) ? this.emailConsent : ChannelConsent.UNSPECIFIED,
					(this.smsConsent != null) ? this.smsConsent : ChannelConsent.UNSPECIFIED, this.source,
					this.referralCode, Language.parse(this.language).orElse(null));
			return new Volunteer.PendingChange(contact, this.tokenHash, this.requestedAt, this.expiresAt, this.held);
		}

		@Override
		public String toString() {
			return "PendingChangeDocument[expiresAt=" + this.expiresAt + "]";
		}

	}

}
