package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.profile.CandidateProfiles;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.security.Caller;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.outbox.OutboxUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Erasing a person's data at their request, staff's to do: a candidate's (from every
 * nomination that named them, and their record) and a nominator's (from every nomination
 * and slate they put forward). The nominations stay, anonymous, so that races,
 * endorsements and counts remain true.
 * <p>
 * Every nomination is changed in place by a version-checked update (read again and
 * retried when another command came first, which in turn fails on the version instead of
 * putting the data back). A candidate's erasure is recorded on their record in the same
 * write as its event, {@code CandidateErased}, naming every nomination that named them
 * (whose keys the relay then destroys). Erasing again changes nothing and announces
 * nothing, unless a nomination naming them was stored meanwhile (one whose submission
 * found the record just before it was erased): that one is erased too and announced in a
 * new event. Logs ids and counts only.
 */
@Service
class ErasureService {

	private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

	/** The audit trail's action for a nomination whose nominator was erased. */
	static final String NOMINATOR_ERASED = "NominatorErased";

	/**
	 * How many times one write races others before the erasure gives up ({@code 409}).
	 */
	static final int MAX_ATTEMPTS = 16;

	private final MongoTemplate mongo;

	private final OutboxUpdates updates;

	private final Clock clock;

	private final AuditTrail audit;

	private final CandidateProfiles profiles;

	ErasureService(MongoTemplate mongo, OutboxUpdates updates, Clock clock, AuditTrail audit,
			CandidateProfiles profiles) {
		this.mongo = mongo;
		this.updates = updates;
		this.clock = clock;
		this.audit = audit;
		this.profiles = profiles;
	}

	/**
	 * Staff erase a candidate: their record and every nomination that named them.
	 * @return the nominations that named them
	 * @throws NotFoundException for a candidate never nominated
	 */
	List<String> eraseCandidate(Caller caller, String candidateId) {
		caller.requireStaff();
		List<String> nominationIds = erase(candidateId);
		log.info("Candidate {} erased by {}, from {} nominations", candidateId, caller, nominationIds.size());
		return nominationIds;
	}

	/**
	 * After a nomination is stored: if its candidate was erased while it was being
	 * submitted (it found the record by address or name just before), it is erased and
	 * announced too, so that no nomination of an erased candidate keeps their data.
	 */
	void eraseAgainIfErased(String candidateId) {
		if (candidateId == null) {
			return;
		}
		CandidateDocument candidate = this.mongo.findById(candidateId, CandidateDocument.class);
		if (candidate != null && candidate.isErased()) {
			List<String> nominationIds = erase(candidateId);
			log.info("Candidate {} was erased while nominated; erased again, from {} nominations", candidateId,
					nominationIds.size());
		}
	}

