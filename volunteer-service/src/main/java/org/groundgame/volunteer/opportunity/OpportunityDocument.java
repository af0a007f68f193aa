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

/**
 * An opportunity as stored, with the events not yet published (the embedded outbox).
 * Other features of this service read the collection raw, so the field names and types
 * are a contract (see the README). {@code teamOf} is set only on the volunteer team
 * opened for an endorsement, and unique: one team per endorsement however often the event
 * is delivered (the index is sparse, so opportunities created directly, even for the same
 * endorsement, are not in it).
 */
@Document(OpportunityDocument.COLLECTION)
class OpportunityDocument implements HasOutbox {

	static final String COLLECTION = "opportunities";

	@Id
	private final String id;

	private final String title;

	private final String description;

	private final String type;

	private final String status;

	private final String state;

	private final String chapterId;

	private final String endorsementId;

	private final String teamOf;

	private final String raceId;

	private final String location;

	private final String virtualLink;

	private final Instant createdAt;

	private final Instant publishedAt;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	OpportunityDocument(String id, String title, String description, String type, String status, String state,
			String chapterId, String endorsementId, String teamOf, String raceId, String location, String virtualLink,
			Instant createdAt, Instant publishedAt, List<OutboxEvent> outbox, Long version) {
		this.id = id;
		this.title = title;
		this.description = description;
		this.type = type;
		this.status = status;
		this.state = state;
		this.chapterId = chapterId;
		this.endorsementId = endorsementId;
		this.teamOf = teamOf;
		this.raceId = raceId;
		this.location = location;
		this.virtualLink = virtualLink;
		this.createdAt = createdAt;
		this.publishedAt = publishedAt;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	/**
	 * @param team whether it is the volunteer team opened for its endorsement
	 */
	static OpportunityDocument newOpportunity(Opportunity opportunity, boolean team) {
		return new OpportunityDocument(opportunity.id(), opportunity.title(), opportunity.description(),
				opportunity.type().name(), opportunity.status().name(), opportunity.state().code(),
				opportunity.chapterId(), opportunity.endorsementId(), team ? opportunity.endorsementId() : null,
				opportunity.raceId(), opportunity.location(), opportunity.virtualLink(), opportunity.createdAt(),
				opportunity.publishedAt(), new ArrayList<>(), null);
	}

	Opportunity toOpportunity() {
		return new Opportunity(this.id, this.title, this.description, OpportunityType.valueOf(this.type),
				OpportunityStatus.valueOf(this.status), UsState.of("state", this.state), this.chapterId,
				this.endorsementId, this.raceId, this.location, this.virtualLink, this.createdAt, this.publishedAt);
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

}
