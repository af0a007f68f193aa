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

	/**
	 * The latest victories, newest win first.
	 * @param size how many
	 * @return a page of endorsements that won
	 */
	public PageOf<Endorsement> victories(int size) {
		return this.apis.endorsement()
			.get()
			.uri((uri) -> uri.path("/api/endorsements")
				.queryParam("outcome", Filter.VICTORIES)
				.queryParam("sort", "outcome")
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(ENDORSEMENTS);
	}

	/**
	 * The choices the filters offer: only those that find someone.
	 * @return states, levels, offices and cycles of active endorsements
	 */
	public Facets facets() {
		return this.apis.endorsement().get().uri("/api/endorsements/facets").retrieve().body(Facets.class);
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
	 * The values the filters can take.
	 *
	 * @param states the states
	 * @param levels the levels
	 * @param offices the offices
	 * @param cycles the cycles
	 */
	public record Facets(java.util.List<String> states, java.util.List<String> levels, java.util.List<String> offices,
			java.util.List<Integer> cycles) {

		public Facets {
			states = (states != null) ? states : java.util.List.of();
			levels = (levels != null) ? levels : java.util.List.of();
			offices = (offices != null) ? offices : java.util.List.of();
			cycles = (cycles != null) ? cycles : java.util.List.of();
		}

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

		/**
		 * The latest victories: endorsements whose last outcome is a win, newest first.
		 */
		static final String VICTORIES = "WON";

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
