package org.groundgame.training.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.groundgame.events.training.CohortSummary;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A graduate as the pipeline stores them, by enrollment id, with the nominations linked
 * to them and the {@code GraduateRanForOffice} events not yet published (the embedded
 * outbox): a link and its event are one write. Inserted once; after that changed only by
 * targeted, version-checked updates ({@link PipelineStore}), never replaced.
 */
@Document(GraduateDocument.COLLECTION)
class GraduateDocument implements HasOutbox {

	static final String COLLECTION = "pipeline_graduates";

	@Id
	private final String id;

	private final String cohortId;

	private final String cohortName;

	private final String track;

	private final LocalDate startsOn;

	private final String format;

	private final String location;

	private final String chapterId;

	private final String emailKey;

	private final String nameKey;

	private final String state;

	private final List<String> nominations;

	private final Instant erasedAt;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	GraduateDocument(String id, String cohortId, String cohortName, String track, LocalDate startsOn, String format,
			String location, String chapterId, String emailKey, String nameKey, String state, List<String> nominations,
			Instant erasedAt, List<OutboxEvent> outbox, Long version) {
		this.id = id;
		this.cohortId = cohortId;
		this.cohortName = cohortName;
		this.track = track;
		this.startsOn = startsOn;
		this.format = format;
		this.location = location;
		this.chapterId = chapterId;
		this.emailKey = emailKey;
		this.nameKey = nameKey;
		this.state = state;
		this.nominations = (nominations != null) ? List.copyOf(nominations) : List.of();
		this.erasedAt = erasedAt;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	String getId() {
		return this.id;
	}

	String getChapterId() {
		return this.chapterId;
	}

	List<String> getNominations() {
		return this.nominations;
	}

	Long getVersion() {
		return this.version;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

	Graduate toGraduate() {
		return new Graduate(this.id, this.cohortId, this.cohortName, this.track, this.startsOn, this.emailKey,
				this.nameKey, this.state, new HashSet<>(this.nominations));
	}

	CohortSummary cohortSummary() {
		return new CohortSummary(this.cohortId, this.cohortName, this.track, this.startsOn, this.format, this.location);
	}

	@Override
	public String toString() {
		return "GraduateDocument[id=" + this.id + ", cohortId=" + this.cohortId + "]";
	}

}
