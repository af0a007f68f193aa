package org.groundgame.endorsement.profile.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.groundgame.support.domain.IllegalStateChangeException;

/**
 * A candidate's public profile: a draft that the candidate (through their private link)
 * or staff write, and the version staff last approved, which alone is public. Every
 * change of the draft is a new revision; staff approve a revision they name, so that what
 * goes public is what they read, never a change made after they looked. A change after an
 * approval waits for the next one while the approved version stays public.
 */
public final class CandidateProfile {

	private final String candidateId;

	private ProfileContent draft;

	private long revision;

	private Instant changedAt;

	private Editor changedBy;

	private Approval approval;

	private CandidateProfile(String candidateId) {
		this.candidateId = Objects.requireNonNull(candidateId, "candidateId");
	}

	/** A candidate's profile before anyone wrote any of it. */
	public static CandidateProfile empty(String candidateId) {
		return new CandidateProfile(candidateId);
	}

	/** A profile as stored. */
	public static CandidateProfile restore(String candidateId, Draft draft, Approval approval) {
		CandidateProfile profile = new CandidateProfile(candidateId);
		if (draft != null) {
			profile.draft = draft.content();
			profile.revision = draft.revision();
			profile.changedAt = draft.changedAt();
			profile.changedBy = draft.changedBy();
		}
		profile.approval = approval;
		return profile;
	}

	/**
	 * New words and links for the draft; its photo stays.
	 * @return whether the draft changed (saying the same again is no new revision, and so
	 * keeps an approval)
	 */
	public boolean describe(ProfileContent described, Editor editor, Clock clock) {
		return change(described.withPhotoOf(this.draft), editor, clock);
	}

	/** A new photo for the draft, or none ({@code null}). */
	public boolean picture(Photo photo, Editor editor, Clock clock) {
		if (photo == null && this.draft == null) {
			return false;
		}
		return change(currentDraft().withPhoto(photo), editor, clock);
	}

	/**
	 * Staff approve the draft's revision they read: it becomes the public version.
	 * Approving the revision already approved changes nothing.
	 * @throws IllegalStateChangeException {@code EMPTY} when there is nothing to approve,
	 * {@code PROFILE_CHANGED} when the draft is no longer the revision named
	 */
	public boolean approve(long revisionRead, Clock clock) {
		if (this.draft == null) {
			throw new IllegalStateChangeException("Candidate " + this.candidateId + " has no profile to approve",
					ProfileStatus.EMPTY.name());
		}
		if (revisionRead != this.revision) {
			throw new IllegalStateChangeException("The profile changed since revision " + revisionRead
					+ "; it is at revision " + this.revision + ": read it again before approving", "PROFILE_CHANGED");
		}
		if (status() == ProfileStatus.APPROVED) {
			return false;
		}
		this.approval = new Approval(this.draft, this.revision, clock.instant());
		return true;
	}

	/**
	 * Staff take the public version down: nothing of the profile is public until they
	 * approve again; the draft stays.
	 * @return whether anything was public
	 */
	public boolean withdrawApproval() {
		boolean wasPublic = this.approval != null;
		this.approval = null;
		return wasPublic;
	}

	public ProfileStatus status() {
		if (this.draft == null) {
			return (this.approval != null) ? ProfileStatus.AWAITING_APPROVAL : ProfileStatus.EMPTY;
		}
		return (this.approval != null && this.approval.revision() == this.revision) ? ProfileStatus.APPROVED
				: ProfileStatus.AWAITING_APPROVAL;
	}

	/** The stored images the draft or the approved version shows; the others can go. */
	public Set<String> imagesInUse() {
		Set<String> images = new LinkedHashSet<>();
		for (ProfileContent content : new ProfileContent[] { this.draft,
				(this.approval != null) ? this.approval.content() : null }) {
			if (content != null && content.photo() != null && content.photo().isStored()) {
				images.add(content.photo().imageId());
			}
		}
		return images;
	}

	public String candidateId() {
		return this.candidateId;
	}

	/** The draft, or {@code null} before anything was written. */
	public Draft draft() {
		return (this.draft != null) ? new Draft(this.draft, this.revision, this.changedAt, this.changedBy) : null;
	}

	/** What is public, or {@code null}. */
	public Approval approval() {
		return this.approval;
	}

	private ProfileContent currentDraft() {
		return (this.draft != null) ? this.draft : ProfileContent.EMPTY;
	}

	private boolean change(ProfileContent changed, Editor editor, Clock clock) {
		if (changed.equals(this.draft)) {
			return false;
		}
		this.draft = changed;
		this.revision++;
		this.changedAt = clock.instant();
		this.changedBy = editor;
		return true;
	}

	/**
	 * The draft at one revision, and who changed it last.
	 */
	public record Draft(ProfileContent content, long revision, Instant changedAt, Editor changedBy) {

	}

	/** The version staff approved, public, and which revision of the draft it was. */
	public record Approval(ProfileContent content, long revision, Instant approvedAt) {

	}

}
