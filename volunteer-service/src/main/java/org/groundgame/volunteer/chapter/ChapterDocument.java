package org.groundgame.volunteer.chapter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;
import org.groundgame.support.geography.UsState;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chapter as stored, with the events not yet published (the embedded outbox). The
 * unique index on state and name key keeps one chapter per name and state even when two
 * registrations race; it also serves the listing of a state sorted by name.
 */
@Document(ChapterDocument.COLLECTION)
@CompoundIndex(name = "state_name_key_unique", def = "{'state': 1, 'nameKey': 1}", unique = true)
@CompoundIndex(name = "name_key_state", def = "{'nameKey': 1, 'state': 1}")
class ChapterDocument implements HasOutbox {

	static final String COLLECTION = "chapters";

	@Id
	private final String id;

	private final String name;

	/** {@link ChapterName#key()}: the name compared without case or spacing. */
	private final String nameKey;

	private final String state;

	private final String city;

	private final String contactEmail;

	private final Instant registeredAt;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	ChapterDocument(String id, String name, String nameKey, String state, String city, String contactEmail,
			Instant registeredAt, List<OutboxEvent> outbox, Long version) {
		this.id = id;
		this.name = name;
		this.nameKey = nameKey;
		this.state = state;
		this.city = city;
		this.contactEmail = contactEmail;
		this.registeredAt = registeredAt;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	static ChapterDocument newChapter(Chapter chapter) {
		return new ChapterDocument(chapter.id(), chapter.name().value(), chapter.name().key(), chapter.state().code(),
				chapter.city(), chapter.contactEmail().value(), chapter.registeredAt(), new ArrayList<>(), null);
	}

	Chapter toChapter() {
		return new Chapter(this.id, new ChapterName(this.name), UsState.of("state", this.state), this.city,
				new ContactEmail(this.contactEmail), this.registeredAt);
	}

	String getId() {
		return this.id;
	}

	String getState() {
		return this.state;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

	Long getVersion() {
		return this.version;
	}

}
