package org.groundgame.endorsement.nomination;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person nominated, once per person: the unique key is their e-mail (lower case) when a
 * nomination gave one, else their name (compared without case, accents or extra blanks)
 * within one race. Every nomination of the same person names the same id.
 */
@Document(CandidateDocument.COLLECTION)
class CandidateDocument {

	static final String COLLECTION = "candidates";

	@Id
	private String id;

	/** Private: may hold the e-mail. */
	@Indexed(unique = true)
	private String matchKey;

	private String name;

	private Instant createdAt;

	CandidateDocument() {
	}

	CandidateDocument(String id, String matchKey, String name, Instant createdAt) {
		this.id = id;
		this.matchKey = matchKey;
		this.name = name;
		this.createdAt = createdAt;
	}

	String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

}
