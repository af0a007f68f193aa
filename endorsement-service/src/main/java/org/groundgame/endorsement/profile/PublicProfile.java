package org.groundgame.endorsement.profile;

import java.time.Instant;

import org.groundgame.endorsement.profile.domain.CandidateProfile;
import org.groundgame.endorsement.profile.domain.Links;
import org.groundgame.endorsement.profile.domain.Photo;
import org.groundgame.endorsement.profile.domain.ProfileContent;

/**
 * What the public sees of a candidate's profile: the version staff approved, and nothing
 * else (no draft, no revision, no one who wrote it).
 *
 * @param photo {@code null} for none
 */
public record PublicProfile(String biography, String party, PhotoView photo, Links links, Instant approvedAt) {

	static PublicProfile of(String candidateId, CandidateProfile.Approval approval) {
		ProfileContent content = approval.content();
		return new PublicProfile(content.biography(), content.party(),
				PhotoView.of(content.photo(), publicPhotoPath(candidateId)), content.links(), approval.approvedAt());
	}

	/**
	 * Where anyone reads a candidate's approved uploaded photo, relative to the
	 * platform's address (the gateway).
	 */
	static String publicPhotoPath(String candidateId) {
		return "/api/candidates/" + candidateId + "/photo";
	}

	/**
	 * A photo: {@code url} is the https address given, or, for an uploaded one, where the
	 * service serves it (a path on the platform's address, with the image's version in
	 * {@code v}: a new photo is a new address); {@code width} and {@code height} are
	 * known for an uploaded one only.
	 *
	 * @param source {@code UPLOAD} or {@code URL}
	 */
	public record PhotoView(String source, String url, Integer width, Integer height) {

		static PhotoView of(Photo photo, String servedAt) {
			if (photo == null) {
				return null;
			}
			return photo.isStored()
					? new PhotoView("UPLOAD", servedAt + "?v=" + photo.imageId(), photo.width(), photo.height())
					: new PhotoView("URL", photo.url(), null, null);
		}

	}

}
