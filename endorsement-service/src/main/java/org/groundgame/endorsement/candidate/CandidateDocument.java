package org.groundgame.endorsement.candidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.endorsement.candidate.domain.CandidateErasure;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person nominated, once per person: the unique key is their e-mail (lower case) when a
 * nomination gave one, else their name (compared without case, accents or extra blanks)
 * within one race. Every nomination of the same person names the same id.
 * <p>
 * Once erased, the record keeps only its id, when it was erased and the nominations that
 * named the person; its match key becomes {@code erased:<id>} (unique, and nobody's), so
 * that a later nomination of the same address or name is a new person. The erasure's
 * event ({@code CandidateErased}) waits in this record's outbox, written with it.
 */
@Document(CandidateDocument.COLLECTION)
public class CandidateDocument implements HasOutbox {

	public static final String COLLECTION = "candidates";

	static final String ERASED_KEY_PREFIX = "erased:";

	@Id
	private String id;

	@Version
	private Long version;

	/** Private: may hold the e-mail. */
	private String matchKey;

	private String name;

	private Instant createdAt;

	/** When the person's data was erased; {@code null} unless. */
	private Instant erasedAt;

	/** The nominations the erasure announced (every one that named the person). */
	private List<String> erasedNominationIds = new ArrayList<>();

	private List<OutboxEvent> outbox = new ArrayList<>();

	CandidateDocument() {
	}

	public CandidateDocument(String id, String matchKey, String name, Instant createdAt) {
		this.id = id;
		this.matchKey = matchKey;
		this.name = name;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	Long getVersion() {
		return this.version;
	}

	public String getName() {
		return this.name;
	}

	public Instant getErasedAt() {
		return this.erasedAt;
	}

	public boolean isErased() {
		return this.erasedAt != null;
	}

	public List<String> getErasedNominationIds() {
		return (this.erasedNominationIds != null) ? this.erasedNominationIds : List.of();
	}

	/** How far the candidate's erasure has gone. */
	public CandidateErasure toErasure() {
		return new CandidateErasure(this.id, this.erasedAt, getErasedNominationIds());
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

}
