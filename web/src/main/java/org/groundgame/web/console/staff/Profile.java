package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.List;

/**
 * A candidate's profile as staff read it ({@code GET /api/candidates/{id}/profile}): the
 * draft, with the revision staff approve, and the version that is public.
 */
public record Profile(String candidateId, String candidateName, String status, Version draft, Version approved) {

	public boolean isAwaitingApproval() {
		return "AWAITING_APPROVAL".equals(this.status) && this.draft != null;
	}

	/**
	 * One version: the draft's has {@code changedAt} and {@code changedBy}, the approved
	 * one's {@code approvedAt}.
	 */
	public record Version(long revision, String biography, String party, Photo photo, Links links, Instant changedAt,
			String changedBy, Instant approvedAt) {
	}

	/**
	 * {@code source} {@code UPLOAD} (served by the API, to staff only for a draft) or
	 * {@code URL}.
	 */
	public record Photo(String source, String url, Integer width, Integer height) {

		public boolean isUpload() {
			return "UPLOAD".equals(this.source);
		}

	}

	public record Links(String website, String donate, String volunteer, List<Social> social) {

		public Links {
			social = (social != null) ? social : List.of();
		}

	}

	public record Social(String kind, String url) {
	}

	/** A profile waiting for approval, as the list shows it. */
	public record Awaiting(String candidateId, String candidateName, long revision, Instant changedAt, String changedBy,
			boolean published) {
	}

}
