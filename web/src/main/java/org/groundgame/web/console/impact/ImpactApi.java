package org.groundgame.web.console.impact;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.staff.Endorsement;
import org.groundgame.web.console.staff.Nomination;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a race's impact is made of, each from the service that keeps it, with the person's
 * own token: the endorsement and its outcomes (endorsement-service, public), the
 * nomination's research (endorsement-service, national staff's only), and the volunteer
 * effort (volunteer-service, which gives a chapter organizer their own chapter's part
 * only).
 */
@Component
class ImpactApi {

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<Endorsement>> ENDORSEMENTS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	ImpactApi(ConsoleApis apis) {
		this.apis = apis;
	}

	/** {@code GET /api/endorsements?status=ACTIVE&state=&page=&size=}, newest first. */
	PageOf<Endorsement> endorsements(Optional<String> state, int page) {
		String uri = UriComponentsBuilder.fromPath("/api/endorsements")
			.queryParam("status", "ACTIVE")
			.queryParamIfPresent("state", state)
			.queryParam("page", page)
			.queryParam("size", PAGE_SIZE)
			.build()
			.toUriString();
		return this.apis.endorsement().get().uri(uri).retrieve().body(ENDORSEMENTS);
	}

	/** {@code GET /api/endorsements/{id}}. */
	Endorsement endorsement(String id) {
		return this.apis.endorsement().get().uri("/api/endorsements/{id}", id).retrieve().body(Endorsement.class);
	}

	/**
	 * {@code GET /api/nominations/{id}}: its research is shown to national staff only.
	 */
	Nomination nomination(String id) {
		return this.apis.endorsement().get().uri("/api/nominations/{id}", id).retrieve().body(Nomination.class);
	}

	/** {@code GET /api/opportunities/effort?endorsementId=}. */
	RaceEffort effort(String endorsementId) {
		return this.apis.volunteer()
			.get()
			.uri("/api/opportunities/effort?endorsementId={id}", endorsementId)
			.retrieve()
			.body(RaceEffort.class);
	}

	/**
	 * {@code GET /api/opportunities/effort/endorsements?endorsementId=…}: the totals
	 * behind each of these endorsements; those without shifts are not in the map.
	 */
	Map<String, RaceEffort.Totals> effortOf(Collection<String> endorsementIds) {
		if (endorsementIds.isEmpty()) {
			return Map.of();
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/opportunities/effort/endorsements");
		endorsementIds.forEach((id) -> uri.queryParam("endorsementId", id));
		RaceEffort.Summary summary = this.apis.volunteer()
			.get()
			.uri(uri.build().toUriString())
			.retrieve()
			.body(RaceEffort.Summary.class);
		if (summary == null) {
			return Map.of();
		}
		return summary.endorsements()
			.stream()
			.collect(Collectors.toMap(RaceEffort.Summary.Entry::endorsementId, RaceEffort.Summary.Entry::totals,
					(first, second) -> first));
	}

}
