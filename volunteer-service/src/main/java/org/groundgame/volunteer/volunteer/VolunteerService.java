package org.groundgame.volunteer.volunteer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.volunteer.chapter.RegisteredChapters;
import org.groundgame.volunteer.volunteer.Contact.SignUp;
import org.groundgame.volunteer.volunteer.Volunteer.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * Signs volunteers up, moves them between chapters, erases them and answers who they are
 * to those allowed to know. Every change is one document write: the volunteer with the
 * event it caused in its outbox ({@code VolunteerSignedUp} for a first sign-up,
 * {@code VolunteerUpdated} for a sign-up again or a move, {@code VolunteerErased}). Logs
 * carry ids only, never a name, address or number.
 */
@Service
class VolunteerService {

	private static final Logger log = LoggerFactory.getLogger(VolunteerService.class);

	/**
	 * How many times a sign-up races another of the same address before giving up: each
	 * round lets at least one of the racers through.
	 */
	static final int MAX_ATTEMPTS = 32;

	static final String CONSENT_GIVEN_HOW = "sign-up form";

	private final VolunteerRepository volunteers;

	private final MongoTemplate mongo;

	private final RegisteredChapters chapters;

	private final Outbox outbox;

	private final Clock clock;

	private final MeterRegistry meters;

	VolunteerService(VolunteerRepository volunteers, MongoTemplate mongo, RegisteredChapters chapters, Outbox outbox,
			Clock clock, MeterRegistry meters) {
		this.volunteers = volunteers;
		this.mongo = mongo;
		this.chapters = chapters;
		this.outbox = outbox;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Signs a person up, or up again when their address is known: insert first, and on
	 * the unique e-mail key's duplicate update the one stored, on its version.
	 * @return the volunteer's id and the sign-up as checked (never what was known before,
	 * so that the answer does not tell whether the address was)
	 * @throws InvalidInputException naming every field at fault
	 */
	SignedUp signUp(SignUp signUp) {
		String how = CONSENT_GIVEN_HOW
				+ ((signUp.source() != null && !signUp.source().isBlank()) ? " (" + signUp.source().strip() + ")" : "");
		Contact contact = Contact.of(signUp, this.chapters::isRegistered, how, Volunteer.now(this.clock));
		String key = Contact.emailKey(contact.email());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<VolunteerDocument> known = this.volunteers.findByEmailKey(key);
			try {
				Change change;
				VolunteerDocument document;
				if (known.isEmpty()) {
					change = Volunteer.signUp(contact, this.clock);
					document = VolunteerDocument.newVolunteer(change.volunteer());
					this.outbox.append(document, change.event());
					this.volunteers.insert(document);
				}
				else {
					change = known.get().toVolunteer().signUpAgain(contact, this.clock);
					document = known.get().changedTo(change.volunteer());
					this.outbox.append(document, change.event());
					this.volunteers.save(document);
				}
				boolean first = known.isEmpty();
				this.meters.counter("groundgame.volunteer.signups", "first", String.valueOf(first)).increment();
				log.info("Volunteer {} signed up (first: {}, chapter: {})", change.volunteer().id(), first,
						change.volunteer().chapterId());
				return new SignedUp(change.volunteer().id(), contact);
			}
			catch (DuplicateKeyException | OptimisticLockingFailureException ex) {
				// Another sign-up of the same address won this round: read it and try
				// again.
				log.debug("Sign-up raced another of the same address (attempt {})", attempt);
			}
		}
		throw new OptimisticLockingFailureException(
				"Too many simultaneous sign-ups with one address; try again in a moment");
	}

	/**
	 * @throws NotFoundException when unknown or erased
	 */
	Volunteer volunteer(String id, Caller caller) {
		caller.requireToken();
		Volunteer volunteer = load(id).toVolunteer();
		caller.requireChapterAccess(volunteer.chapterId());
		return volunteer;
	}

	/**
	 * The volunteers a caller may see: staff every one, a chapter its own members only
	 * (filtered in the query, so the totals count only those).
	 */
	Page<Volunteer> volunteers(Optional<String> chapterId, Optional<Interest> interest, Optional<String> email,
			Caller caller, int page, int size) {
		caller.requireToken();
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(Criteria.where("erasedAt").is(null));
		if (caller.isStaff()) {
			chapterId.ifPresent((id) -> criteria.add(Criteria.where("chapterId").is(id)));
		}
		else if (caller.isChapter()) {
			if (chapterId.isPresent() && !chapterId.get().equals(caller.chapterId())) {
				caller.requireChapterAccess(chapterId.get());
			}
			criteria.add(Criteria.where("chapterId").is(caller.chapterId()));
		}
		else {
			caller.requireStaff();
		}
		interest.ifPresent((i) -> criteria.add(Criteria.where("interests").is(i.name())));
		email.ifPresent((e) -> criteria.add(Criteria.where("emailKey").is(Contact.emailKey(e))));
		PageRequest pageable = PageRequest.of(page, size, Sort.by("signedUpAt", "_id"));
		Query query = Query.query(new Criteria().andOperator(criteria)).with(pageable);
		List<Volunteer> content = this.mongo.find(query, VolunteerDocument.class)
			.stream()
			.map(VolunteerDocument::toVolunteer)
			.toList();
		return PageableExecutionUtils.getPage(content, pageable,
				() -> this.mongo.count(Query.of(query).limit(-1).skip(-1), VolunteerDocument.class));
	}

	/**
	 * Moves a volunteer to another chapter: staff, or the chapter the volunteer leaves
	 * (never the one they would join, which could otherwise take in anyone's details).
	 * @throws InvalidInputException when the chapter is not registered
	 */
	Volunteer moveToChapter(String id, String chapterId, Caller caller) {
		caller.requireToken();
		if (!caller.isStaff() && !caller.isChapter()) {
			caller.requireStaff();
		}
		if (chapterId == null || chapterId.isBlank() || !this.chapters.isRegistered(chapterId.strip())) {
			throw new InvalidInputException("chapterId", "must be the id of a registered chapter");
		}
		VolunteerDocument document = load(id);
		caller.requireChapterAccess(document.toVolunteer().chapterId());
		if (chapterId.strip().equals(document.toVolunteer().chapterId())) {
			// Already there: nothing changes, nobody is told.
			return document.toVolunteer();
		}
		Change change = document.toVolunteer().moveTo(chapterId.strip(), this.clock);
		VolunteerDocument changed = document.changedTo(change.volunteer());
		this.outbox.append(changed, change.event());
		this.volunteers.save(changed);
		log.info("Volunteer {} moved to chapter {}", id, change.volunteer().chapterId());
		return change.volunteer();
	}

	/**
	 * Erases a volunteer's personal data (staff, or the volunteer's chapter), announcing
	 * it with {@code VolunteerErased} in the same write.
	 * @throws NotFoundException when unknown or already erased
	 */
	void erase(String id, Caller caller) {
		caller.requireToken();
		VolunteerDocument document = load(id);
		Volunteer volunteer = document.toVolunteer();
		caller.requireChapterAccess(volunteer.chapterId());
		Change change = volunteer.erase(this.clock);
		VolunteerDocument tombstone = document.changedTo(change.volunteer());
		this.outbox.append(tombstone, change.event());
		this.volunteers.save(tombstone);
		log.info("Volunteer {} erased", id);
	}

	/** A sign-up accepted: the volunteer's id and what was signed up with, checked. */
	record SignedUp(String id, Contact contact) {
	}

	private VolunteerDocument load(String id) {
		return this.volunteers.findById(id)
			.filter((document) -> !document.toVolunteer().erased())
			.orElseThrow(() -> new NotFoundException("volunteer", id));
	}

}
