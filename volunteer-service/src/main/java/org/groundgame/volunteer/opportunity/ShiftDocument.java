package org.groundgame.volunteer.opportunity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A shift as stored: its roster ({@code signups}) inside it, with the events not yet
 * published (the embedded outbox). Inserted whole once; after that only changed with a
 * targeted, version-checked update ({@link ShiftStore#update}), never replaced: the relay
 * removes published events without touching the version, and a replacement built from an
 * older read would put them back. Other features read the collection raw, so the field
 * names and types are a contract (see the README).
 */
@Document(ShiftDocument.COLLECTION)
class ShiftDocument implements HasOutbox {

	static final String COLLECTION = "shifts";

	@Id
	private final String id;

	private final String opportunityId;

	private final String title;

	private final String type;

	private final String state;

	private final String chapterId;

	private final String endorsementId;

	private final String raceId;

	private final Instant startsAt;

	private final Instant endsAt;

	private final String location;

	private final String virtualLink;

	private final int capacity;

	private final String status;

	private final List<SignupEntry> signups;

	private final long nextSequence;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	ShiftDocument(String id, String opportunityId, String title, String type, String state, String chapterId,
			String endorsementId, String raceId, Instant startsAt, Instant endsAt, String location, String virtualLink,
			int capacity, String status, List<SignupEntry> signups, long nextSequence, List<OutboxEvent> outbox,
			Long version) {
		this.id = id;
		this.opportunityId = opportunityId;
		this.title = title;
		this.type = type;
		this.state = state;
		this.chapterId = chapterId;
		this.endorsementId = endorsementId;
		this.raceId = raceId;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.location = location;
		this.virtualLink = virtualLink;
		this.capacity = capacity;
		this.status = status;
		this.signups = (signups != null) ? List.copyOf(signups) : List.of();
		this.nextSequence = nextSequence;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	static ShiftDocument newShift(Shift shift) {
		return new ShiftDocument(shift.id(), shift.opportunityId(), shift.title(), shift.type().name(),
				shift.state().code(), shift.chapterId(), shift.endorsementId(), shift.raceId(), shift.startsAt(),
				shift.endsAt(), shift.location(), shift.virtualLink(), shift.capacity(), shift.status().name(),
				entries(shift), shift.nextSequence(), new ArrayList<>(), null);
	}

	static List<SignupEntry> entries(Shift shift) {
		return shift.signups().stream().map(SignupEntry::of).toList();
	}

	Shift toShift() {
		return new Shift(this.id, this.opportunityId, this.title, OpportunityType.valueOf(this.type),
				UsState.of("state", this.state), this.chapterId, this.endorsementId, this.raceId, this.startsAt,
				this.endsAt, this.location, this.virtualLink, this.capacity, ShiftStatus.valueOf(this.status),
				this.signups.stream().map(SignupEntry::toSignup).toList(), this.nextSequence);
	}

	String getId() {
		return this.id;
	}

	String getOpportunityId() {
		return this.opportunityId;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

	Long getVersion() {
		return this.version;
	}

	/**
	 * One signup as stored in the shift's {@code signups} array. Its id is stored as
	 * {@code id} (an embedded object's {@code id} would otherwise become {@code _id}).
	 */
	record SignupEntry(@Field("id") String id, String volunteerId, String volunteerChapterId, String status,
			long sequence, Instant signedUpAt, Instant registeredAt, Instant cancelledAt, Double hours,
			Instant attendanceRecordedAt, Instant remindedAt, String manageTokenHash) {

		static SignupEntry of(Shift.Signup signup) {
			return new SignupEntry(signup.id(), signup.volunteerId(), signup.volunteerChapterId(),
					signup.status().name(), signup.sequence(), signup.signedUpAt(), signup.registeredAt(),
					signup.cancelledAt(), signup.hours(), signup.attendanceRecordedAt(), signup.remindedAt(),
					signup.manageTokenHash());
		}

		Shift.Signup toSignup() {
			return new Shift.Signup(this.id, this.volunteerId, this.volunteerChapterId,
					SignupStatus.valueOf(this.status), this.sequence, this.signedUpAt, this.registeredAt,
					this.cancelledAt, this.hours, this.attendanceRecordedAt, this.remindedAt, this.manageTokenHash);
		}

	}

}
