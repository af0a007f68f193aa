package org.groundgame.endorsement.profile;

import java.time.Instant;

import org.groundgame.endorsement.profile.PublicProfile.PhotoView;
import org.groundgame.endorsement.profile.domain.CandidateProfile;
import org.groundgame.endorsement.profile.domain.Editor;
import org.groundgame.endorsement.profile.domain.Links;
import org.groundgame.endorsement.profile.domain.ProfileContent;
import org.groundgame.endorsement.profile.domain.ProfileStatus;

/**
 * A profile as staff and the candidate see it: the draft (with the revision staff
 * approve) and the approved, public version.
 *
 * @param candidateName the name the candidate was first nominated under
 * @param draft {@code null} before anything was written
 * @param approved {@code null} while nothing is public
 */
record ProfileView(String candidateId, String candidateName, ProfileStatus status, DraftView draft,
		ApprovedView approved) {

	/**
	 * @param draftPhotoPath where this reader fetches the draft's uploaded photo
	 */
	static ProfileView of(CurrentProfile current, String draftPhotoPath) {
		CandidateProfile profile = current.profile();
		CandidateProfile.Draft draft = profile.draft();
		CandidateProfile.Approval approval = profile.approval();
		String id = current.candidate().id();
		return new ProfileView(id, current.candidate().name(), profile.status(),
				(draft != null) ? DraftView.of(draft, draftPhotoPath) : null,
				(approval != null) ? ApprovedView.of(approval, PublicProfile.publicPhotoPath(id)) : null);
	}

	/**
	 * @param revision what staff name to approve it
	 * @param changedBy {@code CANDIDATE} or {@code STAFF}
	 */
	record DraftView(long revision, String biography, String party, PhotoView photo, Links links, Instant changedAt,
			Editor changedBy) {

		static DraftView of(CandidateProfile.Draft draft, String photoPath) {
			ProfileContent content = draft.content();
			return new DraftView(draft.revision(), content.biography(), content.party(),
					PhotoView.of(content.photo(), photoPath), content.links(), draft.changedAt(), draft.changedBy());
		}

	}

	/**
	 * @param revision the draft's revision that was approved
	 */
	record ApprovedView(long revision, String biography, String party, PhotoView photo, Links links,
			Instant approvedAt) {

		static ApprovedView of(CandidateProfile.Approval approval, String photoPath) {
			ProfileContent content = approval.content();
			return new ApprovedView(approval.revision(), content.biography(), content.party(),
					PhotoView.of(content.photo(), photoPath), content.links(), approval.approvedAt());
		}

	}

}
