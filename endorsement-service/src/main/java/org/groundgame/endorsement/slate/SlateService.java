package org.groundgame.endorsement.slate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.endorsement.nomination.NominationDocument;
import org.groundgame.endorsement.nomination.NominationService;
import org.groundgame.endorsement.nomination.NominationStore;
import org.groundgame.endorsement.nomination.SubmitNominationRequest;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Slates: every entry is checked and prepared first (its race and candidate resolved, its
 * rules applied); only when all are good are the nominations and the slate written. A
 * slate with one entry at fault stores no nomination.
 */
@Service
public class SlateService {

	private static final Logger log = LoggerFactory.getLogger(SlateService.class);

	private final NominationService nominations;

	private final NominationStore store;

	private final SlateStore slates;

	private final Clock clock;

	SlateService(NominationService nominations, NominationStore store, SlateStore slates, Clock clock) {
		this.nominations = nominations;
		this.store = store;
		this.slates = slates;
		this.clock = clock;
	}

	/** The same attribution rules as a single nomination's. */
	Slate submit(Caller caller, SlateRequest request) {
		Nominator nominator;
		try {
			nominator = this.nominations.attributedTo(SubmitNominationRequest.toNominator(request.nominatedBy()),
					caller);
		}
		catch (InvalidInputException ex) {
			Map<String, String> raceIds = new LinkedHashMap<>();
			for (int i = 0; i < request.nominations().size(); i++) {
				String raceId = request.nominations().get(i).raceId();
				raceIds.put("nominations[" + i + "].raceId", (raceId != null) ? raceId : "");
			}
			throw this.nominations.alsoNamingUnknownRaces(ex, raceIds);
		}
		String slateId = UUID.randomUUID().toString();
		List<NominationDocument> documents = new ArrayList<>();
		for (int i = 0; i < request.nominations().size(); i++) {
			String prefix = "nominations[" + i + "].";
			SlateRequest.Entry entry = request.nominations().get(i);
			NominationService.Draft draft = NominationService.at(prefix, () -> entry.toDraft(request));
			documents.add(this.nominations.prepare(caller, draft, nominator, slateId, prefix));
		}
		SlateDocument slate = new SlateDocument(slateId, request.name().strip(), request.statement(), nominator,
				documents.stream().map(NominationDocument::getId).toList(), this.clock.instant());
		this.store.insertAll(documents);
		this.slates.insert(slate);
		documents.stream()
			.map(NominationDocument::getCandidateId)
			.distinct()
			.forEach(this.nominations::eraseAgainIfErased);
		log.info("Slate {} submitted by {} with {} nominations", slateId, caller, documents.size());
		return Slate.of(slate, documents.stream().map(NominationDocument::toNomination).toList());
	}

	/** A slate, for staff or the chapter that put it forward. */
	Slate slate(Caller caller, String slateId) {
		caller.requireToken();
		SlateDocument slate = this.slates.find(slateId).orElseThrow(() -> new NotFoundException("slate", slateId));
		caller.requireChapterAccess(slate.chapterId());
		List<Nomination> members = slate.getNominationIds()
			.stream()
			.map((id) -> this.nominations.load(id).toNomination())
			.toList();
		return Slate.of(slate, members);
	}

	/** A slate and its nominations, in the order submitted. */
	record Slate(String id, String name, String statement, Nominator nominatedBy, Instant submittedAt,
			List<Nomination> nominations) {

		static Slate of(SlateDocument slate, List<Nomination> nominations) {
			return new Slate(slate.getId(), slate.getName(), slate.getStatement(), slate.getNominatedBy(),
					slate.getSubmittedAt(), nominations);
		}

	}

}
