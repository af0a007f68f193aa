package org.groundgame.endorsement.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.groundgame.endorsement.profile.CandidateDirectory.KnownCandidate;
import org.groundgame.endorsement.profile.domain.CandidateProfile;
import org.groundgame.endorsement.profile.domain.Editor;
import org.groundgame.endorsement.profile.domain.Photo;
import org.groundgame.endorsement.profile.domain.ProfileContent;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Candidates' profiles: written by the candidate through their private questionnaire link
 * or by staff, approved by staff, and public only as approved. Each write is one
 * version-checked write of the profile's document (a concurrent one fails with a
 * {@code 409} instead of being overwritten); a candidate's erasure leaves only a
 * tombstone, which no later write gets past. Logs ids only.
 */
@Service
public class CandidateProfiles {

	private static final Logger log = LoggerFactory.getLogger(CandidateProfiles.class);

	private final CandidateProfileStore store;

	private final CandidateDirectory candidates;

	private final PhotoImages images;

	private final Clock clock;

	CandidateProfiles(CandidateProfileStore store, CandidateDirectory candidates, PhotoImages images, Clock clock) {
		this.store = store;
		this.candidates = candidates;
		this.images = images;
		this.clock = clock;
	}

	/**
	 * Who may work on which profile: staff on any candidate's (unknown: {@code 404}), the
	 * holder of a questionnaire link on their own only.
	 */
	KnownCandidate asStaff(Caller caller, String candidateId) {
		caller.requireStaff();
		KnownCandidate candidate = this.candidates.candidate(candidateId);
		if (candidate == null) {
			throw new NotFoundException("candidate", candidateId);
		}
		return candidate;
	}

	/**
	 * The profiles whose draft waits for staff's approval (never approved, or changed
	 * since), the latest change first, each with its candidate's name.
	 */
	Page<AwaitingApproval> awaitingApproval(Caller caller, int page, int size) {
		caller.requireStaff();
		return this.store.awaitingApproval(page, size).map((document) -> {
			KnownCandidate candidate = this.candidates.candidate(document.getId());
			CandidateProfile profile = document.toProfile();
			return new AwaitingApproval(document.getId(), (candidate != null) ? candidate.name() : null,
					profile.draft().revision(), profile.draft().changedAt(), profile.draft().changedBy(),
					profile.approval() != null);
		});
	}

	/**
	 * A profile waiting for staff: whose, the revision to read and approve, who changed
	 * it last and when, and whether an earlier version is public meanwhile.
	 */
	record AwaitingApproval(String candidateId, String candidateName, long revision, Instant changedAt,
			Editor changedBy, boolean published) {
	}

	KnownCandidate asHolderOf(String questionnaireToken) {
		return this.candidates.holderOf(questionnaireToken);
	}

	/** The profile, draft and approved (an erased candidate's: {@code 404}). */
	CurrentProfile read(KnownCandidate candidate) {
		if (candidate.erased()) {
			throw new NotFoundException("profile of candidate", candidate.id());
		}
		ProfileDocument document = find(candidate.id(), false);
		if (document != null && document.isErased()) {
			throw new NotFoundException("profile of candidate", candidate.id());
		}
		return new CurrentProfile(candidate,
				(document != null) ? document.toProfile() : CandidateProfile.empty(candidate.id()));
	}

	/** New words and links for the draft (the photo stays). */
	CurrentProfile describe(KnownCandidate candidate, ProfileContent described, Editor editor) {
		return change(candidate, null, (profile) -> profile.describe(described, editor, this.clock));
	}

	/** A photo at an https address for the draft. */
	CurrentProfile pictureAt(KnownCandidate candidate, Photo photo, Editor editor) {
		return change(candidate, null, (profile) -> profile.picture(photo, editor, this.clock));
	}

	/** An uploaded photo for the draft, checked and re-encoded first. */
	CurrentProfile upload(KnownCandidate candidate, byte[] upload, Editor editor) {
		requireNotErased(candidate);
		StoredImage image = this.images.reencode(upload);
		return change(candidate, image, (profile) -> profile
			.picture(Photo.stored(image.id(), image.width(), image.height()), editor, this.clock));
	}

