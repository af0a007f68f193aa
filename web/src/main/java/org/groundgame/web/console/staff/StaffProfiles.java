package org.groundgame.web.console.staff;

import java.util.Map;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * endorsement-service's candidates' profiles as national staff approve them, with the
 * signed-in person's token.
 */
@Component
class StaffProfiles {

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<Profile.Awaiting>> AWAITING = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	StaffProfiles(ConsoleApis apis) {
		this.apis = apis;
	}

	/** {@code GET /api/candidates/profiles/awaiting-approval?page=&size=}. */
	PageOf<Profile.Awaiting> awaitingApproval(int page) {
		return this.apis.endorsement()
			.get()
			.uri("/api/candidates/profiles/awaiting-approval?page={page}&size={size}", page, PAGE_SIZE)
			.retrieve()
			.body(AWAITING);
	}

	/** {@code GET /api/candidates/{id}/profile}. */
	Profile profile(String candidateId) {
		return this.apis.endorsement()
			.get()
			.uri("/api/candidates/{id}/profile", candidateId)
			.retrieve()
			.body(Profile.class);
	}

	/** The draft's uploaded photo ({@code GET /api/candidates/{id}/profile/photo}). */
	ResponseEntity<byte[]> draftPhoto(String candidateId) {
		return this.apis.endorsement()
			.get()
			.uri("/api/candidates/{id}/profile/photo", candidateId)
			.retrieve()
			.toEntity(byte[].class);
	}

	/** {@code POST /api/candidates/{id}/profile/approval} {@code {"revision"}}. */
	void approve(String candidateId, long revision) {
		this.apis.endorsement()
			.post()
			.uri("/api/candidates/{id}/profile/approval", candidateId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("revision", revision))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * {@code DELETE /api/candidates/{id}/profile/approval}: nothing public until approved
	 * again.
	 */
	void withdrawApproval(String candidateId) {
		this.apis.endorsement()
			.delete()
			.uri("/api/candidates/{id}/profile/approval", candidateId)
			.retrieve()
			.toBodilessEntity();
	}

}
