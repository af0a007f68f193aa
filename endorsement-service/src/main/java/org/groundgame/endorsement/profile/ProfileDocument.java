package org.groundgame.endorsement.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.groundgame.endorsement.profile.domain.CandidateProfile;
import org.groundgame.endorsement.profile.domain.Editor;
import org.groundgame.endorsement.profile.domain.ProfileContent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A candidate's profile as stored, under the candidate's id: the draft, the approved
 * version, and the images either shows (re-encoded, a few hundred kilobytes at most; the
 * others are dropped with each write). The version makes concurrent writes fail instead
 * of overwriting each other; no event is written with it (a profile is nobody else's
 * business until it is public, and then it is read here).
 * <p>
 * Once the candidate is erased only the id and {@code erasedAt} stay: a tombstone, so
 * that a write that read the profile before the erasure fails on the version, and one
 * that found none fails on the id, instead of writing it back.
 */
@Document(ProfileDocument.COLLECTION)
class ProfileDocument {

	static final String COLLECTION = "candidateProfiles";

	/** The stored images, left out of every read that shows no image. */
	static final String IMAGES = "images";

	static final String DRAFT = "draft";

	@Id
	private String id;

	@Version
	private Long version;

	private ProfileContent draft;

	private long revision;

	private Instant changedAt;

	private Editor changedBy;

	private ProfileContent approved;

	private long approvedRevision;

	private Instant approvedAt;

	private List<StoredImage> images = new ArrayList<>();

	private Instant erasedAt;

	ProfileDocument() {
	}

	static ProfileDocument newFor(String candidateId) {
		ProfileDocument document = new ProfileDocument();
		document.id = candidateId;
		return document;
	}

	CandidateProfile toProfile() {
		CandidateProfile.Draft draft = (this.draft != null)
				? new CandidateProfile.Draft(this.draft, this.revision, this.changedAt, this.changedBy) : null;
		CandidateProfile.Approval approval = (this.approved != null)
				? new CandidateProfile.Approval(this.approved, this.approvedRevision, this.approvedAt) : null;
		return CandidateProfile.restore(this.id, draft, approval);
	}

	/**
	 * Copies the profile, keeps the images it shows, adding the one just uploaded
	 * ({@code null} for none).
	 */
	void update(CandidateProfile profile, StoredImage uploaded) {
		CandidateProfile.Draft draft = profile.draft();
		this.draft = (draft != null) ? draft.content() : null;
		this.revision = (draft != null) ? draft.revision() : 0;
		this.changedAt = (draft != null) ? draft.changedAt() : null;
		this.changedBy = (draft != null) ? draft.changedBy() : null;
		CandidateProfile.Approval approval = profile.approval();
		this.approved = (approval != null) ? approval.content() : null;
		this.approvedRevision = (approval != null) ? approval.revision() : 0;
		this.approvedAt = (approval != null) ? approval.approvedAt() : null;
		List<StoredImage> kept = new ArrayList<>(images());
		if (uploaded != null && kept.stream().noneMatch((image) -> image.id().equals(uploaded.id()))) {
			kept.add(uploaded);
		}
		Set<String> inUse = profile.imagesInUse();
		kept.removeIf((image) -> !inUse.contains(image.id()));
		this.images = kept;
	}

	String getId() {
		return this.id;
	}

	Long getVersion() {
		return this.version;
	}

	boolean isErased() {
		return this.erasedAt != null;
	}

	/** A stored image by id, or {@code null}. */
	StoredImage image(String imageId) {
		return images().stream().filter((image) -> image.id().equals(imageId)).findFirst().orElse(null);
	}

	private List<StoredImage> images() {
		return (this.images != null) ? this.images : List.of();
	}

}
