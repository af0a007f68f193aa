package org.groundgame.web.console;

import org.groundgame.web.api.PlatformApis;

import org.springframework.web.client.RestClient;

/**
 * The services' APIs as the person signed in to the console calls them: every request
 * carries their access token (refreshed when it expires; a token the API refuses is
 * forgotten, so that the next page signs them in again). The services decide, from that
 * token alone, what the person may read and change: the console grants nothing by itself.
 * Answers are mapped as the site's are ({@link PlatformApis}): a problem document becomes
 * an {@code ApiProblem}, an outage a {@code ServiceUnavailable}.
 */
public final class ConsoleApis {

	private final PlatformApis apis;

	ConsoleApis(PlatformApis apis) {
		this.apis = apis;
	}

	public RestClient endorsement() {
		return this.apis.endorsement();
	}

	public RestClient volunteer() {
		return this.apis.volunteer();
	}

	public RestClient training() {
		return this.apis.training();
	}

	public RestClient notification() {
		return this.apis.notification();
	}

	public RestClient identity() {
		return this.apis.identity();
	}

}
