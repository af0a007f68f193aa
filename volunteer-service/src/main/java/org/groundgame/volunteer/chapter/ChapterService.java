package org.groundgame.volunteer.chapter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.volunteer.chapter.Chapter.ChapterRegistry;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;
import org.groundgame.volunteer.chapter.Chapter.Registration;
import org.groundgame.volunteer.chapter.Chapter.Updated;
import org.groundgame.volunteer.chapter.Chapter.UpdateChapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;

/**
 * Registers and updates chapters and answers what is known of them. A registration or an
 * update is one document write: the chapter with its event in its outbox.
 */
@Service
class ChapterService {

	private static final Logger log = LoggerFactory.getLogger(ChapterService.class);

	private static final Comparator<ChapterDocument> SISTERS_BY_NAME = Comparator.comparing(ChapterDocument::getNameKey)
		.thenComparing(ChapterDocument::getState)
		.thenComparing(ChapterDocument::getId);

	/**
	 * How many times an update is applied again to a chapter changed meanwhile by another
	 * one before giving up with a {@code 409}.
	 */
	static final int MAX_UPDATE_ATTEMPTS = 16;

	private final ChapterStore chapters;

	private final Clock clock;

	private final Counter registered;

	private final Counter updated;

	ChapterService(ChapterStore chapters, Clock clock, MeterRegistry meters) {
		this.chapters = chapters;
		this.clock = clock;
		this.registered = Counter.builder("groundgame.volunteer.chapters.registered")
			.description("Chapters registered with the organization")
			.register(meters);
		this.updated = Counter.builder("groundgame.volunteer.chapters.updated")
			.description("Updates of chapters' details")
			.register(meters);
	}

	/**
	 * @throws InvalidInputException naming every field at fault
	 * @throws ChapterAlreadyRegisteredException when the state has a chapter of that name
	 */
	ChapterView register(RegisterChapter command) {
		Registration registration = Chapter.register(command, registry(), this.clock);
		Chapter chapter = registration.chapter();
		try {
			this.chapters.insert(registration);
		}
		catch (DuplicateKeyException ex) {
			throw new ChapterAlreadyRegisteredException(chapter.name(), chapter.state());
		}
		this.registered.increment();
		log.info("Chapter {} registered in {}", chapter.id(), chapter.state().code());
		return withSisters(List.of(chapter)).get(0);
	}

	/**
	 * Replaces a chapter's details (staff, or the chapter itself), announcing them all
	 * with {@code ChapterUpdated} in the same write. The write is checked on the version
	 * read; a chapter changed meanwhile is read again and the update applied to it anew,
	 * as it replaces every detail anyway.
	 * @throws NotFoundException when no chapter has that id
	 * @throws InvalidInputException naming every field at fault
	 * @throws ChapterAlreadyRegisteredException when another chapter of the state has the
	 * new name
	 */
	ChapterView update(String id, UpdateChapter command, Caller caller) {
		// Who may, before whether the chapter exists: another chapter learns nothing.
		caller.requireChapterAccess(id);
		for (int attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
			ChapterDocument document = this.chapters.chapter(id)
				.orElseThrow(() -> new NotFoundException("chapter", id));
			Updated update = document.toChapter().update(command, registry(), this.clock);
			Chapter chapter = update.chapter();
			boolean written;
			try {
				written = this.chapters.update(document, update);
			}
			catch (DuplicateKeyException ex) {
				throw new ChapterAlreadyRegisteredException(chapter.name(), chapter.state());
			}
			if (written) {
				this.updated.increment();
				log.info("Chapter {} updated (attempt {})", id, attempt);
				return withSisters(List.of(chapter)).get(0);
			}
			log.debug("Chapter {} changed while being updated (attempt {})", id, attempt);
		}
		throw new OptimisticLockingFailureException("The chapter is being changed by others; try again in a moment");
	}

	/**
	 * @throws NotFoundException when no chapter has that id
	 */
	ChapterView chapter(String id) {
		Chapter chapter = this.chapters.chapter(id)
			.map(ChapterDocument::toChapter)
			.orElseThrow(() -> new NotFoundException("chapter", id));
		return withSisters(List.of(chapter)).get(0);
	}

	/** The chapters of a state, or of every state, by name. */
	Page<ChapterView> chapters(Optional<UsState> state, int page, int size) {
		Page<ChapterDocument> documents = this.chapters.chapters(state, page, size);
		List<ChapterView> views = withSisters(documents.map(ChapterDocument::toChapter).getContent());
		return new PageImpl<>(views, documents.getPageable(), documents.getTotalElements());
	}

	/**
	 * The chapters with their sisters both ways, found with one query for all of them:
	 * those they name, and those that name one of them.
	 */
	private List<ChapterView> withSisters(List<Chapter> chapters) {
		if (chapters.isEmpty()) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		Set<String> named = new LinkedHashSet<>();
		chapters.forEach((chapter) -> {
			ids.add(chapter.id());
			named.addAll(chapter.sisterChapterIds());
		});
		List<ChapterDocument> related = this.chapters.sistersOf(ids, named);
		Map<String, ChapterDocument> byId = new LinkedHashMap<>();
		related.forEach((document) -> byId.put(document.getId(), document));
		List<ChapterView> views = new ArrayList<>();
		for (Chapter chapter : chapters) {
			Set<ChapterDocument> sisters = new HashSet<>();
			chapter.sisterChapterIds().stream().map(byId::get).filter((sister) -> sister != null).forEach(sisters::add);
			related.stream()
				.filter((other) -> other.getSisterChapterIds().contains(chapter.id()))
				.filter((other) -> !other.getId().equals(chapter.id()))
				.forEach(sisters::add);
			views.add(new ChapterView(chapter,
					sisters.stream().sorted(SISTERS_BY_NAME).map(ChapterDocument::toSisterChapter).toList()));
		}
		return views;
	}

	private ChapterRegistry registry() {
		return this.chapters::registeredAmong;
	}

}