	CurrentProfile removePhoto(KnownCandidate candidate, Editor editor) {
		return change(candidate, null, (profile) -> profile.picture(null, editor, this.clock));
	}

	/** Staff approve the revision of the draft they read. */
	CurrentProfile approve(KnownCandidate candidate, long revision) {
		CurrentProfile approved = change(candidate, null, (profile) -> profile.approve(revision, this.clock));
		log.info("Candidate {}: profile revision {} approved", candidate.id(), revision);
		return approved;
	}

	/** Staff take the public version down. */
	CurrentProfile withdrawApproval(KnownCandidate candidate) {
		return change(candidate, null, CandidateProfile::withdrawApproval);
	}

	/**
	 * The draft's uploaded photo (staff's or the candidate's preview), or {@code 404}.
	 */
	StoredImage draftImage(KnownCandidate candidate) {
		return imageOf(candidate.id(), false);
	}

	/**
	 * The approved profile's uploaded photo, for anyone; {@code 404} when there is none
	 * (no profile, none approved, an address rather than an upload, an erased candidate).
	 */
	StoredImage publicImage(String candidateId) {
		return imageOf(candidateId, true);
	}

	private StoredImage imageOf(String candidateId, boolean approved) {
		ProfileDocument document = find(candidateId, true);
		if (document != null && !document.isErased()) {
			CandidateProfile profile = document.toProfile();
			ProfileContent content = approved ? ((profile.approval() != null) ? profile.approval().content() : null)
					: ((profile.draft() != null) ? profile.draft().content() : null);
			if (content != null && content.photo() != null && content.photo().isStored()) {
				StoredImage image = document.image(content.photo().imageId());
				if (image != null) {
					return image;
				}
			}
		}
		throw new NotFoundException("photo of candidate", candidateId);
	}

	/**
	 * The approved profiles of these candidates, by candidate id; those with none are
	 * left out. One read, without the images.
	 */
	public Map<String, PublicProfile> approved(Collection<String> candidateIds) {
		List<String> ids = candidateIds.stream().filter(Objects::nonNull).distinct().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, PublicProfile> approved = new HashMap<>();
		for (ProfileDocument document : this.store.approved(ids)) {
			CandidateProfile.Approval approval = document.toProfile().approval();
			if (approval != null) {
				approved.put(document.getId(), PublicProfile.of(document.getId(), approval));
			}
		}
		return approved;
	}

	/**
	 * A candidate's erasure: their profile goes, draft, approved version and images,
	 * leaving a tombstone (its id and when) that a write begun earlier cannot get past.
	 * Erasing again changes nothing.
	 */
	public void erase(String candidateId) {
		this.store.erase(candidateId, this.clock.instant());
		log.info("Candidate {}: profile erased", candidateId);
	}

	private CurrentProfile change(KnownCandidate candidate, StoredImage uploaded, Predicate<CandidateProfile> command) {
		requireNotErased(candidate);
		ProfileDocument document = find(candidate.id(), true);
		if (document != null && document.isErased()) {
			throw erased(candidate);
		}
		CandidateProfile profile = (document != null) ? document.toProfile() : CandidateProfile.empty(candidate.id());
		if (command.test(profile)) {
			// Version-checked (an insert when new: a duplicate id if another came first,
			// or a tombstone is there): a 409 rather than a lost write.
			this.store.write(document, candidate.id(), profile, uploaded);
		}
		return new CurrentProfile(candidate, profile);
	}

	private ProfileDocument find(String candidateId, boolean withImages) {
		return this.store.find(candidateId, withImages);
	}

	private static void requireNotErased(KnownCandidate candidate) {
		if (candidate.erased()) {
			throw erased(candidate);
		}
	}

	private static IllegalStateChangeException erased(KnownCandidate candidate) {
		return new IllegalStateChangeException(
				"Candidate " + candidate.id() + " was erased at their request; their profile is gone",
				"CANDIDATE_ERASED");
	}

}
