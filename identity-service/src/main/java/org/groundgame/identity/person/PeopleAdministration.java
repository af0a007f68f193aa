package org.groundgame.identity.person;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.chapter.RegisteredChapters;
import org.groundgame.security.Role;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * What staff do with people: invite one by e-mail (the invitation link is e-mailed, never
 * answered), list them, change a role or chapter, disable and re-enable, and send an
 * invitation again. Logs name people by id only: an e-mail address is personal data.
 */
@Service
class PeopleAdministration {

	private static final Logger log = LoggerFactory.getLogger(PeopleAdministration.class);

	private final PersonStore people;

	private final RegisteredChapters chapters;

	private final AccountMail mail;

	private final Clock clock;

	private final IdentityProperties properties;

	private final MeterRegistry meters;

	PeopleAdministration(PersonStore people, RegisteredChapters chapters, AccountMail mail, Clock clock,
			IdentityProperties properties, MeterRegistry meters) {
		this.people = people;
		this.chapters = chapters;
		this.mail = mail;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * A new person, invited: their link is e-mailed to them.
	 * @throws InvalidInputException naming the fields at fault, {@code chapterId} when it
	 * is not a registered chapter
	 * @throws IllegalStateChangeException when the address already has an account
	 */
	Invited invite(String email, String displayName, Role role, String chapterId) {
		Instant now = this.clock.instant();
		Person person = Person.invite(UUID.randomUUID().toString(), email, displayName, role, chapterId, now);
		checkChapter(person.chapterId());
		if (this.people.byUsername(person.username()).isPresent()) {
			throw new IllegalStateChangeException("A person with that e-mail address has an account already", "EXISTS");
		}
		String token = CapabilityTokens.newToken();
		Instant expiresAt = now.plus(this.properties.accounts().invitationTtl());
		// A unique index on the username: of two invitations at once, one is stored
		// (the other is a 409).
		this.people.insert(PersonDocument.of(person, null, CapabilityTokens.hash(token), expiresAt, null));
		this.mail.invitation(person, token);
		this.meters.counter("groundgame.identity.people.invited", "role", person.role().name()).increment();
		log.info("Person {} invited ({})", person.id(), person.role());
		return new Invited(person, expiresAt);
	}

	Page<Person> people(int page, int size) {
		return this.people.page(page, size).map(PersonDocument::toPerson);
	}

	Person person(String id) {
		return document(id).toPerson();
	}

	/**
	 * @throws InvalidInputException naming the fields at fault
	 */
	Person changeRole(String id, Role role, String chapterId) {
		PersonDocument document = document(id);
		Person changed = document.toPerson().withRole(role, chapterId);
		checkChapter(changed.chapterId());
		written(document, this.people.changeRole(document, changed.role(), changed.chapterId()));
		log.info("Person {} is now {}", id, changed.role());
		return changed;
	}

	/**
	 * The person can no longer sign in, and the tokens of their sessions are no longer
	 * refreshed; a pending reset link stops working.
	 */
	Person disable(String id) {
		PersonDocument document = document(id);
		if (!document.toPerson().disabled()) {
			written(document, this.people.disable(document));
			log.info("Person {} disabled", id);
		}
		return person(id);
	}

	Person enable(String id) {
		PersonDocument document = document(id);
		if (document.toPerson().disabled()) {
			written(document, this.people.enable(document));
			log.info("Person {} enabled", id);
		}
		return person(id);
	}

	/**
	 * A new invitation link, e-mailed; the earlier one stops working.
	 * @throws IllegalStateChangeException when the person has set a password already, or
	 * is disabled
	 */
	Invited resendInvitation(String id) {
		PersonDocument document = document(id);
		Person person = document.toPerson();
		if (!"INVITED".equals(person.status())) {
			throw new IllegalStateChangeException("Only a person who has not set a password yet is invited again",
					person.status());
		}
		String token = CapabilityTokens.newToken();
		Instant expiresAt = this.clock.instant().plus(this.properties.accounts().invitationTtl());
		written(document, this.people.inviteAgain(document, CapabilityTokens.hash(token), expiresAt));
		this.mail.invitation(person, token);
		log.info("Person {} invited again", id);
		return new Invited(person, expiresAt);
	}

	private void checkChapter(String chapterId) {
		if (chapterId != null && !this.chapters.isRegistered(chapterId)) {
			throw new InvalidInputException("chapterId", "is not a registered chapter");
		}
	}

	private PersonDocument document(String id) {
		return this.people.byId(id).orElseThrow(() -> new NotFoundException("person", id));
	}

	/** A change that met a newer version: the API answers 409. */
	private static void written(PersonDocument document, boolean written) {
		if (!written) {
			throw new OptimisticLockingFailureException("Person " + document.getId() + " changed meanwhile");
		}
	}

	/** A person invited, and until when their link works. */
	record Invited(Person person, Instant invitationExpiresAt) {

	}

}
