package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Opens opportunities (directly, or as the volunteer team of an endorsement), adds their
 * shifts, publishes drafts and shows them to those who may see them: an open one to
 * everybody, a draft to staff and its organizing chapter only.
 */
@Service
class OpportunityService {

	private static final Logger log = LoggerFactory.getLogger(OpportunityService.class);

	static final int MAX_ATTEMPTS = 8;

	private final OpportunityStore store;

	private final ShiftStore shiftStore;

	private final ChapterStates chapters;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ShiftService shifts;

	OpportunityService(OpportunityStore store, ShiftStore shiftStore, ChapterStates chapters, Clock clock,
			MeterRegistry meters, ShiftService shifts) {
		this.shifts = shifts;
		this.store = store;
		this.shiftStore = shiftStore;
		this.chapters = chapters;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Opens an opportunity with its shifts: staff for any registered chapter or none, a
	 * chapter for itself (by default) and in its own state only.
	 * @throws InvalidInputException naming every field at fault
	 */
	Listed create(Opportunity.Plan plan, Caller caller) {
		caller.requireToken();
		UsState requiredState = null;
		if (caller.isChapter()) {
			String chapterId = (plan.chapterId() == null || plan.chapterId().isBlank()) ? caller.chapterId()
					: plan.chapterId().strip();
			caller.requireChapterAccess(chapterId);
			requiredState = this.chapters.stateOf(chapterId).orElse(null);
			String state = (plan.state() == null || plan.state().isBlank())
					? ((requiredState != null) ? requiredState.code() : null) : plan.state();
			plan = new Opportunity.Plan(plan.title(), plan.description(), plan.type(), state, chapterId,
					plan.endorsementId(), plan.raceId(), plan.location(), plan.virtualLink(), plan.draft(),
					plan.shifts());
		}
		else {
			caller.requireStaff();
		}
		plan = withRaceOfEndorsement(plan);
		Opportunity.Opened opened = Opportunity.open(plan, this.chapters::isRegistered, requiredState, this.clock);
		this.store.insert(OpportunityDocument.newOpportunity(opened.opportunity(), false), opened.event());
		opened.shifts().forEach(this.shiftStore::insert);
		this.meters.counter("groundgame.volunteer.opportunities.opened", "status", opened.opportunity().status().name())
			.increment();
		log.info("Opportunity {} opened ({}, {} shifts, chapter {})", opened.opportunity().id(),
				opened.opportunity().status(), opened.shifts().size(), opened.opportunity().chapterId());
		return new Listed(opened.opportunity(), opened.shifts().stream().map(Shift.Scheduled::shift).toList());
	}

	/**
	 * An opportunity for an endorsement works for that endorsement's race: when the
	 * request names none, the race is the one of the volunteer team the endorsement
	 * opened (if it has), so that the race's leaderboards count its hours too.
	 */
	private Opportunity.Plan withRaceOfEndorsement(Opportunity.Plan plan) {
		if (plan.endorsementId() == null || plan.endorsementId().isBlank()
				|| (plan.raceId() != null && !plan.raceId().isBlank())) {
			return plan;
		}
		String raceId = this.store.teamOf(plan.endorsementId().strip())
			.map((team) -> team.toOpportunity().raceId())
			.orElse(null);
		if (raceId == null) {
			return plan;
		}
		return new Opportunity.Plan(plan.title(), plan.description(), plan.type(), plan.state(), plan.chapterId(),
				plan.endorsementId(), raceId, plan.location(), plan.virtualLink(), plan.draft(), plan.shifts());
	}

	/**
	 * Opens the volunteer team of an endorsed race, in draft, once per endorsement: a
	 * unique key on the endorsement makes a second delivery, or a second consumer, find
	 * it done.
	 */
	void openTeam(EndorsementGranted granted) {
		if (granted.race() == null) {
			log.warn("Endorsement {} names no race; no volunteer team opened", granted.endorsementId());
			return;
		}
		Optional<UsState> state = UsState.fromCode(granted.race().state());
		if (state.isEmpty()) {
			log.warn("Endorsement {} names no known state; no volunteer team opened", granted.endorsementId());
			return;
		}
		String chapterId = this.chapters.isRegistered(granted.nominatingChapterId())
				? granted.nominatingChapterId().strip() : null;
		boolean forCandidate = !granted.race().ballotMeasure();
		String office = (granted.race().office() != null) ? granted.race().office().strip() : "the race";
		Opportunity.Opened opened = Opportunity.team(granted.endorsementId(), forCandidate, office, state.get(),
				chapterId, granted.race().raceId(), this.clock);
		try {
			this.store.insert(OpportunityDocument.newOpportunity(opened.opportunity(), true), opened.event());
			this.meters.counter("groundgame.volunteer.opportunities.opened", "status", "DRAFT").increment();
			log.info("Volunteer team {} opened for endorsement {}", opened.opportunity().id(), granted.endorsementId());
		}
		catch (DuplicateKeyException ex) {
			log.info("Endorsement {} already has its volunteer team", granted.endorsementId());
		}
	}

	/**
	 * The opportunities a caller may see, newest first, each with its shifts (soonest
	 * first): open ones for everybody; drafts or cancelled ones ({@code status}) for
	 * staff, and for a chapter its own.
	 */
	Page<Listed> opportunities(Filter filter, Caller caller, int page, int size) {
		OpportunityStatus status = OpportunityStatus.OPEN;
		if (filter.status() != null && !filter.status().isBlank()) {
			try {
				status = OpportunityStatus.valueOf(filter.status().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status",
						"must be one of " + java.util.Arrays.toString(OpportunityStatus.values()));
			}
		}
		String chapterId = blankToNull(filter.chapterId());
		if (status != OpportunityStatus.OPEN) {
			caller.requireToken();
			if (caller.isChapter()) {
				if (chapterId != null) {
					caller.requireChapterAccess(chapterId);
				}
				chapterId = caller.chapterId();
			}
			else {
				caller.requireStaff();
			}
		}
		FieldProblems problems = new FieldProblems();
		UsState state = null;
		String stateCode = blankToNull(filter.state());
		if (stateCode != null) {
			state = UsState.fromCode(stateCode).orElse(null);
			if (state == null) {
				problems.add("state", UsState.INVALID_MESSAGE);
			}
		}
		OpportunityType type = null;
		String typeName = blankToNull(filter.type());
		if (typeName != null) {
			type = OpportunityType.parse(typeName).orElse(null);
			if (type == null) {
				problems.add("type", OpportunityType.INVALID_MESSAGE);
			}
		}
		if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
			problems.add("to", "must be after from");
		}
		problems.throwIfAny();
		List<String> ids = (filter.from() != null || filter.to() != null)
				? this.shiftStore.opportunitiesWithShiftsIn(filter.from(), filter.to()) : null;
		Page<Opportunity> found = this.store.opportunities(new OpportunityStore.Selection(status, chapterId, state,
				type, blankToNull(filter.endorsementId()), ids), page, size);
		Map<String, List<Shift>> shifts = shiftsOf(found.getContent().stream().map(Opportunity::id).toList());
		return found.map((opportunity) -> new Listed(opportunity, shifts.getOrDefault(opportunity.id(), List.of())));
	}

