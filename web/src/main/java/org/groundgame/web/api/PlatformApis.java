package org.groundgame.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.groundgame.web.WebProperties;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * One {@link RestClient} per service, on its base address. Every client turns a service's
 * answer into what a page can use: a 4xx problem document into an {@link ApiProblem}
 * (with the fields at fault), and an unreachable service or a 5xx into a
 * {@link ServiceUnavailable} naming the service. The site's calls carry no token: its
 * pages use only what the APIs offer the public, and the capability tokens of people's
 * private links. The console's carry the signed-in person's access token
 * ({@code ConsoleApis}).
 */
public final class PlatformApis {

	private final Map<PlatformService, RestClient> clients = new EnumMap<>(PlatformService.class);

	public PlatformApis(RestClient.Builder builder, WebProperties properties, JsonMapper json) {
		this(builder, properties, null, json);
	}

	/**
	 * The clients, with identity-service's as well when its address is given.
	 * @param builder the builder each client starts from (the console's adds the
	 * signed-in person's token)
	 * @param properties the services' addresses
	 * @param identity identity-service's address, or {@code null}
	 * @param json reads problem documents
	 */
	public PlatformApis(RestClient.Builder builder, WebProperties properties, URI identity, JsonMapper json) {
		WebProperties.Services services = properties.services();
		add(builder, PlatformService.ENDORSEMENT, services.endorsement(), json);
		add(builder, PlatformService.VOLUNTEER, services.volunteer(), json);
		add(builder, PlatformService.CAMPAIGN_TRAINING, services.campaignTraining(), json);
		add(builder, PlatformService.NOTIFICATION, services.notification(), json);
		if (identity != null) {
			add(builder, PlatformService.IDENTITY, identity, json);
		}
	}

	private void add(RestClient.Builder builder, PlatformService service, URI baseUri, JsonMapper json) {
		this.clients.put(service,
				builder.clone().baseUrl(baseUri.toString()).requestInterceptor((request, body, execution) -> {
					try {
						return execution.execute(request, body);
					}
					catch (IOException ex) {
						throw new ServiceUnavailable(service, ex);
					}
				}).defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
					throw new ServiceUnavailable(service, null);
				}).defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
					throw problem(response.getStatusCode().value(), response.getBody(), json);
				}).build());
	}

	private static ApiProblem problem(int status, InputStream body, JsonMapper json) {
		try {
			ProblemBody problem = json.readValue(body, ProblemBody.class);
			return new ApiProblem(status, problem.title(), problem.detail(), problem.errors());
		}
		catch (RuntimeException ex) {
			// Not a problem document (an empty 404, say): the status says enough.
			return new ApiProblem(status, null, null, List.of());
		}
	}

	public RestClient endorsement() {
		return this.clients.get(PlatformService.ENDORSEMENT);
	}

	public RestClient volunteer() {
		return this.clients.get(PlatformService.VOLUNTEER);
	}

	public RestClient training() {
		return this.clients.get(PlatformService.CAMPAIGN_TRAINING);
	}

	public RestClient notification() {
		return this.clients.get(PlatformService.NOTIFICATION);
	}

	/**
	 * identity-service's API: the console's only.
	 * @return its client
	 * @throws IllegalStateException for the public site's clients
	 */
	public RestClient identity() {
		RestClient identity = this.clients.get(PlatformService.IDENTITY);
		if (identity == null) {
			throw new IllegalStateException("The public site does not call identity-service");
		}
		return identity;
	}

	/** The parts of an RFC 9457 problem document that pages use. */
	record ProblemBody(String title, String detail, List<ApiProblem.FieldProblem> errors) {

	}

}
