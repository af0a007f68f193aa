package org.groundgame.web.candidates;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.api.PlatformApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;

/**
 * endorsement-service's public reads: endorsements, current races and the results tally.
 */
@Component
public class Endorsements {

	private static final ParameterizedTypeReference<PageOf<Endorsement>> ENDORSEMENTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<Race>> RACES = new ParameterizedTypeReference<>() {
	};

	private final PlatformApis apis;

	Endorsements(PlatformApis apis) {
		this.apis = apis;
	}

	/**
	 * Active endorsements, filtered.
	 * @param filter the filters (each may be blank)
	 * @param page the page, from 0
	 * @param size its size
	 * @return a page of endorsements
	 */
	public PageOf<Endorsement> endorsements(Filter filter, int page, int size) {
		return this.apis.endorsement()
			.get()
			.uri((uri) -> filter.applyTo(uri.path("/api/endorsements"))
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(ENDORSEMENTS);
	}

	public Endorsement endorsement(String id) {
		return this.apis.endorsement().get().uri("/api/endorsements/{id}", id).retrieve().body(Endorsement.class);
	}

	public PageOf<Race> races(Filter filter, int page, int size) {
		return this.apis.endorsement()
			.get()
			.uri((uri) -> filter.applyTo(uri.path("/api/races"))
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(RACES);
	}

	public Results results() {
		return this.apis.endorsement().get().uri("/api/endorsements/results").retrieve().body(Results.class);
	}

	/**
	 * What the lists are filtered by; blank means any.
	 *
	 * @param state a two-letter state code
	 * @param level {@code FEDERAL}, {@code STATE} or {@code LOCAL}
	 * @param office the office
	 * @param cycle the election cycle
	 */
	public record Filter(String state, String level, String office, Integer cycle) {

		public static final Filter NONE = new Filter(null, null, null, null);

		UriBuilder applyTo(UriBuilder uri) {
			if (present(this.state)) {
				uri.queryParam("state", this.state);
			}
			if (present(this.level)) {
				uri.queryParam("level", this.level);
			}
			if (present(this.office)) {
				uri.queryParam("office", this.office);
			}
			if (this.cycle != null) {
				uri.queryParam("cycle", this.cycle);
			}
			return uri;
		}

		private static boolean present(String value) {
			return value != null && !value.isBlank();
		}

	}

}