	/**
	 * An opportunity with its shifts: open ones for everybody, others for staff and the
	 * organizing chapter only.
	 * @throws NotFoundException when unknown or not the caller's to see
	 */
	Listed opportunity(String id, Caller caller) {
		Opportunity opportunity = visible(id, caller);
		return new Listed(opportunity, shiftsOf(List.of(id)).getOrDefault(id, List.of()));
	}

	/**
	 * Adds a shift (staff, or the organizing chapter).
	 * @throws InvalidInputException naming every field at fault
	 */
	Listed addShift(String opportunityId, Shift.Plan plan, Caller caller) {
		caller.requireToken();
		Opportunity opportunity = load(opportunityId).toOpportunity();
		caller.requireChapterAccess(opportunity.chapterId());
		Shift.Scheduled scheduled = opportunity.addShift(plan, this.clock);
		this.shiftStore.insert(scheduled);
		log.info("Shift {} added to opportunity {}", scheduled.shift().id(), opportunityId);
		return new Listed(opportunity, List.of(scheduled.shift()));
	}

	/**
	 * Opens a draft to volunteers (staff, or the organizing chapter).
	 * @throws org.groundgame.support.domain.IllegalStateChangeException when not a draft
	 * or without a shift
	 */
	Listed publish(String opportunityId, Caller caller) {
		caller.requireToken();
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			OpportunityDocument read = load(opportunityId);
			caller.requireChapterAccess(read.toOpportunity().chapterId());
			Opportunity.Change change = read.toOpportunity()
				.publish(this.shiftStore.scheduledShifts(opportunityId), this.clock);
			if (this.store.update(read, change)) {
				log.info("Opportunity {} published", opportunityId);
				return opportunity(opportunityId, caller);
			}
		}
		throw new OptimisticLockingFailureException("The opportunity changed meanwhile; try again");
	}

	/**
	 * Edits what volunteers read of an opportunity (staff, or the organizing chapter);
	 * its shifts' copies of the title and type follow.
	 * @throws InvalidInputException naming every field at fault
	 * @throws org.groundgame.support.domain.IllegalStateChangeException when cancelled
	 */
	Listed edit(String opportunityId, Opportunity.Edit edit, Caller caller) {
		caller.requireToken();
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			OpportunityDocument read = load(opportunityId);
			caller.requireChapterAccess(read.toOpportunity().chapterId());
			Opportunity edited = read.toOpportunity().edit(edit);
			if (this.store.updateDetails(read, edited)) {
				this.shifts.retitleShiftsOf(opportunityId, edited.title(), edited.type());
				log.info("Opportunity {} edited", opportunityId);
				return opportunity(opportunityId, caller);
			}
		}
		throw new OptimisticLockingFailureException("The opportunity changed meanwhile; try again");
	}

	/**
	 * Cancels an opportunity (staff, or the organizing chapter): first each of its shifts
	 * scheduled and not over (each telling its volunteers), then the opportunity itself
	 * ({@code OpportunityCancelled}), so that a cancellation interrupted half-way is
	 * finished by asking again.
	 * @throws InvalidInputException when the reason is missing or too long
	 * @throws org.groundgame.support.domain.IllegalStateChangeException when already
	 * cancelled
	 */
	Listed cancel(String opportunityId, String reason, Caller caller) {
		caller.requireToken();
		Opportunity read = load(opportunityId).toOpportunity();
		caller.requireChapterAccess(read.chapterId());
		String why = Shift.reason(reason);
		read.requireNotCancelled();
		int cancelled = this.shifts.cancelShiftsOf(opportunityId, why);
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			OpportunityDocument document = load(opportunityId);
			Opportunity.Change change = document.toOpportunity().cancel(why, cancelled, this.clock);
			if (this.store.update(document, change)) {
				log.info("Opportunity {} cancelled with {} shifts", opportunityId, cancelled);
				return opportunity(opportunityId, caller);
			}
		}
		throw new OptimisticLockingFailureException("The opportunity changed meanwhile; try again");
	}

	/** Whether the caller organizes the opportunity: staff, or its chapter. */
	static boolean organizes(Caller caller, String chapterId) {
		return !caller.isAnonymous() && caller.mayAccessChapter(chapterId);
	}

	private Opportunity visible(String id, Caller caller) {
		Opportunity opportunity = load(id).toOpportunity();
		if (!opportunity.isOpen() && !organizes(caller, opportunity.chapterId())) {
			throw new NotFoundException("opportunity", id);
		}
		return opportunity;
	}

	private OpportunityDocument load(String id) {
		return this.store.opportunity(id).orElseThrow(() -> new NotFoundException("opportunity", id));
	}

	private Map<String, List<Shift>> shiftsOf(List<String> opportunityIds) {
		Map<String, List<Shift>> shifts = new LinkedHashMap<>();
		if (opportunityIds.isEmpty()) {
			return shifts;
		}
		for (ShiftDocument document : this.shiftStore.shiftsOf(opportunityIds)) {
			shifts.computeIfAbsent(document.getOpportunityId(), (id) -> new ArrayList<>()).add(document.toShift());
		}
		return shifts;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The filters of the listing, as given. */
	record Filter(String state, String type, String endorsementId, String chapterId, Instant from, Instant to,
			String status) {
	}

	/** An opportunity and its shifts, soonest first. */
	record Listed(Opportunity opportunity, List<Shift> shifts) {
	}

}
