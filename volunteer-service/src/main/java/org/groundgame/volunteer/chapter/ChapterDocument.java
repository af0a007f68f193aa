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
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chapter as stored, with the events not yet published (the embedded outbox). Its
 * indexes and queries are {@link ChapterStore}'s.
 */
@Document(ChapterDocument.COLLECTION)
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

	private final String parentOrganization;

	private final List<String> sisterChapterIds;

	private final Instant registeredAt;

	/** When the details last changed, or {@code null} if never since the registration. */
	private final Instant updatedAt;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	ChapterDocument(String id, String name, String nameKey, String state, String city, String contactEmail,
			String parentOrganization, List<String> sisterChapterIds, Instant registeredAt, Instant updatedAt,
			List<OutboxEvent> outbox, Long version) {
		this.id = id;
		this.name = name;
		this.nameKey = nameKey;
		this.state = state;
		this.city = city;
		this.contactEmail = contactEmail;
		this.parentOrganization = parentOrganization;
		this.sisterChapterIds = (sisterChapterIds != null) ? List.copyOf(sisterChapterIds) : List.of();
		this.registeredAt = registeredAt;
		this.updatedAt = updatedAt;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	static ChapterDocument newChapter(Chapter chapter) {
		return new ChapterDocument(chapter.id(), chapter.name().value(), chapter.name().key(), chapter.state().code(),
				chapter.city(), chapter.contactEmail().value(), chapter.parentOrganization(),
				chapter.sisterChapterIds(), chapter.registeredAt(), null, new ArrayList<>(), null);
	}

	Chapter toChapter() {
		return new Chapter(this.id, new ChapterName(this.name), UsState.of("state", this.state), this.city,
				new ContactEmail(this.contactEmail), this.parentOrganization, this.sisterChapterIds, this.registeredAt);
	}

	String getId() {
		return this.id;
	}

	/** This chapter as another's sister. */
	SisterChapter toSisterChapter() {
		return new SisterChapter(this.id, this.name, this.city, this.state);
	}

	String getNameKey() {
		return this.nameKey;
	}

	List<String> getSisterChapterIds() {
		return this.sisterChapterIds;
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
