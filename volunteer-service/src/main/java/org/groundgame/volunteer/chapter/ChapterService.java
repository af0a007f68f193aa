package org.groundgame.volunteer.chapter;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;
import org.groundgame.volunteer.chapter.Chapter.Registration;
import org.groundgame.support.geography.UsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Registers chapters and answers what is known of them. A registration is one document
 * write: the chapter with its {@code ChapterRegistered} event in its outbox.
 */
@Service
class ChapterService {

	private static final Logger log = LoggerFactory.getLogger(ChapterService.class);

	/** Case- and spacing-insensitive by name; the state separates namesakes. */
	private static final Sort BY_NAME = Sort.by("nameKey", "state");

	private final ChapterRepository chapters;

	private final Outbox outbox;

	private final Clock clock;

	private final Counter registered;

	ChapterService(ChapterRepository chapters, Outbox outbox, Clock clock, MeterRegistry meters) {
		this.chapters = chapters;
		this.outbox = outbox;
		this.clock = clock;
		this.registered = Counter.builder("groundgame.volunteer.chapters.registered")
			.description("Chapters registered with the organization")
			.register(meters);
	}

	/**
	 * @throws ChapterAlreadyRegisteredException when the state has a chapter of that name
	 */
	Chapter register(RegisterChapter command) {
		Registration registration = Chapter.register(command, this.clock);
		Chapter chapter = registration.chapter();
		ChapterDocument document = ChapterDocument.newChapter(chapter);
		this.outbox.append(document, registration.event());
		try {
			this.chapters.insert(document);
		}
		catch (DuplicateKeyException ex) {
			throw new ChapterAlreadyRegisteredException(chapter.name(), chapter.state());
		}
		this.registered.increment();
		log.info("Chapter {} registered in {}", chapter.id(), chapter.state().code());
		return chapter;
	}

	/**
	 * @throws NotFoundException when no chapter has that id
	 */
	Chapter chapter(String id) {
		return this.chapters.findById(id)
			.map(ChapterDocument::toChapter)
			.orElseThrow(() -> new NotFoundException("chapter", id));
	}

	/** The chapters of a state, or of every state, by name. */
	Page<Chapter> chapters(Optional<UsState> state, int page, int size) {
		Pageable pageable = PageRequest.of(page, size, BY_NAME);
		Page<ChapterDocument> documents = state.map((s) -> this.chapters.findByState(s.code(), pageable))
			.orElseGet(() -> this.chapters.findAll(pageable));
		return documents.map(ChapterDocument::toChapter);
	}

}
