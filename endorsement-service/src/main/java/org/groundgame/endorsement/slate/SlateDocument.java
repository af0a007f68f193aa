package org.groundgame.endorsement.slate;

import java.time.Instant;
import java.util.List;

import org.groundgame.endorsement.nomination.NominationDocument.NominatorEntry;
import org.groundgame.endorsement.nomination.domain.Nominator;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A slate: its name and who put it forward. Its nominations are ordinary nominations
 * naming it ({@code slateId}), each going through the process on its own.
 */
@Document(SlateDocument.COLLECTION)
public class SlateDocument {

	static final String COLLECTION = "slates";

	@Id
	private String id;

	private String name;

	private String statement;

	private NominatorEntry nominatedBy;

	private List<String> nominationIds;

	private Instant submittedAt;

	SlateDocument() {
	}

	public SlateDocument(String id, String name, String statement, Nominator nominatedBy, List<String> nominationIds,
			Instant submittedAt) {
		this.id = id;
		this.name = name;
		this.statement = statement;
		this.nominatedBy = NominatorEntry.of(nominatedBy);
		this.nominationIds = nominationIds;
		this.submittedAt = submittedAt;
	}

	String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getStatement() {
		return this.statement;
	}

	Nominator getNominatedBy() {
		return (this.nominatedBy != null) ? this.nominatedBy.toNominator() : null;
	}

	String chapterId() {
		return (this.nominatedBy != null) ? this.nominatedBy.chapterId() : null;
	}

	List<String> getNominationIds() {
		return this.nominationIds;
	}

	Instant getSubmittedAt() {
		return this.submittedAt;
	}

}