	private List<String> erase(String candidateId) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			CandidateDocument candidate = this.mongo.findById(candidateId, CandidateDocument.class);
			if (candidate == null) {
				throw new NotFoundException("candidate", candidateId);
			}
			Instant erasedAt = candidate.isErased() ? candidate.getErasedAt() : this.clock.instant();
			List<String> naming = nominationsNaming(candidateId);
			naming.forEach((nominationId) -> eraseCandidateFrom(nominationId, erasedAt));
			eraseStatementsOfSlatesWith(naming);
			// After the nominations (their questionnaire links, which reach the profile,
			// no longer work), before the record: a crash in between is finished by
			// erasing again.
			this.profiles.erase(candidateId);
			Set<String> announced = new LinkedHashSet<>(candidate.getErasedNominationIds());
			if (candidate.isErased() && announced.containsAll(naming)) {
				return List.copyOf(announced);
			}
			announced.addAll(naming);
			List<String> all = List.copyOf(announced);
			Update update = new Update().set("matchKey", CandidateDocument.ERASED_KEY_PREFIX + candidateId)
				.unset("name")
				.set("erasedAt", erasedAt)
				.set("erasedNominationIds", all);
			CandidateErased erased = new CandidateErased(UUID.randomUUID().toString(), this.clock.instant(),
					candidateId, all);
			// Written or not, the next round reads again: a nomination stored meanwhile
			// under the old match key is erased and announced then.
			this.updates.updateIfUnchanged(CandidateDocument.class, candidateId, candidate.getVersion(), update,
					List.of(erased));
		}
		throw new OptimisticLockingFailureException(
				"Candidate " + candidateId + " kept being nominated while erased; erase again");
	}

	/**
	 * A slate's statement is the nominator's text about its candidates, who may be named
	 * in it: it goes with any of them (the slate's name, a title, stays).
	 */
	private void eraseStatementsOfSlatesWith(List<String> nominationIds) {
		if (!nominationIds.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("nominationIds").in(nominationIds)),
					new Update().unset("statement"), SlateDocument.class);
		}
	}

	/** The nominations naming a candidate, oldest first. */
	private List<String> nominationsNaming(String candidateId) {
		Query query = Query.query(Criteria.where("candidateId").is(candidateId)).with(Sort.by("submittedAt", "_id"));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, NominationDocument.COLLECTION)
			.stream()
			.map((document) -> String.valueOf(document.get("_id")))
			.toList();
	}

	private void eraseCandidateFrom(String nominationId, Instant erasedAt) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			NominationDocument read = this.mongo.findById(nominationId, NominationDocument.class);
			if (read == null || read.getCandidateErasedAt() != null) {
				return;
			}
			Nomination erased = read.toNomination().candidateErased();
			if (writeInPlace(read, read.erasedTo(erased, erasedAt))) {
				return;
			}
		}
		throw new OptimisticLockingFailureException(
				"Nomination " + nominationId + " kept changing while its candidate was erased; erase again");
	}

	/**
	 * Staff erase a nominator, known by the address they nominated with (case aside):
	 * their name, address and statement leave every nomination and slate they put
	 * forward; the nominating chapter stays.
	 * @return how many nominations and slates were anonymised (none for an address that
	 * nominated nobody, or already erased)
	 */
	NominatorErasure eraseNominator(Caller caller, String email) {
		caller.requireStaff();
		String address = email.strip();
		Criteria byAddress = Criteria.where("nominatedBy.email").regex("^" + literal(address) + "$", "i");
		Query query = Query.query(byAddress);
		query.fields().include("_id");
		int nominations = 0;
		for (Document found : this.mongo.find(query, Document.class, NominationDocument.COLLECTION)) {
			if (eraseNominatorFrom(String.valueOf(found.get("_id")), address)) {
				nominations++;
			}
		}
		long slates = this.mongo
			.updateMulti(Query.query(byAddress),
					new Update().unset("nominatedBy.name").unset("nominatedBy.email").unset("statement"),
					SlateDocument.class)
			.getModifiedCount();
		log.info("A nominator erased by {}, from {} nominations and {} slates", caller, nominations, slates);
		return new NominatorErasure(nominations, (int) slates);
	}

	private boolean eraseNominatorFrom(String nominationId, String address) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			NominationDocument read = this.mongo.findById(nominationId, NominationDocument.class);
			if (read == null) {
				return false;
			}
			Nomination nomination = read.toNomination();
			if (!nomination.isNominatedBy(address)) {
				return false;
			}
			if (writeInPlace(read, read.erasedTo(nomination.nominatorErased(), read.getCandidateErasedAt()))) {
				// No event tells of it (none carries a nominator's data): each
				// nomination's
				// trail says it here, without the address.
				recordOnTheTrail(nominationId);
				return true;
			}
		}
		throw new OptimisticLockingFailureException(
				"Nomination " + nominationId + " kept changing while its nominator was erased; erase again");
	}

	private void recordOnTheTrail(String nominationId) {
		try {
			this.audit.record(NOMINATOR_ERASED, nominationId, Map.of("nominatorErased", true));
		}
		catch (RuntimeException failure) {
			// The erasure is made; the request's own entry is chained anyway.
			log.error("Nomination {}: the nominator's erasure could not be added to the audit trail: {}", nominationId,
					failure.getMessage());
		}
	}

	/**
	 * Writes the erasable fields of a nomination as erased, in place, if it is still at
	 * the version read: each {@code $set}, or {@code $unset} when it became empty. No
	 * event: the events pending in its outbox are left to the relay.
	 * @return whether it was written
	 */
	private boolean writeInPlace(NominationDocument read, NominationDocument erased) {
		Document written = new Document();
		this.mongo.getConverter().write(erased, written);
		Update update = new Update();
		for (String field : NominationDocument.ERASABLE_FIELDS) {
			Object value = written.get(field);
			if (value != null) {
				update.set(field, value);
			}
			else {
				update.unset(field);
			}
		}
		return this.updates.updateIfUnchanged(NominationDocument.class, read.getId(), read.getVersion(), update,
				List.of());
	}

	/** The address as a regular expression that matches it and nothing else. */
	private static String literal(String text) {
		StringBuilder literal = new StringBuilder(text.length() * 2);
		text.codePoints().forEach((codePoint) -> {
			if (!Character.isLetterOrDigit(codePoint) && codePoint < 128) {
				literal.append('\\');
			}
			literal.appendCodePoint(codePoint);
		});
		return literal.toString();
	}

	/** What a nominator's erasure changed. */
	record NominatorErasure(int nominations, int slates) {
	}

}
