package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.BallotPosition;
import org.groundgame.endorsement.nomination.domain.ChapterForm;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.PastEndorsement;
import org.groundgame.endorsement.nomination.domain.Recommendation;
import org.groundgame.endorsement.nomination.domain.Research;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.events.DomainEvent;
import org.groundgame.security.Caller;
import org.groundgame.support.chapter.RegisteredChapters;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The endorsement process's use cases. Each command loads one nomination, lets it apply
 * its rules, and writes what changed once with the events it caused pushed to its outbox
 * ({@link NominationStore#update}): the change and its events are one atomic write, and a
 * concurrent change of the same nomination fails on its version ({@code 409}) instead of
 * being overwritten.
 * <p>
 * Each use case that depends on who calls takes the {@link Caller} and decides here, not
 * in the web's filter chain alone: staff decide, a chapter sees only what is attributed
 * to it, and only a chapter's own token (or staff) attributes a nomination to a chapter.
 * Without a token that is a {@code 401}, with the wrong one a {@code 403}.
 */
@Service
public class NominationService {

	private static final Logger log = LoggerFactory.getLogger(NominationService.class);

	private final NominationStore store;

	private final Registry registry;

	private final Outbox outbox;

	private final NominationMetrics metrics;

	private final NominationConfiguration.QuestionnaireProperties questionnaires;

	private final Clock clock;

	private final RegisteredChapters chapters;

	private final ErasureService erasures;

	NominationService(NominationStore store, Registry registry, Outbox outbox, NominationMetrics metrics,
			NominationConfiguration.QuestionnaireProperties questionnaires, Clock clock, RegisteredChapters chapters,
			ErasureService erasures) {
		this.chapters = chapters;
		this.erasures = erasures;
		this.store = store;
		this.registry = registry;
		this.outbox = outbox;
		this.metrics = metrics;
		this.questionnaires = questionnaires;
		this.clock = clock;
	}

	/**
	 * Anyone may nominate; the nominating chapter is the caller's to vouch for: a
	 * chapter's token attributes the nomination to its own chapter (whether or not the
	 * submission names it), staff may name any chapter, and nobody else may name one. A
	 * candidate with an e-mail is sent the questionnaire.
	 * @throws AccessDeniedException when the submission names a chapter the caller does
	 * not speak for
	 */
	Nomination submit(Caller caller, Draft draft) {
		Nominator nominator;
		try {
			nominator = attributedTo(draft.nominatedBy(), caller);
		}
		catch (InvalidInputException ex) {
			throw alsoNamingUnknownRaces(ex, Map.of("raceId", (draft.raceId() != null) ? draft.raceId() : ""));
		}
		NominationDocument document = prepare(caller, draft, nominator, null, "");
		this.store.insert(document);
		this.erasures.eraseAgainIfErased(document.getCandidateId());
		Nomination nomination = document.toNomination();
		log.info("Nomination {} submitted by {} for a {} race in {} ({})", nomination.id(), caller,
				nomination.race().level(), nomination.race().state().code(), nomination.race().cycle());
		return nomination;
	}

	/**
	 * Builds a new nomination's document, its events in the outbox, without storing it:
	 * resolves the race (stored once per race) and the candidate (once per person). Input
	 * at fault is reported under {@code fieldPrefix} (a slate's {@code nominations[2].}).
	 */
	public NominationDocument prepare(Caller caller, Draft draft, Nominator nominator, String slateId,
			String fieldPrefix) {
		Race race = at(fieldPrefix, () -> race(draft));
		String candidateId = (draft.candidate() != null) ? this.registry.candidateId(draft.candidate(), race.id())
				: null;
		String activeKey = ((candidateId != null) ? candidateId : "ballot-measure") + "|" + race.id();
		// Matched by e-mail, the refusal would tell a caller without a token whose
		// address
		// it is (an endorsed candidate's): theirs is taken, and the decision refuses a
		// second endorsement as it does for any other.
		boolean matchedByPrivateAddress = caller.isAnonymous() && draft.candidate() != null
				&& draft.candidate().email() != null;
		if (!matchedByPrivateAddress && this.store.holdsActiveEndorsement(activeKey)) {
			throw new IllegalStateChangeException(((draft.candidate() != null) ? "The candidate" : "The measure")
					+ " already holds an active endorsement in this race", "ENDORSED");
		}
		Nomination.Submission submission = at(fieldPrefix,
				() -> Nomination.submit(new Nomination.Nominee(draft.candidate(), candidateId, draft.ballotPosition()),
						race, nominator, draft.statement(), slateId, this.clock));
		Nomination nomination = submission.nomination();
		List<DomainEvent> events = new ArrayList<>();
		events.add(submission.event());
		if (draft.chapterForm() != null) {
			if (caller.isAnonymous() || (!caller.isStaff() && !caller.isChapter())) {
				throw new AccessDeniedException("A chapter's form needs that chapter's token");
			}
			at(fieldPrefix + "chapterForm.", () -> {
				nomination.fileChapterForm(chapterForm(draft.chapterForm(), nomination.nominatingChapterId()));
				return null;
			});
		}
		// Without a token, anyone could make the platform e-mail any address a text of
		// their choosing (the name and the race they typed): the questionnaire goes when
		// staff take the nomination up instead.
		if (!caller.isAnonymous() && nomination.candidate() != null && nomination.candidate().email() != null) {
			events.add(issueQuestionnaire(nomination, nomination.candidate().email()));
		}
		NominationDocument document = NominationDocument.of(nomination);
		this.outbox.append(document, events);
		return document;
	}

	private Race race(Draft draft) {
		Race race;
		if (draft.raceId() != null) {
			race = this.registry.race(draft.raceId())
				.orElseThrow(() -> new InvalidInputException("raceId", "is not a known race"));
		}
		else {
			race = draft.race();
			if (race.hasPassed(this.clock)) {
				throw new InvalidInputException("race.electionDate", "must not be in the past");
			}
			race = this.registry.race(race);
		}
		return race;
	}

	/** Runs a domain step, naming the fields at fault below the prefix. */
	public static <T> T at(String fieldPrefix, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (InvalidInputException ex) {
			if (fieldPrefix.isEmpty()) {
				throw ex;
			}
			throw new InvalidInputException(ex.errors()
				.stream()
				.map((error) -> new InvalidInputException.FieldError(fieldPrefix + error.field(), error.message()))
				.toList());
		}
	}

	private ChapterForm chapterForm(ChapterFormRequest form, String chapterId) {
		return new ChapterForm(form.statement(), form.meetingDate(), form.votesFor(), form.votesAgainst(), chapterId,
				this.clock.instant());
	}

	private DomainEvent issueQuestionnaire(Nomination nomination, String email) {
		String token = CapabilityTokens.newToken();
		Instant expiresAt = this.clock.instant().plus(this.questionnaires.validFor());
		return nomination.issueQuestionnaire(email, CapabilityTokens.hash(token), this.questionnaires.linkWith(token),
				expiresAt, this.clock);
	}

	/**
	 * {@link #attributed} and, for a chapter that staff name, that it is registered with
	 * the platform (a chapter's own token names its own chapter, which identity-service
	 * vouched for when it made the client).
	 * @throws InvalidInputException naming {@code nominatedBy.chapterId} for a chapter
	 * that is not registered
	 */
	public Nominator attributedTo(Nominator nominatedBy, Caller caller) {
		Nominator nominator = attributed(nominatedBy, caller);
		String named = (nominator != null) ? nominator.chapterId() : null;
		if (named != null && !named.equals(caller.chapterId()) && !this.chapters.isRegistered(named)) {
			throw new InvalidInputException("nominatedBy.chapterId", "is not a registered chapter");
		}
		return nominator;
	}

	/**
	 * The problems found, with every race id given that names no known race beside them,
	 * so that one answer names every field at fault (the races are only looked up: a
	 * refused submission stores nothing).
	 * @param raceIds the race ids given, by the field that gave them; blank for none
	 */
	public InvalidInputException alsoNamingUnknownRaces(InvalidInputException problems, Map<String, String> raceIds) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>(problems.errors());
		raceIds.forEach((field, raceId) -> {
			if (!raceId.isBlank() && this.registry.race(raceId).isEmpty()) {
				errors.add(new InvalidInputException.FieldError(field, "is not a known race"));
			}
		});
		return new InvalidInputException(errors);
	}

	/** See {@link ErasureService#eraseAgainIfErased}. */
	public void eraseAgainIfErased(String candidateId) {
		this.erasures.eraseAgainIfErased(candidateId);
	}

	static Nominator attributed(Nominator nominatedBy, Caller caller) {
		String named = (nominatedBy != null) ? nominatedBy.chapterId() : null;
		if (caller.isStaff()) {
			return nominatedBy;
		}
		if (caller.isChapter()) {
			if (named != null && !named.equals(caller.chapterId())) {
				throw new AccessDeniedException("A chapter's token attributes a nomination to its own chapter only");
			}
			return (nominatedBy != null) ? nominatedBy.forChapter(caller.chapterId())
					: Nominator.chapter(caller.chapterId());
		}
		if (named != null) {
			throw new AccessDeniedException("Chapter attribution needs that chapter's token");
		}
		return nominatedBy;
	}

	/**
	 * Staff take a nomination up; the review records the name given and the token's
	 * subject. A candidate with an e-mail who has no questionnaire yet (nominated without
	 * a token) is sent it now, once staff have seen the nomination.
	 */
	Nomination startReview(Caller caller, String nominationId, String reviewer) {
		caller.requireStaff();
		Nomination nomination = change(nominationId, (n) -> {
			List<DomainEvent> events = new ArrayList<>();
			events.add(n.startReview(reviewer, caller.subject(), this.clock));
			if (n.questionnaire() == null && n.candidate() != null && n.candidate().email() != null) {
				events.add(issueQuestionnaire(n, n.candidate().email()));
			}
			return events;
		});
		log.info("Nomination {} is under review by {}", nominationId, caller);
		return nomination;
	}

	Nomination hold(Caller caller, String nominationId, String reason) {
		caller.requireStaff();
		Nomination nomination = change(nominationId, (n) -> {
			n.hold(reason, caller.subject(), this.clock);
			return List.of();
		});
		log.info("Nomination {} put on hold by {}", nominationId, caller);
		return nomination;
	}

	Nomination resume(Caller caller, String nominationId) {
		caller.requireStaff();
		Nomination nomination = change(nominationId, (n) -> {
			n.resume(this.clock);
			return List.of();
		});
		log.info("Nomination {} resumed by {}", nominationId, caller);
		return nomination;
	}

	Nomination recordResearch(Caller caller, String nominationId, ResearchRequest request) {
		caller.requireStaff();
		Research research = request.toResearch(caller.subject(), this.clock.instant());
		return change(nominationId, (n) -> {
			n.recordResearch(research);
			return List.of();
		});
	}

	Nomination recommend(Caller caller, String nominationId, RecommendationRequest request) {
		caller.requireStaff();
		Recommendation recommendation = new Recommendation(request.recommendation(), request.tier(),
				request.rationale(), caller.subject(), this.clock.instant());
		return change(nominationId, (n) -> {
			n.recommend(recommendation);
			return List.of();
		});
	}

	/**
	 * Staff decide. Endorsing a candidate (or measure) who already holds an active
	 * endorsement in the race is a conflict, checked first and guaranteed by the unique
	 * index when two are endorsed at the same moment.
	 */
	Nomination decide(Caller caller, String nominationId, Decision decision, String reason) {
		caller.requireStaff();
		Nomination nomination;
		try {
			nomination = change(nominationId, (n) -> switch (decision) {
				case ENDORSE -> {
					var granted = n.endorse(reason, caller.subject(), this::endorsementsGrantedBefore, this.clock);
					String key = NominationDocument.activeEndorsementKey(n);
					if (key != null && this.store.anotherHoldsActiveEndorsement(key, n.id())) {
						throw alreadyEndorsed();
					}
					yield List.of(granted);
				}
				case DECLINE -> List.of(n.decline(reason, caller.subject(), this.clock));
			});
		}
		catch (DuplicateKeyException ex) {
			throw alreadyEndorsed();
		}
		this.metrics.decided(decision);
		log.info("Nomination {} decided: {}{}", nominationId, decision,
				(nomination.endorsement() != null) ? ", endorsement " + nomination.endorsement().id() : "");
		return nomination;
	}

	private static IllegalStateChangeException alreadyEndorsed() {
		return new IllegalStateChangeException(
				"The candidate already holds an active endorsement in this race, from another nomination", "ENDORSED");
	}

	/** The nominating chapter, or staff, withdraw a pending nomination. */
	Nomination withdraw(Caller caller, String nominationId, String reason) {
		caller.requireToken();
		NominationDocument document = load(nominationId);
		Nomination nomination = document.toNomination();
		requireNominatorOrStaff(caller, nomination);
		write(document, nomination, List.of(nomination.withdraw(reason, caller.subject(), this.clock)));
		log.info("Nomination {} withdrawn by {}", nominationId, caller);
		return nomination;
	}

	/**
	 * The chapter's endorsement form: filed by the nominating chapter or staff; a chapter
	 * filing it on a nomination of no chapter takes the nomination as its own.
	 */
	Nomination fileChapterForm(Caller caller, String nominationId, ChapterFormRequest form) {
		caller.requireToken();
		NominationDocument document = load(nominationId);
		Nomination nomination = document.toNomination();
		String chapterId;
		if (caller.isStaff()) {
			chapterId = nomination.nominatingChapterId();
		}
		else if (caller.isChapter()) {
			if (nomination.nominatingChapterId() != null
					&& !caller.mayAccessChapter(nomination.nominatingChapterId())) {
				throw new AccessDeniedException("This belongs to another chapter");
			}
			chapterId = caller.chapterId();
		}
		else {
			throw new AccessDeniedException("Only the nominating chapter or national staff may file its form");
		}
		nomination.fileChapterForm(chapterForm(form, chapterId));
		write(document, nomination, List.of());
		log.info("Nomination {}: chapter form filed by {}", nominationId, caller);
		return nomination;
	}

	/** Staff send the candidate a new questionnaire link; the old one stops working. */
	Nomination reissueQuestionnaire(Caller caller, String nominationId, String email) {
		caller.requireStaff();
		Nomination nomination = change(nominationId, (document) -> {
			// An erased candidate asked to hear no more from us: nothing is sent to them.
			if (document.getCandidateErasedAt() != null) {
				throw new IllegalStateChangeException(
						"The candidate of nomination " + nominationId + " was erased; no questionnaire is sent to them",
						"CANDIDATE_ERASED");
			}
		}, (n) -> {
			String to = (email != null) ? email : (n.questionnaire() != null) ? n.questionnaire().email()
					: (n.candidate() != null) ? n.candidate().email() : null;
			if (to == null) {
				throw new InvalidInputException("email", "must not be blank: the candidate has no e-mail on file");
			}
			return List.of(issueQuestionnaire(n, to));
		});
		log.info("Nomination {}: questionnaire reissued by {}", nominationId, caller);
		return nomination;
	}

	private static void requireNominatorOrStaff(Caller caller, Nomination nomination) {
		if (caller.isStaff()) {
			return;
		}
		if (caller.isChapter() && nomination.nominatingChapterId() != null
				&& caller.mayAccessChapter(nomination.nominatingChapterId())) {
			return;
		}
		throw new AccessDeniedException("Only the nominating chapter or national staff may do this");
	}

	/**
	 * Expires every pending nomination whose election has passed, each in its own write;
	 * one changed meanwhile by someone else (its version moved on) is left for the next
	 * sweep.
	 * @return how many expired
	 */
	int expireOverdue() {
		int expired = 0;
		for (String nominationId : this.store.pendingElectedBefore(Race.lastPassedDay(this.clock))) {
			try {
				NominationDocument document = load(nominationId);
				Nomination nomination = document.toNomination();
				if (!nomination.isOverdue(this.clock)) {
					continue;
				}
				write(document, nomination, List.of(nomination.expire(this.clock)));
				expired++;
				log.info("Nomination {} expired: its election passed undecided", nominationId);
			}
			catch (OptimisticLockingFailureException | IllegalStateChangeException | NotFoundException ex) {
				log.info("Nomination {} changed while expiring; left for the next sweep", nominationId);
			}
		}
		return expired;
	}

	/**
	 * A nomination, for staff or the chapter it is attributed to. An unknown id is a
	 * {@code 404} for any caller with a token: ids are not guessable, and checking
	 * ownership needs the nomination.
	 */
	Nomination nomination(Caller caller, String nominationId) {
		caller.requireToken();
		Nomination nomination = load(nominationId).toNomination();
		caller.requireChapterAccess(nomination.nominatingChapterId());
		return nomination;
	}

	/**
	 * Staff see every nomination, a chapter those attributed to it: filtered in the
	 * query, so that totals and pages count only what the caller may see.
	 */
	Page<Nomination> nominations(Caller caller, NominationStatus status, NominationStore.NominationFilter filter,
			int page, int size) {
		return this.store.nominations(listedChapter(caller), status, filter, page, size)
			.map(NominationDocument::toNomination);
	}

	/**
	 * How many nominations the caller may list match the filter, per status: staff count
	 * all, a chapter its own.
	 */
	Map<NominationStatus, Long> nominationCounts(Caller caller, NominationStore.NominationFilter filter) {
		return this.store.countsByStatus(listedChapter(caller), filter);
	}

	/**
	 * The chapter whose nominations the caller may list, or {@code null} for staff (all).
	 */
	private static String listedChapter(Caller caller) {
		caller.requireToken();
		if (!caller.isStaff() && !caller.isChapter()) {
			throw new AccessDeniedException("Only national staff and chapters may list nominations");
		}
		return caller.isChapter() ? caller.chapterId() : null;
	}

	/**
	 * Staff record an endorsed candidate's election outcome for a stage, announced with
	 * the change.
	 * @throws NotFoundException for an unknown endorsement
	 */
	public Nomination recordOutcome(Caller caller, String endorsementId, ElectionOutcome result, RaceStage stage) {
		caller.requireStaff();
		NominationDocument document = loadByEndorsement(endorsementId);
		Nomination nomination = document.toNomination();
		write(document, nomination, List.of(nomination.recordOutcome(result, stage, this.clock)));
		this.metrics.outcomeRecorded(result);
		log.info("Endorsement {}: outcome {} recorded by {}", endorsementId, result, caller);
		return nomination;
	}

	/**
	 * Staff publish the announcement of an endorsed candidate's victory, once. Saved on
	 * the version read: of two staff publishing at once, one succeeds and the other is
	 * told of the conflict.
	 */
	public Nomination announceVictory(Caller caller, String endorsementId, String headline, String message) {
		caller.requireStaff();
		NominationDocument document = loadByEndorsement(endorsementId);
		Nomination nomination = document.toNomination();
		write(document, nomination,
				List.of(nomination.announceVictory(headline, message, caller.subject(), this.clock)));
		log.info("Endorsement {}: victory announced by {}", endorsementId, caller);
		return nomination;
	}

	/** Staff rescind an endorsement, with a public reason. */
	public Nomination rescind(Caller caller, String endorsementId, String reason) {
		caller.requireStaff();
		NominationDocument document = loadByEndorsement(endorsementId);
		Nomination nomination = document.toNomination();
		write(document, nomination, List.of(nomination.rescind(reason, caller.subject(), this.clock)));
		log.info("Endorsement {} rescinded by {}", endorsementId, caller);
		return nomination;
	}

	public Nomination endorsement(String endorsementId) {
		return loadByEndorsement(endorsementId).toNomination();
	}

	private NominationDocument loadByEndorsement(String endorsementId) {
		return this.store.findByEndorsement(endorsementId)
			.orElseThrow(() -> new NotFoundException("endorsement", endorsementId));
	}

	/** Loads, changes and writes one nomination with the events the change caused. */
	private Nomination change(String nominationId,
			java.util.function.Function<Nomination, List<? extends DomainEvent>> command) {
		return change(nominationId, (document) -> {
		}, command);
	}

	/**
	 * Loads, checks what only the stored document knows, changes and writes one
	 * nomination with the events the change caused; the write is on the version read.
	 */
	private Nomination change(String nominationId, java.util.function.Consumer<NominationDocument> check,
			java.util.function.Function<Nomination, List<? extends DomainEvent>> command) {
		NominationDocument document = load(nominationId);
		check.accept(document);
		Nomination nomination = document.toNomination();
		write(document, nomination, command.apply(nomination));
		return nomination;
	}

	/**
	 * Writes what a command changed on the version the nomination was read at, with only
	 * the events it caused.
	 * @throws OptimisticLockingFailureException when another write came first
	 * ({@code 409}: the caller reads again and decides again)
	 */
	private void write(NominationDocument read, Nomination changed, List<? extends DomainEvent> events) {
		if (!this.store.update(read, changed, events)) {
			throw new OptimisticLockingFailureException(
					"Nomination " + read.getId() + " was changed meanwhile; read it again and retry");
		}
	}

	public NominationDocument load(String nominationId) {
		return this.store.find(nominationId).orElseThrow(() -> new NotFoundException("nomination", nominationId));
	}

	private List<PastEndorsement> endorsementsGrantedBefore(UsState state, int cycle) {
		return this.store.endorsedBefore(state.code(), cycle)
			.stream()
			.filter((past) -> past.getCandidate() != null && past.getCandidateErasedAt() == null)
			.map((past) -> new PastEndorsement(past.getCandidate().name(), past.getCandidate().email(),
					past.getRace().office(), UsState.valueOf(past.getRace().state()), past.getCycle()))
			.toList();
	}

	/**
	 * A nomination as a request describes it, before the service resolves its race and
	 * candidate. Exactly one of {@code candidate} and {@code ballotPosition};
	 * {@code raceId} or {@code race}.
	 *
	 * @param chapterForm the chapter's form filed with the nomination, or {@code null}
	 */
	public record Draft(Candidate candidate, BallotPosition ballotPosition, String raceId, Race race,
			Nominator nominatedBy, String statement, ChapterFormRequest chapterForm) {
	}

}
