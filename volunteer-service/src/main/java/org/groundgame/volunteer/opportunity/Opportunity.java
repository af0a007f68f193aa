package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.geography.UsState;

/**
 * Work volunteers can sign up for: a canvass, a phone bank, … in one state, organized by
 * a chapter or by national staff, often for an endorsed race. Its shifts ({@link Shift})
 * say when and how many. Its type, state, chapter, endorsement and race never change, so
 * the shifts keep copies of them.
 *
 * @param chapterId the organizing chapter, or {@code null} for national staff
 * @param location where volunteers meet, unless each shift says
 * @param virtualLink where volunteers join online (https), unless each shift says
 */
record Opportunity(String id, String title, String description, OpportunityType type, OpportunityStatus status,
		UsState state, String chapterId, String endorsementId, String raceId, String location, String virtualLink,
		Instant createdAt, Instant publishedAt) {

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 5000;

	static final int MAX_LOCATION = 300;

	static final int MAX_SHIFTS = 100;

	Opportunity {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(state, "state");
	}

	/** Millisecond precision: what the store keeps. */
	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Opens an opportunity with its first shifts, checking every field: an open one needs
	 * at least one shift, a draft may have none yet.
	 * @param isRegisteredChapter whether a chapter id names a registered chapter
	 * @param requiredState the only state the opportunity may be in (a chapter organizes
	 * in its own), or {@code null}
	 * @return the opportunity, its shifts and the events: {@code OpportunityOpened} and
	 * one {@code ShiftScheduled} per shift
	 * @throws org.groundgame.support.domain.InvalidInputException naming every field at
	 * fault ({@code shifts[2].capacity})
	 */
	static Opened open(Plan plan, Predicate<String> isRegisteredChapter, UsState requiredState, Clock clock) {
		Instant now = now(clock);
		FieldProblems problems = new FieldProblems();
		String title = problems.required("title", plan.title(), MAX_TITLE);
		String description = problems.optional("description", plan.description(), MAX_DESCRIPTION);
		OpportunityType type = null;
		if (plan.type() == null || plan.type().isBlank()) {
			problems.add("type", "is required");
		}
		else {
			type = OpportunityType.parse(plan.type()).orElse(null);
			if (type == null) {
				problems.add("type", OpportunityType.INVALID_MESSAGE);
			}
		}
		UsState state = null;
		if (plan.state() == null || plan.state().isBlank()) {
			problems.add("state", "is required");
		}
		else {
			state = UsState.fromCode(plan.state().strip()).orElse(null);
			if (state == null) {
				problems.add("state", UsState.INVALID_MESSAGE);
			}
			else if (requiredState != null && state != requiredState) {
				problems.add("state", "must be the organizing chapter's own state, " + requiredState.code());
			}
		}
		String chapterId = problems.optional("chapterId", plan.chapterId(), 100);
		if (chapterId != null && !isRegisteredChapter.test(chapterId)) {
			problems.add("chapterId", "must be the id of a registered chapter");
		}
		String endorsementId = problems.optional("endorsementId", plan.endorsementId(), 100);
		String raceId = problems.optional("raceId", plan.raceId(), 100);
		String location = problems.optional("location", plan.location(), MAX_LOCATION);
		String virtualLink = problems.httpsUrl("virtualLink", plan.virtualLink());
		List<Shift.Plan> shiftPlans = (plan.shifts() != null) ? plan.shifts() : List.of();
		if (!plan.draft() && shiftPlans.isEmpty()) {
			problems.add("shifts", "an open opportunity needs at least one shift (or create it as a draft)");
		}
		if (shiftPlans.size() > MAX_SHIFTS) {
			problems.add("shifts", "must be at most " + MAX_SHIFTS + " at once");
		}
		for (int i = 0; i < shiftPlans.size(); i++) {
			Shift.check(shiftPlans.get(i), "shifts[" + i + "].", location, virtualLink, now, problems);
		}
		problems.throwIfAny();

		OpportunityStatus status = plan.draft() ? OpportunityStatus.DRAFT : OpportunityStatus.OPEN;
		Opportunity opportunity = new Opportunity(UUID.randomUUID().toString(), title, description, type, status, state,
				chapterId, endorsementId, raceId, location, virtualLink, now, plan.draft() ? null : now);
		List<Shift.Scheduled> shifts = new ArrayList<>();
		for (Shift.Plan shiftPlan : shiftPlans) {
			shifts.add(Shift.schedule(opportunity, shiftPlan, clock));
		}
		return new Opened(opportunity, shifts, opportunity.opened(now));
	}

	/**
	 * A volunteer team for an endorsed race, in draft: its organizers add shifts and
	 * publish it. It is named for its race, never for the candidate: the candidate's name
	 * stays where their erasure reaches it (endorsement-service's records and the sealed
	 * fields of its events), not in an opportunity's title, which is public and travels
	 * in clear.
	 * @param forCandidate whether a candidate was endorsed ({@code false}: a ballot
	 * measure, whose title is the office)
	 * @param chapterId the nominating chapter if registered, else {@code null}
	 */
	static Opened team(String endorsementId, boolean forCandidate, String office, UsState state, String chapterId,
			String raceId, Clock clock) {
		Instant now = now(clock);
		String title = "Volunteer team: " + office + (forCandidate ? " (endorsed candidate)" : "");
		if (title.length() > MAX_TITLE) {
			title = title.substring(0, MAX_TITLE);
		}
		Opportunity opportunity = new Opportunity(UUID.randomUUID().toString(), title,
				"Knock doors, make calls and send texts for " + (forCandidate ? "our endorsed candidate for " : "")
						+ office + ".",
				OpportunityType.CANVASS, OpportunityStatus.DRAFT, state, chapterId, endorsementId, raceId, null, null,
				now, null);
		return new Opened(opportunity, List.of(), opportunity.opened(now));
	}

	/**
	 * Opens a draft to volunteers.
	 * @param shifts how many scheduled shifts it has
	 * @throws IllegalStateChangeException when not a draft, or without a shift
	 */
	Change publish(long shifts, Clock clock) {
		if (this.status != OpportunityStatus.DRAFT) {
			throw new IllegalStateChangeException("Only a draft opportunity can be published", this.status.name());
		}
		if (shifts == 0) {
			throw new IllegalStateChangeException("An opportunity needs at least one shift to be published",
					this.status.name());
		}
		Instant now = now(clock);
		Opportunity published = new Opportunity(this.id, this.title, this.description, this.type,
				OpportunityStatus.OPEN, this.state, this.chapterId, this.endorsementId, this.raceId, this.location,
				this.virtualLink, this.createdAt, now);
		return new Change(published, new OpportunityPublished(UUID.randomUUID().toString(), now, this.id, this.title,
				this.type.name(), this.state.code(), this.chapterId, this.endorsementId));
	}

	/**
	 * Adds a shift.
	 * @throws IllegalStateChangeException when the opportunity was cancelled
	 * @throws org.groundgame.support.domain.InvalidInputException naming every field at
	 * fault
	 */
	Shift.Scheduled addShift(Shift.Plan plan, Clock clock) {
		if (this.status == OpportunityStatus.CANCELLED) {
			throw new IllegalStateChangeException("The opportunity was cancelled", this.status.name());
		}
		FieldProblems problems = new FieldProblems();
		Shift.check(plan, "", this.location, this.virtualLink, now(clock), problems);
		problems.throwIfAny();
		return Shift.schedule(this, plan, clock);
	}

	/**
	 * The organizers edit what volunteers read of it: title, description, type, and the
	 * place its shifts added later meet at (each scheduled shift keeps its own place,
	 * which a reschedule changes, telling its volunteers). Its state, chapter,
	 * endorsement and race never change.
	 * @return the opportunity as edited (no event: the shifts' copies follow, and the
	 * calendars show it)
	 * @throws org.groundgame.support.domain.InvalidInputException naming every field at
	 * fault
	 * @throws IllegalStateChangeException when cancelled
	 */
	Opportunity edit(Edit edit) {
		FieldProblems problems = new FieldProblems();
		String title = problems.required("title", edit.title(), MAX_TITLE);
		String description = problems.optional("description", edit.description(), MAX_DESCRIPTION);
		OpportunityType type = null;
		if (edit.type() == null || edit.type().isBlank()) {
			problems.add("type", "is required");
		}
		else {
			type = OpportunityType.parse(edit.type()).orElse(null);
			if (type == null) {
				problems.add("type", OpportunityType.INVALID_MESSAGE);
			}
		}
		String location = problems.optional("location", edit.location(), MAX_LOCATION);
		String virtualLink = problems.httpsUrl("virtualLink", edit.virtualLink());
		problems.throwIfAny();
		if (this.status == OpportunityStatus.CANCELLED) {
			throw new IllegalStateChangeException("The opportunity was cancelled", this.status.name());
		}
		return new Opportunity(this.id, title, description, type, this.status, this.state, this.chapterId,
				this.endorsementId, this.raceId, location, virtualLink, this.createdAt, this.publishedAt);
	}

	/**
	 * The organizers call the opportunity off, once its shifts not over yet were (each
	 * telling its volunteers).
	 * @param reason why, already checked ({@link Shift#reason})
	 * @param shiftsCancelled how many shifts were cancelled with it
	 * @throws IllegalStateChangeException when already cancelled
	 */
	Change cancel(String reason, int shiftsCancelled, Clock clock) {
		requireNotCancelled();
		Instant now = now(clock);
		Opportunity cancelled = new Opportunity(this.id, this.title, this.description, this.type,
				OpportunityStatus.CANCELLED, this.state, this.chapterId, this.endorsementId, this.raceId, this.location,
				this.virtualLink, this.createdAt, this.publishedAt);
		return new Change(cancelled, new OpportunityCancelled(UUID.randomUUID().toString(), now, this.id, this.title,
				this.type.name(), this.state.code(), this.chapterId, this.endorsementId, reason, shiftsCancelled));
	}

	/**
	 * @throws IllegalStateChangeException when cancelled
	 */
	void requireNotCancelled() {
		if (this.status == OpportunityStatus.CANCELLED) {
			throw new IllegalStateChangeException("The opportunity was already cancelled", this.status.name());
		}
	}

	boolean isOpen() {
		return this.status == OpportunityStatus.OPEN;
	}

	private OpportunityOpened opened(Instant now) {
		return new OpportunityOpened(UUID.randomUUID().toString(), now, this.id, this.title, this.type.name(),
				this.status.name(), this.state.code(), this.chapterId, this.endorsementId, this.raceId);
	}

	/**
	 * What an organizer asks for; every field as given, checked by {@link #open}.
	 *
	 * @param draft whether to keep it from volunteers until published
	 */
	record Plan(String title, String description, String type, String state, String chapterId, String endorsementId,
			String raceId, String location, String virtualLink, boolean draft, List<Shift.Plan> shifts) {
	}

	/** What the organizers edit, as given: {@link #edit} checks it. */
	record Edit(String title, String description, String type, String location, String virtualLink) {
	}

	/** An opportunity opened, its first shifts, and the event announcing it. */
	record Opened(Opportunity opportunity, List<Shift.Scheduled> shifts, DomainEvent event) {
	}

	/** An opportunity as changed, and the event the change caused. */
	record Change(Opportunity opportunity, DomainEvent event) {
	}

}
