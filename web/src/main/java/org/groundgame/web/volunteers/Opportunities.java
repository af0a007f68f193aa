package org.groundgame.web.volunteers;

import java.time.Instant;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.api.PlatformApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;

/** volunteer-service's public list of opportunities and their shifts. */
@Component
public class Opportunities {

	private static final ParameterizedTypeReference<PageOf<Opportunity>> OPPORTUNITIES = new ParameterizedTypeReference<>() {
	};

	private final PlatformApis apis;

	Opportunities(PlatformApis apis) {
		this.apis = apis;
	}

	public PageOf<Opportunity> opportunities(Filter filter, int page, int size) {
		return this.apis.volunteer()
			.get()
			.uri((uri) -> filter.applyTo(uri.path("/api/opportunities"))
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(OPPORTUNITIES);
	}

	public Opportunity opportunity(String id) {
		return this.apis.volunteer().get().uri("/api/opportunities/{id}", id).retrieve().body(Opportunity.class);
	}

	/**
	 * What the list is filtered by; blank or none means any.
	 *
	 * @param state a two-letter state code
	 * @param chapterId the organizing chapter
	 * @param type the kind of opportunity
	 * @param endorsementId the endorsed race it serves
	 * @param from shifts starting from then
	 * @param to shifts starting before then
	 */
	public record Filter(String state, String chapterId, String type, String endorsementId, Instant from, Instant to) {

		UriBuilder applyTo(UriBuilder uri) {
			add(uri, "state", this.state);
			add(uri, "chapterId", this.chapterId);
			add(uri, "type", this.type);
			add(uri, "endorsementId", this.endorsementId);
			if (this.from != null) {
				uri.queryParam("from", this.from);
			}
			if (this.to != null) {
				uri.queryParam("to", this.to);
			}
			return uri;
		}

		private static void add(UriBuilder uri, String name, String value) {
			if (value != null && !value.isBlank()) {
				uri.queryParam(name, value);
			}
		}

	}

}
